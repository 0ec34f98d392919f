package org.arrival.actionplans.contributions.domain;

import java.util.UUID;
import org.arrival.contracts.actionplans.ContributionKind;
import org.arrival.platform.web.InvalidInput;

/**
 * Another organisation's comment on, endorsement of or objection to an action: its own record, which never changes
 * the action. A comment and an objection say something (text is required); an endorsement may stand alone.
 */
public record Contribution(UUID id, UUID actionId, UUID contributorId, ContributionKind kind, String text) {

    public static final int MAX_TEXT = 4000;

    public Contribution {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public Contribution validated() {
        if (kind == null) {
            throw InvalidInput.field("kind", "is required");
        }
        if (text == null && kind != ContributionKind.ENDORSEMENT) {
            throw InvalidInput.field("text", "is required for a " + kind);
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw InvalidInput.field("text", "must be at most " + MAX_TEXT + " characters");
        }
        return this;
    }
}
