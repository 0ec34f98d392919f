package org.arrival.forum.coherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.assessments.ChecklistGapIdentified;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CoherenceFlagTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RAISED = "org.arrival.forum.CoherenceFlagRaised.v1";
    private static final String UPDATED = "org.arrival.forum.CoherenceFlagUpdated.v1";

    @Autowired
    CoherenceChecker checker;

    @Autowired
    Generations generations;

    record Forum(UUID id, UUID city, UUID ngo) {}

    private Forum seededForum() {
        UUID city = registered("City", false, false);
        UUID ngo = registered("NGO", false, false);
        UUID forum = forum(city);
        member(forum, city);
        member(forum, ngo);
        await().atMost(WAIT)
                .until(() -> count("fv_membership", "forum_id = '" + forum + "'") == 2
                        && seated(forum, city)
                        && seated(forum, ngo));
        return new Forum(forum, city, ngo);
    }

    private long count(String table, String where) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM " + table + " WHERE generation = ? AND " + where,
                Long.class,
                generations.active());
    }

    private void awaitAction(UUID id, String condition) {
        await().atMost(WAIT).until(() -> count("fv_action", "id = '" + id + "' AND " + condition) == 1);
    }

    private List<CoherenceFlagRow> flags(UUID forum, CoherenceCheckCode code) {
        return checker.flags(forum, null, code);
    }

    private Action simple(UUID id, UUID owner, UUID forum, String title, Sector sector, List<UUID> needs) {
        return action(
                id,
                1,
                owner,
                forum,
                title,
                sector,
                PopulationGroup.REFUGEES,
                List.of(),
                needs,
                ActionStatus.IN_PROGRESS);
    }

    @Test
    void needWithoutActionIsFlaggedOnceAndResolvedWhenAnActionAddressesIt() {
        Forum f = seededForum();
        UUID need = need(f.ngo(), Sector.EDUCATION, PopulationGroup.REFUGEES);
        await().atMost(WAIT).until(() -> count("fv_need", "id = '" + need + "'") == 1);
        checker.check(f.id());
        checker.check(f.id());
        List<CoherenceFlagRow> flags = flags(f.id(), CoherenceCheckCode.NEED_WITHOUT_ACTION);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).recordIds()).containsExactly(need);
        assertThat(flags.get(0).status()).isEqualTo(FlagStatus.OPEN);
        assertThat(flags.get(0).version()).isEqualTo(1);

        UUID school = UUID.randomUUID();
        proposed(
                action(
                        school,
                        1,
                        f.city(),
                        f.id(),
                        "School places",
                        Sector.HEALTH,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(need),
                        ActionStatus.COMMITTED),
                DataClassification.FORUM);
        awaitAction(school, "version = 1");
        checker.check(f.id());
        flags = flags(f.id(), CoherenceCheckCode.NEED_WITHOUT_ACTION);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).status()).isEqualTo(FlagStatus.RESOLVED);
        assertThat(flags.get(0).reason()).isEqualTo("condition no longer holds");
    }

    @Test
    void checklistGapWithoutActionIsFlaggedWithItsEventAndResolvedWhenAnActionLinksIt() {
        Forum f = seededForum();
        try (EventRecorder recorder =
                EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), "arrival.forum.flags.v1")) {
            UUID round = scores(f.city(), f.id(), 40, List.of());
            UUID gap = UUID.randomUUID();
            feed.publish(
                    new ChecklistGapIdentified(gap, round, KAMPALA, f.city(), "R1", "1.2", "1.2.a", "N", 0.0, false),
                    gap,
                    gap,
                    f.city(),
                    DataClassification.PUBLIC);
            await().atMost(WAIT)
                    .until(() -> count("fv_gap", "id = '" + gap + "'") == 1
                            && count("fv_round_score", "id = '" + round + "'") == 1);
            // an action on another of the Guide's checklist actions answers nothing
            UUID unrelated = UUID.randomUUID();
            proposed(
                    action(
                            unrelated,
                            1,
                            f.ngo(),
                            f.id(),
                            "Language classes",
                            Sector.EDUCATION,
                            PopulationGroup.REFUGEES,
                            List.of("UNH-R3.1"),
                            List.of(),
                            ActionStatus.IN_PROGRESS),
                    DataClassification.FORUM);
            awaitAction(unrelated, "version = 1");
            checker.check(f.id());
            checker.check(f.id());
            List<CoherenceFlagRow> found = flags(f.id(), CoherenceCheckCode.GAP_WITHOUT_ACTION);
            assertThat(found).singleElement().satisfies(r -> {
                assertThat(r.recordIds()).containsExactly(gap);
                assertThat(r.status()).isEqualTo(FlagStatus.OPEN);
                assertThat(r.version()).isEqualTo(1);
                assertThat(r.summary()).contains("1.2.a", "Kampala");
            });
            CoherenceFlagRow flag = found.get(0);
            var raised = recorder.awaitExactlyOne(RAISED, flag.flagId().toString());
            assertThat(raised.key()).isEqualTo(f.id().toString());
            assertThat(raised.payloadText()).contains("\"checkCode\":\"GAP_WITHOUT_ACTION\"", gap.toString());
            EventRecorder.assertValidCloudEvent(raised);

            // the NGO links an action to the gap: the condition no longer holds and the flag resolves itself
            UUID answer = UUID.randomUUID();
            Action a = simple(answer, f.ngo(), f.id(), "Reception desk", Sector.PROTECTION_RIGHTS, List.of());
            proposed(
                    new Action(
                            answer,
                            1,
                            a.ownerId(),
                            null,
                            a.title(),
                            null,
                            a.kind(),
                            a.sectors(),
                            a.targetGroups(),
                            a.areas(),
                            a.startDate(),
                            a.endDate(),
                            a.reportingCadence(),
                            List.of(),
                            null,
                            false,
                            List.of(),
                            null,
                            List.of(),
                            List.of(gap),
                            List.of(),
                            a.sharedWithForums(),
                            a.status(),
                            null),
                    DataClassification.FORUM);
            awaitAction(answer, "version = 1");
            checker.check(f.id());
            assertThat(flags(f.id(), CoherenceCheckCode.GAP_WITHOUT_ACTION))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.flagId()).isEqualTo(flag.flagId());
                        assertThat(r.status()).isEqualTo(FlagStatus.RESOLVED);
                        assertThat(r.reason()).isEqualTo(CoherenceChecker.NO_LONGER_HOLDS);
                        assertThat(r.conditionHolds()).isFalse();
                        assertThat(r.version()).isEqualTo(2);
                    });
            var events = recorder.await(e -> flag.flagId().toString().equals(e.subject()), 2, WAIT);
            assertThat(events).extracting(e -> e.type()).containsExactly(RAISED, UPDATED);
            assertThat(events.get(1).payloadText()).contains("\"status\":\"RESOLVED\"");
            events.forEach(EventRecorder::assertValidCloudEvent);
            // a later run finds nothing new and changes nothing
            checker.check(f.id());
            assertThat(flags(f.id(), CoherenceCheckCode.GAP_WITHOUT_ACTION))
                    .singleElement()
                    .satisfies(r -> assertThat(r.version()).isEqualTo(2));
        }
    }

    @Test
    void overlappingActionsOfDifferentOwnersAreFlaggedAndNotWhenTheyDiffer() {
        Forum f = seededForum();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        proposed(simple(a, f.city(), f.id(), "City shelter", Sector.HOUSING, List.of()), DataClassification.FORUM);
        proposed(simple(b, f.ngo(), f.id(), "NGO shelter", Sector.HOUSING, List.of()), DataClassification.FORUM);
        awaitAction(a, "version = 1");
        awaitAction(b, "version = 1");
        checker.check(f.id());
        checker.check(f.id());
        List<CoherenceFlagRow> flags = flags(f.id(), CoherenceCheckCode.OVERLAPPING_ACTIONS);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).recordIds()).containsExactlyInAnyOrder(a, b);
        // the NGO refocuses on health: no overlap any more
        updated(
                action(
                        b,
                        2,
                        f.ngo(),
                        f.id(),
                        "NGO clinic",
                        Sector.HEALTH,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        awaitAction(b, "version = 2");
        checker.check(f.id());
        assertThat(flags(f.id(), CoherenceCheckCode.OVERLAPPING_ACTIONS))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(FlagStatus.RESOLVED));
    }

    @Test
    void aGroupOfMoreOverlappingActionsThanItsParametersTitleIsOneFlagWhoseEventKeepsToTheContract() {
        Forum f = seededForum();
        try (EventRecorder recorder =
                EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), "arrival.forum.flags.v1")) {
            List<UUID> shelters = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                UUID a = UUID.randomUUID();
                UUID owner = i % 2 == 0 ? f.city() : f.ngo();
                proposed(simple(a, owner, f.id(), "Shelter " + i, Sector.HOUSING, List.of()), DataClassification.FORUM);
                shelters.add(a);
            }
            shelters.forEach(a -> awaitAction(a, "version = 1"));
            checker.check(f.id());
            CoherenceFlagRow group = assertThat(flags(f.id(), CoherenceCheckCode.OVERLAPPING_ACTIONS))
                    .singleElement()
                    .actual();
            assertThat(group.recordIds()).containsExactlyInAnyOrderElementsOf(shelters);
            assertThat(group.parameters().records()).hasSize(20);
            // the recorder checks every event against its schema, which bounds the titled records to 20
            var raised = recorder.awaitExactlyOne(RAISED, group.flagId().toString());
            EventRecorder.assertValidCloudEvent(raised);
            assertThat(raised.payloadText()).contains("\"checkCode\":\"OVERLAPPING_ACTIONS\"");
        }
    }

    @Test
    void nationalCommitmentWithoutLocalImplementationIsFlaggedPerMunicipality() {
        Forum f = seededForum();
        UUID ministry = registered("Ministry", false, false);
        UUID municipality = UUID.randomUUID();
        Stakeholder s = new Stakeholder(
                municipality,
                1,
                "Nakawa Division",
                null,
                StakeholderType.LOCAL_GOVERNMENT,
                null,
                KAMPALA,
                List.of(),
                List.of(),
                false,
                null,
                false,
                null,
                StakeholderStatus.ACTIVE);
        feed.publish(
                new StakeholderRegistered(s, actor(municipality), null),
                municipality,
                municipality,
                municipality,
                DataClassification.PUBLIC);
        member(f.id(), ministry);
        member(f.id(), municipality);
        await().atMost(WAIT)
                .until(() -> count("fv_membership", "forum_id = '" + f.id() + "'") == 4
                        && count("fv_organisation", "id = '" + municipality + "'") == 1);
        UUID commitment = UUID.randomUUID();
        Action c = simple(commitment, ministry, f.id(), "National reception standard", Sector.HOUSING, List.of());
        Action national = new Action(
                c.actionId(),
                1,
                c.ownerId(),
                null,
                c.title(),
                null,
                c.kind(),
                c.sectors(),
                c.targetGroups(),
                c.areas(),
                c.startDate(),
                c.endDate(),
                c.reportingCadence(),
                List.of(),
                null,
                true,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                c.sharedWithForums(),
                c.status(),
                null);
        proposed(national, DataClassification.FORUM);
        awaitAction(commitment, "version = 1");
        checker.check(f.id());
        List<CoherenceFlagRow> flags = flags(f.id(), CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION);
        assertThat(flags).singleElement().satisfies(r -> {
            assertThat(r.recordIds()).containsExactly(commitment, municipality);
            assertThat(r.summary()).contains("Nakawa Division");
        });
        // the municipality links an implementing action (not even shared with the forum)
        UUID local = UUID.randomUUID();
        Action l = simple(local, municipality, f.id(), "Nakawa reception", Sector.EDUCATION, List.of());
        proposed(
                new Action(
                        local,
                        1,
                        municipality,
                        null,
                        l.title(),
                        null,
                        l.kind(),
                        l.sectors(),
                        l.targetGroups(),
                        l.areas(),
                        l.startDate(),
                        l.endDate(),
                        l.reportingCadence(),
                        List.of(),
                        commitment,
                        false,
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        l.status(),
                        null),
                DataClassification.ORGANISATION);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM event_log WHERE message_key = ?", Long.class, local.toString())
                        == 1);
        checker.check(f.id());
        assertThat(flags(f.id(), CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(FlagStatus.RESOLVED));
    }

    @Test
    void actionWithoutFundingAndOverdueReportingAreFlaggedUntilCorrected() {
        Forum f = seededForum();
        UUID a = UUID.randomUUID();
        proposed(simple(a, f.city(), f.id(), "Legal aid", Sector.LIVELIHOODS, List.of()), DataClassification.FORUM);
        overdue(a, f.city(), LocalDate.of(2025, 3, 31));
        awaitAction(a, "data->'reportDue' IS NOT NULL AND version = 1");
        checker.check(f.id());
        checker.check(f.id());
        assertThat(flags(f.id(), CoherenceCheckCode.ACTION_WITHOUT_FUNDING))
                .singleElement()
                .satisfies(r -> assertThat(r.recordIds()).containsExactly(a));
        assertThat(flags(f.id(), CoherenceCheckCode.REPORTING_OVERDUE))
                .singleElement()
                .satisfies(r -> assertThat(r.summary()).contains("2025-03-31"));
        funding(a, f.city(), "1000", "400");
        progress(a, f.city(), LocalDate.of(2025, 3, 31), 20, Rag.GREEN);
        awaitAction(a, "data->'reportDue' IS NULL AND jsonb_array_length(data->'funding') = 1");
        checker.check(f.id());
        assertThat(flags(f.id(), CoherenceCheckCode.ACTION_WITHOUT_FUNDING))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(FlagStatus.RESOLVED));
        assertThat(flags(f.id(), CoherenceCheckCode.REPORTING_OVERDUE))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(FlagStatus.RESOLVED));
    }

    @Test
    void coordinatorsAcknowledgeAndDismissWithAReasonAndEveryChangeIsOneEvent() throws Exception {
        Forum f = seededForum();
        UUID outsider = registered("Outsider", false, false);
        try (EventRecorder recorder =
                EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), "arrival.forum.flags.v1")) {
            UUID need = need(f.ngo(), Sector.PROTECTION_RIGHTS, PopulationGroup.REFUGEES);
            await().atMost(WAIT).until(() -> count("fv_need", "id = '" + need + "'") == 1);
            checker.check(f.id());
            CoherenceFlagRow flag =
                    flags(f.id(), CoherenceCheckCode.NEED_WITHOUT_ACTION).get(0);
            var raised = recorder.awaitExactlyOne(RAISED, flag.flagId().toString());
            assertThat(raised.key()).isEqualTo(f.id().toString());
            String base = "/forums/" + f.id() + "/flags";
            String path = base + "/" + flag.flagId();

            // the check's code and what the summary says, for readers in any language
            perform(getJson(base + "?status=OPEN&check=NEED_WITHOUT_ACTION"), user("u", f.ngo(), "member"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items.length()").value(1))
                    .andExpect(jsonPath("$.totalItems").value(1))
                    .andExpect(jsonPath("$.items[0].flagId").value(flag.flagId().toString()))
                    .andExpect(jsonPath("$.items[0].checkCode").value("NEED_WITHOUT_ACTION"))
                    .andExpect(jsonPath("$.items[0].parameters.records[0].recordId")
                            .value(need.toString()))
                    .andExpect(jsonPath("$.items[0].parameters.records[0].kind").value("NEED"))
                    .andExpect(
                            jsonPath("$.items[0].parameters.records[0].title").isNotEmpty())
                    .andExpect(jsonPath("$.items[0].parameters.sectors[0]").value("PROTECTION_RIGHTS"))
                    .andExpect(jsonPath("$.items[0].parameters.groups[0]").value("REFUGEES"))
                    .andExpect(jsonPath("$.items[0].parameters.areas[0]").value("Kampala"));
            assertThat(raised.payloadText())
                    .contains("\"parameters\":{\"records\":[{\"recordId\":\"" + need + "\",\"kind\":\"NEED\"");
            perform(getJson(base), user("o", outsider, "member")).andExpect(status().isNotFound());
            perform(postJson(path + "/acknowledge", "{}"), user("u", f.ngo(), "member", "forum-coordinator"))
                    .andExpect(status().isForbidden());
            perform(postJson(path + "/dismiss", "{\"reason\":\"no\"}"), user("o", outsider, "forum-coordinator"))
                    .andExpect(status().isNotFound());
            perform(postJson(path + "/acknowledge", "{}"), user("c", f.city(), "member"))
                    .andExpect(status().isForbidden());

            perform(
                            postJson(path + "/acknowledge", "{\"reason\":\"Looking into it\"}")
                                    .header("If-Match", "\"1\""),
                            user("c", f.city(), "member", "forum-coordinator"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                    .andExpect(jsonPath("$.version").value(2));
            recorder.await(e -> flag.flagId().toString().equals(e.subject()), 2, WAIT);
            perform(
                            postJson(path + "/dismiss", "{}").header("If-Match", "\"2\""),
                            user("c", f.city(), "member", "forum-coordinator"))
                    .andExpect(status().isBadRequest());
            perform(
                            postJson(path + "/dismiss", "{\"reason\":\"Out of scope\"}"),
                            user("c", f.city(), "member", "forum-coordinator"))
                    .andExpect(status().isPreconditionRequired());
            perform(
                            postJson(path + "/dismiss", "{\"reason\":\"Out of scope\"}")
                                    .header("If-Match", "\"1\""),
                            user("c", f.city(), "member", "forum-coordinator"))
                    .andExpect(status().isPreconditionFailed());
            perform(
                            postJson(path + "/dismiss", "{\"reason\":\"Covered by the national programme\"}")
                                    .header("If-Match", "\"2\""),
                            user("c", f.city(), "member", "forum-coordinator"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("DISMISSED"))
                    .andExpect(jsonPath("$.reason").value("Covered by the national programme"));
            perform(
                            postJson(path + "/acknowledge", "{}").header("If-Match", "\"3\""),
                            user("c", f.city(), "member", "forum-coordinator"))
                    .andExpect(status().isConflict());
            // who decided what, when and why, every decision; the refused ones left no trace
            perform(getJson(path + "/history"), user("u", f.ngo(), "member"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(2))
                    .andExpect(jsonPath("$[0].from").value("OPEN"))
                    .andExpect(jsonPath("$[0].to").value("ACKNOWLEDGED"))
                    .andExpect(jsonPath("$[0].reason").value("Looking into it"))
                    .andExpect(jsonPath("$[0].by").value("c"))
                    .andExpect(jsonPath("$[0].byOrganisation").value(f.city().toString()))
                    .andExpect(jsonPath("$[0].at").isNotEmpty())
                    .andExpect(jsonPath("$[1].version").value(3))
                    .andExpect(jsonPath("$[1].from").value("ACKNOWLEDGED"))
                    .andExpect(jsonPath("$[1].to").value("DISMISSED"))
                    .andExpect(jsonPath("$[1].reason").value("Covered by the national programme"));
            perform(getJson(path + "/history"), user("o", outsider, "member")).andExpect(status().isNotFound());
            // a dismissed flag stays dismissed while the condition holds, and is not raised again
            checker.check(f.id());
            assertThat(flags(f.id(), CoherenceCheckCode.NEED_WITHOUT_ACTION))
                    .singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(FlagStatus.DISMISSED));

            var events = recorder.await(e -> flag.flagId().toString().equals(e.subject()), 3, WAIT);
            Thread.sleep(500);
            events = recorder.events(e -> flag.flagId().toString().equals(e.subject()));
            assertThat(events).extracting(e -> e.type()).containsExactly(RAISED, UPDATED, UPDATED);
            events.forEach(EventRecorder::assertValidCloudEvent);
        }
    }

    @Test
    void concurrentDecisionsOnOneFlagHaveExactlyOneWinnerAndTheOthers412() throws Exception {
        Forum f = seededForum();
        UUID need = need(f.ngo(), Sector.FOOD_SECURITY, PopulationGroup.REFUGEES);
        await().atMost(WAIT).until(() -> count("fv_need", "id = '" + need + "'") == 1);
        checker.check(f.id());
        CoherenceFlagRow flag = flags(f.id(), CoherenceCheckCode.NEED_WITHOUT_ACTION).stream()
                .filter(r -> r.recordIds().contains(need))
                .findFirst()
                .orElseThrow();
        long outboxBefore = jdbc.queryForObject(
                "SELECT count(*) FROM outbox_event WHERE subject = ?",
                Long.class,
                flag.flagId().toString());
        String path = "/forums/" + f.id() + "/flags/" + flag.flagId() + "/";
        List<String> decisions = List.of(
                "acknowledge", "resolve", "dismiss", "acknowledge", "resolve", "dismiss", "acknowledge", "dismiss");
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(decisions.size())) {
            for (int i = 0; i < decisions.size(); i++) {
                String decision = decisions.get(i);
                var token = user("c" + i, f.city(), "member", "forum-coordinator");
                answers.add(pool.submit(() -> {
                    start.await();
                    return perform(
                                    postJson(path + decision, "{\"reason\":\"Decided at the meeting\"}")
                                            .header("If-Match", "\"1\""),
                                    token)
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 412).hasSize(decisions.size() - 1);
        }
        CoherenceFlagRow after = checker.flags(f.id(), null, null).stream()
                .filter(r -> r.flagId().equals(flag.flagId()))
                .findFirst()
                .orElseThrow();
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.status()).isNotEqualTo(FlagStatus.OPEN);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_event WHERE subject = ?",
                        Long.class,
                        flag.flagId().toString()))
                .isEqualTo(outboxBefore + 1);
    }
}
