package org.arrival.web.decisions;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Where a record a decision or an agenda item names has its page, and which labels word its status. */
public final class Records {

    private Records() {}

    public static @Nullable String href(UUID forumId, String kind, UUID id) {
        return switch (kind) {
            case "ACTION" -> "/actions/" + id;
            case "NEED" -> "/needs/" + id;
            case "FLAG" -> "/forums/" + forumId + "/flags/" + id;
            case "PLAN" -> "/plans/" + id;
            case "ROUND" -> "/rounds/" + id;
            case "DECISION" -> "/forums/" + forumId + "/decisions#decision-" + id;
            default -> null;
        };
    }

    /** The contracts' enum whose labels word the status of a record of this kind. */
    public static String statusKind(String kind) {
        return switch (kind) {
            case "ACTION" -> "ActionStatus";
            case "NEED" -> "NeedStatus";
            case "FLAG" -> "FlagStatus";
            case "PLAN" -> "PlanStatus";
            case "ROUND" -> "RoundStatus";
            default -> "Status";
        };
    }
}
