package org.arrival.forum.coherence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.forum.projection.domain.InMemoryStore;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.FundingLineState;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.MembershipRow;
import org.arrival.forum.projection.domain.Rows.OrganisationRow;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checks over a hand-built projection: gaps answered through the checklist's framework items, and the cascade. */
class CoherenceCascadeAndTagsTest {

    private static final Jurisdiction UGANDA = new Jurisdiction("UG", null, null, null);
    private static final Jurisdiction KAMPALA = new Jurisdiction("UG", "UG-C", null, "Kampala");

    private final InMemoryStore store = new InMemoryStore();
    private final Map<UUID, ActionLinks.Links> links = new HashMap<>();
    private final ActionLinks actionLinks = new ActionLinks() {
        @Override
        public Links of(UUID actionId) {
            return links.getOrDefault(actionId, Links.NONE);
        }

        @Override
        public List<Implementation> implementationsOf(UUID commitmentId) {
            return List.of();
        }
    };

    private UUID forum;
    private UUID city;
    private UUID ministry;
    private UUID round;

    @BeforeEach
    void forumWithACityAndAMinistry() {
        city = organisation("City", "LOCAL_GOVERNMENT");
        ministry = organisation("Ministry", "NATIONAL_GOVERNMENT_BODY");
        ForumRow f = new ForumRow();
        f.id = UUID.randomUUID();
        f.convenorId = city;
        f.geographicScope = KAMPALA;
        store.save(f);
        forum = f.id;
        seat(city);
        seat(ministry);
        RoundScoreRow r = new RoundScoreRow();
        r.id = UUID.randomUUID();
        r.ownerId = city;
        r.classification = "PUBLIC";
        r.sharedWithForums = List.of(forum);
        store.save(r);
        round = r.id;
    }

    @Test
    void aGapIsAnsweredByAnActionTaggedWithItsChecklistActionAndNotByAnotherOne() {
        UUID answered = gap("2.2", "2.2.e");
        UUID open = gap("9.2", "9.2.a");
        action(
                city,
                "Neighbourhood plans",
                List.of("URBAN_PLANNING"),
                List.of("REFUGEES"),
                KAMPALA,
                List.of("UNH-R2.2", "SDG-11.3"));

        List<Finding> gaps = run(CoherenceCheckCode.GAP_WITHOUT_ACTION);

        assertThat(gaps).extracting(Finding::recordIds).containsExactly(List.of(open));
        assertThat(gaps).extracting(Finding::recordIds).doesNotContain(List.of(answered));
    }

    @Test
    void aGapLinkedByIdIsAnsweredWhateverTheTags() {
        UUID linked = gap("7.1", "7.1.b");
        ActionRow a =
                action(city, "Budget for all residents", List.of("FINANCE"), List.of("REFUGEES"), KAMPALA, List.of());
        links.put(a.id, new ActionLinks.Links(null, false, List.of(), List.of(linked)));

        assertThat(run(CoherenceCheckCode.GAP_WITHOUT_ACTION)).isEmpty();
    }

    @Test
    void aLocalActionImplementingACommitmentDoesNotOverlapIt() {
        ActionRow commitment = action(
                ministry,
                "Plan services for all urban refugees",
                List.of("URBAN_PLANNING"),
                List.of("REFUGEES"),
                UGANDA,
                List.of());
        links.put(commitment.id, new ActionLinks.Links(null, true, List.of(city), List.of()));
        ActionRow local = action(
                city,
                "Neighbourhood service plans",
                List.of("URBAN_PLANNING"),
                List.of("REFUGEES"),
                KAMPALA,
                List.of());
        links.put(local.id, new ActionLinks.Links(commitment.id, false, List.of(), List.of()));

        assertThat(run(CoherenceCheckCode.OVERLAPPING_ACTIONS)).isEmpty();

        // the same pair without the cascade link is an overlap
        links.put(local.id, ActionLinks.Links.NONE);
        assertThat(run(CoherenceCheckCode.OVERLAPPING_ACTIONS))
                .extracting(Finding::recordIds)
                .singleElement()
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(commitment.id, local.id));
    }

    private List<Finding> run(CoherenceCheckCode check) {
        return CoherenceChecks.run(store, forum, actionLinks, java.time.LocalDate.of(2025, 6, 1)).stream()
                .filter(f -> f.check() == check)
                .toList();
    }

    private UUID organisation(String name, String type) {
        OrganisationRow o = new OrganisationRow();
        o.id = UUID.randomUUID();
        o.name = name;
        o.type = type;
        o.status = "ACTIVE";
        store.save(o);
        return o.id;
    }

    private void seat(UUID organisation) {
        MembershipRow m = new MembershipRow();
        m.id = UUID.randomUUID();
        m.forumId = forum;
        m.stakeholderId = organisation;
        m.status = "ACTIVE";
        store.save(m);
    }

    private UUID gap(String actionCode, String questionCode) {
        GapRow g = new GapRow();
        g.id = UUID.randomUUID();
        g.roundId = round;
        g.ownerId = city;
        g.classification = "PUBLIC";
        g.jurisdiction = KAMPALA;
        g.recommendationCode = "R" + actionCode.substring(0, actionCode.indexOf('.'));
        g.actionCode = actionCode;
        g.questionCode = questionCode;
        g.consolidatedAnswer = "N";
        store.save(g);
        return g.id;
    }

    private ActionRow action(
            UUID owner,
            String title,
            List<String> sectors,
            List<String> groups,
            Jurisdiction area,
            List<String> frameworkItems) {
        ActionRow a = new ActionRow();
        a.id = UUID.randomUUID();
        a.version = 1;
        a.placeholder = false;
        a.ownerId = owner;
        a.classification = "FORUM";
        a.sharedWithForums = List.of(forum);
        a.title = title;
        a.status = "IN_PROGRESS";
        a.sectors = sectors;
        a.targetGroups = groups;
        a.areas = List.of(area);
        a.frameworkItems = frameworkItems;
        a.startDate = LocalDate.of(2026, 1, 1);
        a.endDate = LocalDate.of(2027, 12, 31);
        FundingLineState line = new FundingLineState();
        line.id = UUID.randomUUID();
        line.currency = "UGX";
        line.committed = java.math.BigDecimal.TEN;
        a.fundingLines = Map.of(line.id.toString(), line);
        store.save(a);
        return a;
    }
}
