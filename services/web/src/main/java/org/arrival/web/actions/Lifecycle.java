package org.arrival.web.actions;

import java.util.List;
import java.util.Map;

/**
 * The steps an action may take from each status, as the action-plans service allows them (PROPOSED, COMMITTED,
 * IN_PROGRESS and back and forth to ON_HOLD, COMPLETED, EVALUATED; CANCELLED, with a reason, until it is
 * completed), so the page offers only those. The service decides; a step it refuses anyway is shown as its refusal.
 */
public final class Lifecycle {

    public static final String CANCELLED = "CANCELLED";

    private static final Map<String, List<String>> NEXT = Map.of(
            "PROPOSED",
            List.of("COMMITTED", CANCELLED),
            "COMMITTED",
            List.of("IN_PROGRESS", CANCELLED),
            "IN_PROGRESS",
            List.of("ON_HOLD", "COMPLETED", CANCELLED),
            "ON_HOLD",
            List.of("IN_PROGRESS", CANCELLED),
            "COMPLETED",
            List.of("EVALUATED"),
            "EVALUATED",
            List.of(),
            CANCELLED,
            List.of());

    private Lifecycle() {}

    /** The statuses the action may move to next. */
    public static List<String> next(String status) {
        return NEXT.getOrDefault(status, List.of());
    }

    /** Cancelled and evaluated actions are closed: neither they nor their milestones change any more. */
    public static boolean open(String status) {
        return !CANCELLED.equals(status) && !"EVALUATED".equals(status);
    }

    /** Progress is reported once an action is committed, and never on a cancelled one. */
    public static boolean reportable(String status) {
        return !"PROPOSED".equals(status) && !CANCELLED.equals(status);
    }

    /** The key of the button that takes the step, e.g. "Start" from committed and "Resume" from on hold. */
    public static String stepKey(String from, String to) {
        return "IN_PROGRESS".equals(to) && "ON_HOLD".equals(from)
                ? "actions.lifecycle.step.RESUME"
                : "actions.lifecycle.step." + to;
    }
}
