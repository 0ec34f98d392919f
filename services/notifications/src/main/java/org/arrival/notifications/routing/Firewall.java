package org.arrival.notifications.routing;

import java.util.Set;
import java.util.UUID;

import org.arrival.contracts.DataClassification;

/**
 * Nobody is told what they could not read at the owning service. The owner is always told; PUBLIC goes to anyone;
 * FORUM only to members of a forum the record is shared with (unknown forums: the owner only); ORGANISATION only to
 * the owner; RESTRICTED never to enforcement bodies and otherwise like FORUM. Nothing about an organisation hidden
 * from enforcement bodies reaches an enforcement body. The author of a contribution or input reads what it wrote
 * (unless ORGANISATION-classified, or RESTRICTED for an enforcement body).
 */
public final class Firewall {

    private Firewall() {
    }

    /**
     * What an event lets through.
     *
     * @param owner the record's owner; null when unknown (then nobody is an owner)
     * @param forums the forums the record is shared with; empty when unknown
     * @param readers organisations that read the record besides its owner (an author, a subject's owner)
     * @param involvesHidden the owner or an author is hidden from enforcement bodies
     */
    public record Audience(UUID owner, DataClassification classification, Set<UUID> forums, Set<UUID> readers,
            boolean involvesHidden) {
    }

    /**
     * A possible recipient as the replica knows it.
     *
     * @param enforcementBody true also for organisations the replica does not know
     */
    public record Recipient(UUID organisation, boolean enforcementBody, Set<UUID> forums) {
    }

    public static boolean mayTell(Audience audience, Recipient recipient) {
        if (recipient.organisation() == null) {
            return false;
        }
        if (recipient.organisation().equals(audience.owner())) {
            return true;
        }
        if (recipient.enforcementBody()) {
            if (audience.involvesHidden() || audience.classification() == DataClassification.RESTRICTED) {
                return false;
            }
        }
        if (audience.readers().contains(recipient.organisation())
                && audience.classification() != DataClassification.ORGANISATION) {
            return true;
        }
        return switch (audience.classification()) {
            case PUBLIC -> true;
            case FORUM, RESTRICTED -> audience.forums().stream().anyMatch(recipient.forums()::contains);
            case ORGANISATION -> false;
        };
    }
}
