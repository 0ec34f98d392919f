package org.arrival.assessments.inputs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.inputs.application.InputService;
import org.arrival.assessments.inputs.application.InputService.SeenInput;
import org.arrival.assessments.shared.web.ShownCount;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.Input;
import org.arrival.contracts.assessments.InputKind;
import org.jspecify.annotations.Nullable;

/**
 * An input as the caller may see it: participants exact for its contributor, who also gets {@code shownToOthers};
 * for others suppressed below 5 and rounded to a multiple of 5 otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputView(
        UUID id,
        UUID contributorId,
        String subjectType,
        UUID subjectId,
        InputKind kind,
        String summary,
        String provenance,
        LocalDate collectedOn,
        @Nullable ShownCount participants,
        DataClassification classification,
        List<UUID> sharedWithForums,
        Instant createdAt,
        @Nullable ShownToOthers shownToOthers) {

    /** The input's counts as everyone but its contributor sees them. */
    public record ShownToOthers(@Nullable ShownCount participants) {}

    public static InputView of(SeenInput seen) {
        var c = seen.stored().input();
        Input i = InputService.snapshot(c, seen.exact());
        return new InputView(
                i.inputId(),
                i.contributorId(),
                i.subjectType(),
                i.subjectId(),
                i.kind(),
                i.summary(),
                i.provenance(),
                c.collectedOn(),
                ShownCount.of(i.participants()),
                c.classification(),
                c.sharedWithForums(),
                seen.stored().createdAt(),
                seen.exact() && c.participants() != null
                        ? new ShownToOthers(
                                ShownCount.of(InputService.snapshot(c, false).participants()))
                        : null);
    }
}
