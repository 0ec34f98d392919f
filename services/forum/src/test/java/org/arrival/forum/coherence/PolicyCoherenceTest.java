package org.arrival.forum.coherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlagStatus;
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
            assertThat(raised.payloadText()).contains("\"severity\":\"HIGH\"", "\"estimated\":305000");

            String flagsPath = "/forums/" + forum + "/flags";
            perform(getJson(flagsPath + "?severity=HIGH&check=UNDERCOUNT"), user("s", statistics, "member"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].severity").value("HIGH"))
                    .andExpect(jsonPath("$[0].parameters.registered").value(101_200));
            perform(getJson(flagsPath + "?severity=LOW&check=UNDERCOUNT"), user("s", statistics, "member"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(0));
            perform(getJson(flagsPath + "?severity=URGENT"), user("s", statistics, "member"))
                    .andExpect(status().isBadRequest());
            // derived from a RESTRICTED estimate: the enforcement body is not told of it
            perform(getJson(flagsPath), user("p", police, "member"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.checkCode == 'UNDERCOUNT')]").isEmpty())
                    .andExpect(jsonPath("$[?(@.checkCode == 'DISAGGREGATION_GAP')]")
                            .isEmpty())
                    .andExpect(jsonPath("$[?(@.checkCode == 'MIGRANTS_MISSING_FROM_PLAN')]")
                            .isNotEmpty());

            // the forum's settings: members read them, coordinators change them
            String settingsPath = "/forums/" + forum + "/coherence-settings";
            perform(getJson(settingsPath), user("s", statistics, "member"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(0))
                    .andExpect(jsonPath("$.settings.undercountRatio").value(2.0))
                    .andExpect(jsonPath("$.settings.requiredBreakdown[1]").value("AGE_BAND"));
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
                    .andExpect(jsonPath("$.length()").value(1));
        }
    }
}
