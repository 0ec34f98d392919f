package org.arrival.forum.coherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionOrientation;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Disaggregation;
import org.arrival.contracts.assessments.PopulationEstimate;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The checks of policy coherence on the real broker and database: records arrive as their owners' events, the checks
 * raise flags with their severity and publish them, a forum's coordinators tune the checks, and a flag whose
 * condition no longer holds under the new settings resolves itself.
 */
class PolicyCoherenceTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RAISED = "org.arrival.forum.CoherenceFlagRaised.v1";

    @Autowired
    CoherenceChecker checker;

    @Autowired
    Generations generations;

    @Autowired
    ChangedForums changed;

    private long count(String table, String where) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM " + table + " WHERE generation = ? AND " + where,
                Long.class,
                generations.active());
    }

    private List<CoherenceFlagRow> flags(UUID forum, CoherenceCheckCode code) {
        return checker.flags(forum, null, code);
    }

    @Test
    void evidenceAndPlansRaiseTheirFlagsWhichTheForumsSettingsTune() throws Exception {
        UUID city = registered("City", false, false);
        UUID statistics = registered("Statistics office", false, false);
        UUID police = registered("Enforcement unit", true, false);
        UUID outsider = registered("Outsider", false, false);
        UUID forum = forum(city);
        member(forum, city);
        member(forum, statistics);
        member(forum, police);
        await().atMost(WAIT).until(() -> count("fv_membership", "forum_id = '" + forum + "'") == 3);

        try (EventRecorder recorder =
                EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), "arrival.forum.flags.v1")) {
            UUID plan = plan(city, "Kampala for all", List.of(forum), PlanStatus.ADOPTED, DataClassification.FORUM);
            UUID estimate = UUID.randomUUID();
            recorded(
                    estimate(estimate, 1, statistics, KAMPALA, Count.of(101_200), Count.of(305_000), List.of(forum)),
                    DataClassification.RESTRICTED);
            UUID earlier = scores(city, forum, 80, List.of());
            await().atMost(WAIT).until(() -> count("fv_round_score", "id = '" + earlier + "'") == 1);
            UUID later = scores(city, forum, 40, List.of());
            await().atMost(WAIT)
                    .until(() -> count("fv_plan", "id = '" + plan + "'") == 1
                            && count("fv_population", "id = '" + estimate + "'") == 1
                            && count("fv_round_score", "id = '" + later + "'") == 1);
            // the events themselves make the forum's checks run (no scheduled scan of every forum)
            await().atMost(WAIT).until(() -> {
                changed.checkChanged();
                return flags(forum, CoherenceCheckCode.UNDERCOUNT).size() == 1
                        && flags(forum, CoherenceCheckCode.CHECKLIST_REGRESSION).size() == 1
                        && flags(forum, CoherenceCheckCode.MIGRANTS_MISSING_FROM_PLAN)
                                        .size()
                                == 1;
            });

            // the plan does not budget for migrants (its inclusion indicators say so)
            assertThat(flags(forum, CoherenceCheckCode.MIGRANTS_MISSING_FROM_PLAN))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(plan);
                        assertThat(f.severity()).isEqualTo(FlagSeverity.HIGH);
                        assertThat(f.parameters().missing()).containsExactly("MIGRANTS_BUDGETED");
                    });
            // three people present for every one registered, and no age breakdown
            CoherenceFlagRow undercount =
                    flags(forum, CoherenceCheckCode.UNDERCOUNT).get(0);
            assertThat(undercount.recordIds()).containsExactly(estimate);
            assertThat(undercount.parameters().estimated()).isEqualTo(305_000L);
            assertThat(flags(forum, CoherenceCheckCode.DISAGGREGATION_GAP))
                    .singleElement()
                    .satisfies(f -> assertThat(f.parameters().missing()).containsExactly("AGE_BAND"));
            // R1 fell from 80 % to 40 % between the two rounds
            assertThat(flags(forum, CoherenceCheckCode.CHECKLIST_REGRESSION))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(earlier, later);
                        assertThat(f.parameters().percentBefore()).isEqualTo(80);
                        assertThat(f.parameters().percentAfter()).isEqualTo(40);
                    });
            var raised = recorder.awaitExactlyOne(RAISED, undercount.flagId().toString());
            assertThat(raised.payloadText())
                    .contains("\"severity\":\"HIGH\"", "\"estimated\":305000", "\"coordinators\":[\"" + city + "\"]");

            String flagsPath = "/forums/" + forum + "/flags";
            perform(getJson(flagsPath + "?severity=HIGH&check=UNDERCOUNT"), user("s", statistics, "member"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items.length()").value(1))
                    .andExpect(jsonPath("$.items[0].severity").value("HIGH"))
                    .andExpect(jsonPath("$.items[0].parameters.registered").value(101_200));
            perform(getJson(flagsPath + "?severity=LOW&check=UNDERCOUNT"), user("s", statistics, "member"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items.length()").value(0));
            perform(getJson(flagsPath + "?severity=URGENT"), user("s", statistics, "member"))
                    .andExpect(status().isBadRequest());
            // derived from a RESTRICTED estimate: the enforcement body is not told of it
            perform(getJson(flagsPath), user("p", police, "member"))
                    .andExpect(status().isOk())
                    .andExpect(
                            jsonPath("$.items[?(@.checkCode == 'UNDERCOUNT')]").isEmpty())
                    .andExpect(jsonPath("$.items[?(@.checkCode == 'DISAGGREGATION_GAP')]")
                            .isEmpty())
                    .andExpect(jsonPath("$.items[?(@.checkCode == 'MIGRANTS_MISSING_FROM_PLAN')]")
                            .isNotEmpty());

            // the forum's settings: members read them, coordinators change them
            String settingsPath = "/forums/" + forum + "/coherence-settings";
            perform(getJson(settingsPath), user("s", statistics, "member"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(0))
                    .andExpect(jsonPath("$.settings.undercountRatio").value(2.0))
                    .andExpect(jsonPath("$.settings.requiredBreakdown[1]").value("AGE_BAND"))
                    .andExpect(jsonPath("$.defaults.severities.UNDERCOUNT").value("HIGH"))
                    .andExpect(jsonPath("$.defaults.needReviewDays").value(365));
            perform(getJson(settingsPath), user("o", outsider, "member")).andExpect(status().isNotFound());
            String tuned = """
                    {"undercountRatio":4,"priorityFrameworkItems":["GCM-16"],
                     "severities":{"DISAGGREGATION_GAP":"MEDIUM"}}""";
            perform(putJson(settingsPath, tuned, "\"0\""), user("s", statistics, "member", "forum-coordinator"))
                    .andExpect(status().isForbidden());
            perform(putJson(settingsPath, tuned, null), user("c", city, "member", "forum-coordinator"))
                    .andExpect(status().isPreconditionRequired());
            perform(
                            putJson(settingsPath, "{\"undercountRatio\":0.5,\"staleAfterDays\":1}", "\"0\""),
                            user("c", city, "member", "forum-coordinator"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("staleAfterDays"))
                    .andExpect(jsonPath("$.errors[1].field").value("undercountRatio"));
            perform(
                            putJson(
                                    settingsPath,
                                    "{\"requiredBreakdown\":[null],\"severities\":{\"UNDERCOUNT\":null}}",
                                    "\"0\""),
                            user("c", city, "member", "forum-coordinator"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("severities"))
                    .andExpect(jsonPath("$.errors[1].field").value("requiredBreakdown"));
            perform(
                            putJson(settingsPath, "{\"disabledChecks\":[\"NO_SUCH_CHECK\"]}", "\"0\""),
                            user("c", city, "member", "forum-coordinator"))
                    .andExpect(status().isBadRequest());
            perform(getJson(settingsPath), user("c", city, "member"))
                    .andExpect(jsonPath("$.version").value(0));
            perform(putJson(settingsPath, tuned, "\"0\""), user("c", city, "member", "forum-coordinator"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(1))
                    .andExpect(jsonPath("$.settings.undercountRatio").value(4.0))
                    .andExpect(jsonPath("$.updatedBy").isNotEmpty())
                    .andExpect(jsonPath("$.lastRun.findings").isNumber())
                    .andExpect(jsonPath("$.lastRun.tookMicros").isNumber());
            perform(putJson(settingsPath, tuned, "\"0\""), user("c", city, "member", "forum-coordinator"))
                    .andExpect(status().isPreconditionFailed());

            // the checks ran again: a ratio of three is no undercount at four, the prioritised target has no action
            assertThat(flags(forum, CoherenceCheckCode.UNDERCOUNT))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.status()).isEqualTo(FlagStatus.RESOLVED);
                        assertThat(f.reason()).isEqualTo(CoherenceChecker.NO_LONGER_HOLDS);
                    });
            assertThat(flags(forum, CoherenceCheckCode.FRAMEWORK_COVERAGE_GAP))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.recordIds()).containsExactly(forum);
                        assertThat(f.parameters().frameworkItem()).isEqualTo("GCM-16");
                    });
            assertThat(flags(forum, CoherenceCheckCode.DISAGGREGATION_GAP))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(FlagSeverity.MEDIUM);
                        assertThat(f.version()).isEqualTo(2);
                    });
            // a flag about the forum as a whole is read by its members, not by outsiders
            perform(getJson(flagsPath + "?check=FRAMEWORK_COVERAGE_GAP"), user("p", police, "member"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items.length()").value(1));
        }
    }

    /**
     * The checks that read actions, needs, plans and estimates together, in a forum of the Central region: a
     * humanitarian action outside the city's plan and ending with its need open, an action for refugees only where
     * the host community has a need, one naming no evidence, a town with refugees and nothing of its own, and an
     * estimate never updated since 2023.
     */
    @Test
    void actionsNeedsPlansAndEstimatesRaiseTheirFlagsAndAnswersClearThem() {
        Jurisdiction central = new Jurisdiction("UG", "UG-C", null, "Central region");
        Jurisdiction mukono = new Jurisdiction("UG", "UG-C", "UG-MUK", "Mukono");
        UUID city = registered("City", StakeholderType.LOCAL_GOVERNMENT, false, false);
        UUID ngo = registered("NGO", false, false);
        UUID forum = forum(city, central);
        member(forum, city);
        member(forum, ngo);
        await().atMost(WAIT).until(() -> count("fv_membership", "forum_id = '" + forum + "'") == 2);

        UUID plan = plan(city, "Kampala for all", List.of(forum), PlanStatus.ADOPTED, DataClassification.FORUM);
        UUID arrivals = need(ngo, Sector.FOOD_SECURITY, PopulationGroup.REFUGEES);
        UUID hostSchools = need(city, Sector.EDUCATION, PopulationGroup.HOST_COMMUNITY);
        Action cash = humanitarian(action(
                UUID.randomUUID(),
                1,
                ngo,
                forum,
                "Emergency cash",
                Sector.FOOD_SECURITY,
                PopulationGroup.REFUGEES,
                List.of(),
                List.of(arrivals),
                ActionStatus.IN_PROGRESS));
        proposed(cash, DataClassification.FORUM);
        UUID classes = UUID.randomUUID();
        proposed(
                action(
                        classes,
                        1,
                        ngo,
                        forum,
                        "Catch-up classes",
                        Sector.EDUCATION,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        recorded(
                estimate(UUID.randomUUID(), 1, city, KAMPALA, Count.of(100_000), Count.of(150_000), List.of(forum)),
                DataClassification.FORUM);
        UUID town = UUID.randomUUID();
        recorded(
                estimate(town, 1, city, mukono, Count.of(3_000), Count.of(5_000), List.of(forum)),
                DataClassification.FORUM);
        UUID floods = UUID.randomUUID();
        recorded(
                new PopulationEstimate(
                        floods,
                        1,
                        city,
                        "floods-2023",
                        KAMPALA,
                        PopulationGroup.IDPS,
                        null,
                        Count.of(6_800),
                        List.of(
                                new Disaggregation("SEX", "FEMALE", Count.of(3_500)),
                                new Disaggregation("AGE_BAND", "18-59", Count.of(3_000))),
                        "Flood response registration",
                        null,
                        LocalDate.of(2023, 6, 30),
                        List.of(forum)),
                DataClassification.FORUM);
        await().atMost(WAIT)
                .until(() -> count("fv_action", "id IN ('" + cash.actionId() + "', '" + classes + "')") == 2
                        && count("fv_need", "id IN ('" + arrivals + "', '" + hostSchools + "')") == 2
                        && count("fv_plan", "id = '" + plan + "'") == 1
                        && count("fv_population", "id IN ('" + town + "', '" + floods + "')") == 2);
        checker.check(forum);

        assertThat(flags(forum, CoherenceCheckCode.PARALLEL_HUMANITARIAN_STRUCTURE))
                .singleElement()
                .satisfies(f -> assertThat(f.recordIds()).containsExactly(cash.actionId(), plan));
        assertThat(flags(forum, CoherenceCheckCode.TRANSITION_GAP))
                .singleElement()
                .satisfies(f -> assertThat(f.recordIds()).containsExactly(cash.actionId(), arrivals));
        assertThat(flags(forum, CoherenceCheckCode.HOST_COMMUNITY_LEFT_OUT))
                .singleElement()
                .satisfies(f -> assertThat(f.recordIds()).containsExactly(classes, hostSchools));
        assertThat(flags(forum, CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE))
                .singleElement()
                .satisfies(f -> assertThat(f.recordIds()).containsExactly(classes));
        assertThat(flags(forum, CoherenceCheckCode.SMALL_CITY_LEFT_OUT))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.recordIds()).containsExactly(town);
                    assertThat(f.parameters().areas()).containsExactly("Mukono", "Kampala");
                });
        assertThat(flags(forum, CoherenceCheckCode.STALE_EVIDENCE))
                .singleElement()
                .satisfies(f -> assertThat(f.recordIds()).containsExactly(floods));

        // the NGO's cash joins the city's plan and the city's school places take in refugee children too: those
        // flags clear themselves, and say so
        proposed(
                new Action(
                        cash.actionId(),
                        2,
                        ngo,
                        plan,
                        cash.title(),
                        null,
                        cash.kind(),
                        cash.sectors(),
                        cash.targetGroups(),
                        cash.areas(),
                        cash.startDate(),
                        cash.endDate(),
                        cash.reportingCadence(),
                        List.of(),
                        null,
                        false,
                        List.of(),
                        null,
                        cash.needIds(),
                        List.of(),
                        List.of(),
                        List.of(forum),
                        ActionStatus.IN_PROGRESS,
                        ActionOrientation.HUMANITARIAN),
                DataClassification.FORUM);
        await().atMost(WAIT).until(() -> count("fv_action", "id = '" + cash.actionId() + "' AND version = 2") == 1);
        checker.check(forum);
        assertThat(flags(forum, CoherenceCheckCode.PARALLEL_HUMANITARIAN_STRUCTURE))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FlagStatus.RESOLVED);
                    assertThat(f.reason()).isEqualTo(CoherenceChecker.NO_LONGER_HOLDS);
                });
        assertThat(flags(forum, CoherenceCheckCode.TRANSITION_GAP))
                .as("still ending with its need open")
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FlagStatus.OPEN));
    }

    private static Action humanitarian(Action a) {
        return new Action(
                a.actionId(),
                a.version(),
                a.ownerId(),
                a.planId(),
                a.title(),
                a.description(),
                a.kind(),
                a.sectors(),
                a.targetGroups(),
                a.areas(),
                a.startDate(),
                a.endDate(),
                a.reportingCadence(),
                a.participants(),
                a.implementsActionId(),
                a.requiresLocalImplementation(),
                a.expectedImplementers(),
                a.weight(),
                a.needIds(),
                a.gapIds(),
                a.frameworkItems(),
                a.sharedWithForums(),
                a.status(),
                ActionOrientation.HUMANITARIAN);
    }
}
