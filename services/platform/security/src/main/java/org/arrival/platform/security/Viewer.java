package org.arrival.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.jspecify.annotations.Nullable;

/**
 * Who is looking, and the one read policy of the platform: their organisation's own records in full; others'
 * records by classification (PUBLIC to all, FORUM to members of a forum the record is shared with, never
 * ORGANISATION); RESTRICTED records, unsuppressed small counts and anything of an organisation hidden from
 * enforcement bodies never to an enforcement body.
 * <p>
 * The policy covers what is derived from records too: a flag, a roll-up, a count or a notification is readable only
 * when every record it comes from is ({@link #mayReadAll}), and a reference to an organisation is shown only when
 * the organisation may be seen ({@link #maySeeOrganisation}). What the viewer may not read is answered exactly like
 * what does not exist.
 *
 * @param hiddenOrganisations the organisations hidden from this viewer: those hidden from enforcement bodies when
 *        the viewer is one, otherwise none
 */
public record Viewer(Caller caller, boolean enforcementBody, Set<UUID> forums, Set<UUID> hiddenOrganisations) {

    public Viewer {
        forums = Set.copyOf(forums);
        hiddenOrganisations = enforcementBody ? Set.copyOf(hiddenOrganisations) : Set.of();
    }

    public boolean owns(@Nullable UUID owner) {
        return caller.actsFor(owner);
    }

    /** Whether the viewer may know that the organisation exists: its id, name and records. */
    public boolean maySeeOrganisation(@Nullable UUID organisation) {
        return organisation == null || owns(organisation) || !hiddenOrganisations.contains(organisation);
    }

    /** The organisations of the list that the viewer may see, in their order. */
    public List<UUID> visibleOrganisations(Collection<UUID> organisations) {
        return organisations.stream().filter(this::maySeeOrganisation).toList();
    }

    public boolean mayRead(@Nullable UUID owner, DataClassification classification, Collection<UUID> sharedWithForums) {
        if (owns(owner)) {
            return true;
        }
        if (enforcementBody && (classification == DataClassification.RESTRICTED || !maySeeOrganisation(owner))) {
            return false;
        }
        if (caller.isPlatformAdmin()) {
            return true;
        }
        return switch (classification) {
            case PUBLIC -> true;
            case FORUM, RESTRICTED -> sharedWithForums.stream().anyMatch(forums::contains);
            case ORGANISATION -> false;
        };
    }

    public boolean mayRead(RecordScope record) {
        return mayRead(record.owner(), record.classification(), record.forums());
    }

    /** Derived data (a flag, a roll-up, a change, a notification) is readable only when all its sources are. */
    public boolean mayReadAll(Collection<RecordScope> sources) {
        return sources.stream().allMatch(this::mayRead);
    }

    /** Small counts are shown only to the owner, and never to an enforcement body. */
    public boolean seesSmallCounts(UUID owner) {
        return owns(owner) && !enforcementBody;
    }
}
