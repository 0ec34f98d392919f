package org.arrival.benchmarks.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The copy of the tracker's statements and the baselines carry as many parameters as they have places for. */
class TrackerSqlTest {

    private static final UUID FORUM = UUID.fromString("3f2b8c4d-1e6a-4f7b-9c0d-2a1b3c4d5e6f");
    private static final UUID ORG = UUID.fromString("3ad21286-85be-4d44-97dc-26da917903ed");
    private static final UUID HIDDEN = UUID.fromString("5fdf833c-73d9-4274-b65b-49a42520c0a1");

    @Test
    void aMembersTrackerPageIsCountedThenRead() {
        SqlViewer member = new SqlViewer(ORG, false, Set.of(FORUM), Set.of(HIDDEN));
        List<Query> s = TrackerSql.statements(
                7, FORUM, member, new TrackerSql.Page("HEALTH", "IN_PROGRESS", "-endDate", 50, 3));
        assertThat(s).hasSize(2);
        assertThat(s.get(0).sql()).startsWith("SELECT count(*) FROM fv_action a WHERE a.generation = ?");
        assertThat(s.get(0).params())
                .containsExactly(
                        7, FORUM, 7, FORUM, ORG, new Query.ArrayValue("{\"" + FORUM + "\"}"), "HEALTH", "IN_PROGRESS");
        assertThat(s.get(1).sql())
                .contains("ORDER BY (a.data->>'endDate')::date DESC NULLS LAST, a.id::text LIMIT ? OFFSET ?");
        assertThat(s.get(1).params()).endsWith(50, 150L);
        // not an enforcement body: nobody is hidden from them
        assertThat(member.hidden()).isEmpty();
    }

    @Test
    void anEnforcementBodyDoesNotSeeHiddenOrganisations() {
        SqlViewer enforcement = new SqlViewer(ORG, true, Set.of(), Set.of(HIDDEN));
        Query count = TrackerSql.statements(1, FORUM, enforcement, TrackerSql.Page.first())
                .get(0);
        assertThat(count.sql()).contains("<> 'RESTRICTED' AND NOT (a.owner_id = ANY (?::uuid[]))");
        assertThat(count.params()).contains(new Query.ArrayValue("{\"" + HIDDEN + "\"}"));
        assertThat(count.sql()).doesNotContain("&&");
    }

    @Test
    void theTrackerSortsOnlyByItsFields() {
        assertThatThrownBy(() -> new TrackerSql.Page(null, null, "-percentComplete", 50, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyBaselineHasItsParameters() {
        UUID flag = UUID.randomUUID();
        List<List<Query>> all = List.of(
                Baselines.trackerPage(FORUM, 2),
                Baselines.trackerFiltered(FORUM, "HEALTH", "IN_PROGRESS"),
                Baselines.whoWhatWhere(FORUM),
                Baselines.needsCoverage(FORUM),
                Baselines.readiness(),
                Baselines.asOf(FORUM, Instant.parse("2024-12-01T00:00:00Z")),
                Baselines.export(FORUM),
                Baselines.flags(FORUM),
                Baselines.flagHistory(flag));
        assertThat(all).allSatisfy(queries -> assertThat(queries).isNotEmpty());
        assertThat(Baselines.trackerPage(FORUM, 2).get(0).params()).containsExactly(FORUM, 50, 100L);
        // the flags' first page, as the service answers it by default
        assertThat(Baselines.flags(FORUM).get(0).params()).containsExactly(FORUM, 50);
        assertThat(Baselines.flags(FORUM).get(0).sql()).contains("ORDER BY created_at DESC", "LIMIT ?");
        assertThat(Baselines.asOf(FORUM, Instant.parse("2024-12-01T00:00:00Z"))
                        .get(0)
                        .params())
                .containsExactly(FORUM, Timestamp.from(Instant.parse("2024-12-01T00:00:00Z")));
        assertThatThrownBy(() -> Query.of("SELECT ? + ?", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
