package org.arrival.notifications.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * Nobody is told what they could not read at the owning service. A notification is derived data: an organisation is
 * told only when the platform's read policy ({@link Viewer}) lets it read what the notification is about, and see
 * every organisation the event names. So nothing RESTRICTED and nothing about an organisation hidden from
 * enforcement bodies reaches an enforcement body, whatever else the notification says.
 */
public final class Firewall {

    private Firewall() {}

    /**
     * The read scope of a record whose owner may be unknown (a record known only from its children's events, or
     * only by id). The read policy takes an absent owner for nobody's.
     */
    public static RecordScope scope(@Nullable UUID owner, DataClassification classification, Collection<UUID> forums) {
        return RecordScope.of(owner, classification, forums);
    }

    /**
     * An organisation as a recipient, for {@code Organisations.viewer}: no person and no roles, since the read
     * policy judges what the organisation may read.
     */
    public static Caller recipient(UUID organisation) {
        return Caller.organisation(organisation);
    }

    /**
     * What an event lets through.
     *
     * @param scope the owner the firewall decides for, the classification (the event's, raised to the strictest of
     *        the records it quotes or names: {@link #classification}) and the forums the record is shared with
     *        (empty when unknown: then the owner only)
     * @param organisations every organisation the event is about or names: its owner, the author, participants,
     *        members, the actor's organisation
     * @param addressees the organisation a contribution or input was written by or is addressed to: it reads it as
     *        its owner would, unless it is classified ORGANISATION, or RESTRICTED and it is an enforcement body
     */
    public record Audience(RecordScope scope, Set<UUID> organisations, Set<UUID> addressees) {

        public Audience {
            organisations = Set.copyOf(organisations);
            addressees = Set.copyOf(addressees);
        }
    }

    /**
     * The classification of a notification: the event's, or the record's it quotes if stricter, or RESTRICTED when
     * it names a restricted record.
     */
    public static DataClassification classification(
            DataClassification event, RecordScope quoted, Collection<RecordScope> named) {
        List<RecordScope> sources = new ArrayList<>();
        if (quoted != null) {
            sources.add(quoted);
        }
        // a record only named counts for what it says of enforcement bodies; its owner is among the organisations
        named.stream()
                .filter(r -> r.classification() == DataClassification.RESTRICTED)
                .forEach(sources::add);
        return RecordScope.strictest(event, sources, owner -> false);
    }

    public static boolean mayTell(Audience audience, Viewer recipient) {
        UUID org = recipient.caller().organisationId();
        if (org == null) {
            return false;
        }
        if (recipient.visibleOrganisations(audience.organisations()).size()
                != audience.organisations().size()) {
            return false;
        }
        if (recipient.mayRead(audience.scope())) {
            return true;
        }
        DataClassification c = audience.scope().classification();
        return audience.addressees().contains(org)
                && c != DataClassification.ORGANISATION
                && !(recipient.enforcementBody() && c == DataClassification.RESTRICTED);
    }
}
