package org.arrival.actionplans.freshness.application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How many days after a period ends its report is due ({@code arrival.action-plans.reporting.grace-days}). */
@Component
public class ReportingPolicy {

    private final int graceDays;

    public ReportingPolicy(@Value("${arrival.action-plans.reporting.grace-days:15}") int graceDays) {
        if (graceDays < 0) {
            throw new IllegalArgumentException("arrival.action-plans.reporting.grace-days must not be negative");
        }
        this.graceDays = graceDays;
    }

    public int graceDays() {
        return graceDays;
    }
}
