package org.arrival.actionplans.progress.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.arrival.contracts.actionplans.IndicatorValue;

/** An indicator's value in the period, with its baseline and target when it has them. */
public record IndicatorInput(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) String unit,
        Double baseline,
        Double target,
        @NotNull Double actual) {

    public IndicatorValue toValue() {
        return new IndicatorValue(name, unit, baseline, target, actual);
    }
}
