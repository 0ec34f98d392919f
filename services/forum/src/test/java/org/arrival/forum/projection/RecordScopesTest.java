package org.arrival.forum.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Scopes;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.security.RecordScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The scopes of actions and needs are read from a few fields of their rows, not the whole rows: they must be the
 * scopes the whole rows give, for every classification, sharing and placeholder.
 */
class RecordScopesTest extends ForumIntegrationTest {

    @Autowired
    Generations generations;

    @Autowired
    JdbcTemplate jdbc;

    private final List<UUID> saved = new ArrayList<>();

    /** The rows are not the projection of any event: a rebuild from the topics would not have them. */
    @AfterEach
    void removeTheRows() {
        SqlParameterValue ids = ReadSql.array(saved);
        jdbc.update("DELETE FROM fv_action WHERE id = ANY (?::uuid[])", ids);
        jdbc.update("DELETE FROM fv_need WHERE id = ANY (?::uuid[])", ids);
    }

    @Test
    void theScopesReadFromAFewFieldsAreTheScopesOfTheWholeRows() {
        JdbcStore store = generations.activeStore();
        UUID owner = UUID.randomUUID();
        UUID forum = UUID.randomUUID();
        List<UUID> ids = saved;
        Map<UUID, List<RecordScope>> whole = new HashMap<>();
        for (String classification : List.of("PUBLIC", "FORUM", "RESTRICTED", "ORGANISATION")) {
            for (List<UUID> shared : List.of(List.<UUID>of(), List.of(forum), List.of(forum, UUID.randomUUID()))) {
                for (boolean placeholder : List.of(false, true)) {
                    ActionRow a = new ActionRow();
                    a.id = UUID.randomUUID();
                    a.version = 3;
                    a.ownerId = owner;
                    a.classification = classification;
                    a.placeholder = placeholder;
                    a.title = "Shelter with a long history";
                    a.sharedWithForums = new ArrayList<>(shared);
                    a.sectors = new ArrayList<>(List.of("HOUSING"));
                    store.save(a);
                    ids.add(a.id);
                    Scopes.action(a).ifPresent(s -> whole.put(a.id, List.of(s)));
                }
                NeedRow n = need(store, owner, classification, shared);
                Scopes.need(n).ifPresent(s -> whole.put(n.id, List.of(s)));
            }
        }

        assertThat(whole).isNotEmpty();
        assertThat(store.scopes(ids)).isEqualTo(whole);
    }

    @Test
    void aForumsChecksReadTheNeedsItsMembersOwnOrSharedWithItAndNoOthers() {
        JdbcStore store = generations.activeStore();
        UUID forum = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        NeedRow owned = need(store, member, List.of());
        NeedRow shared = need(store, outsider, List.of(UUID.randomUUID(), forum));
        need(store, outsider, List.of(UUID.randomUUID()));
        need(store, outsider, List.of());
        NeedRow unshared = need(store, outsider, List.of());
        unshared.sharedWithForums = null;
        store.save(unshared);

        List<UUID> concerning = store.needsConcerning(forum, Set.of(member, UUID.randomUUID())).stream()
                .map(n -> n.id)
                .toList();
        assertThat(concerning).containsExactlyInAnyOrder(owned.id, shared.id);
        assertThat(store.needsConcerning(UUID.randomUUID(), Set.of())).isEmpty();
    }

    private NeedRow need(JdbcStore store, UUID owner, List<UUID> sharedWith) {
        return need(store, owner, "FORUM", sharedWith);
    }

    /** A need saved in the active generation, removed again after the test. */
    private NeedRow need(JdbcStore store, UUID owner, String classification, List<UUID> sharedWith) {
        NeedRow n = new NeedRow();
        n.id = UUID.randomUUID();
        n.version = 1;
        n.ownerId = owner;
        n.classification = classification;
        n.statement = "Beds for arrivals";
        n.sharedWithForums = new ArrayList<>(sharedWith);
        store.save(n);
        saved.add(n.id);
        return n;
    }
}
