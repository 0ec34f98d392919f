package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The demo forum raises every check of policy coherence from its members' records, as the running services load
 * them: a reader sees each check at least once, checklist gaps grouped by checklist action, and the enforcement unit
 * sees none of the flags derived from records restricted from it.
 */
@ExtendWith(PlatformExtension.class)
class PolicyCoherenceDemoTest {

    static final Set<CoherenceCheckCode> POLICY_CHECKS = EnumSet.of(
            CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE,
            CoherenceCheckCode.PARALLEL_HUMANITARIAN_STRUCTURE,
            CoherenceCheckCode.HOST_COMMUNITY_LEFT_OUT,
            CoherenceCheckCode.MIGRANTS_MISSING_FROM_PLAN,
            CoherenceCheckCode.SMALL_CITY_LEFT_OUT,
            CoherenceCheckCode.UNDERCOUNT,
            CoherenceCheckCode.STALE_EVIDENCE,
            CoherenceCheckCode.DISAGGREGATION_GAP,
            CoherenceCheckCode.TRANSITION_GAP,
            CoherenceCheckCode.FRAMEWORK_COVERAGE_GAP,
            CoherenceCheckCode.CHECKLIST_REGRESSION);

    @Test
    void theDemoForumShowsEveryPolicyCheckAndTheEnforcementUnitNoneOfTheRestrictedOnes() throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        String flagsPath = "/forums/" + platform.forumId + "/flags?status=OPEN&size=200&page=";
        String chair = platform.token("kcca-coordinator");
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        Set<String> seen = new TreeSet<>();
        JsonNode flags = null;
        while (Instant.now().isBefore(until)) {
            flags = everyPage(platform, flagsPath, chair);
            seen.clear();
            flags.forEach(f -> seen.add(f.get("checkCode").asString()));
            if (POLICY_CHECKS.stream().allMatch(c -> seen.contains(c.name()))) {
                break;
            }
            Thread.sleep(3000);
        }
        assertThat(seen)
                .as("the demo forum's open flags")
                .containsAll(POLICY_CHECKS.stream().map(Enum::name).toList());
        List<JsonNode> gaps = new ArrayList<>();
        flags.forEach(f -> {
            assertThat(f.get("severity").asString()).isIn("LOW", "MEDIUM", "HIGH");
            if (f.get("checkCode").asString().equals("GAP_WITHOUT_ACTION")) {
                gaps.add(f);
            }
        });
        // checklist gaps: one flag per checklist action of a round, naming its questions
        assertThat(gaps).isNotEmpty();
        assertThat(gaps).allSatisfy(g -> {
            String action = g.get("parameters").get("checklistAction").asString();
            List<String> questions = new ArrayList<>();
            g.get("parameters").get("questionCodes").forEach(q -> questions.add(q.asString()));
            assertThat(questions).isNotEmpty().allSatisfy(q -> assertThat(q).startsWith(action + "."));
            assertThat(g.get("recordIds").size()).isEqualTo(questions.size());
        });

        // flags about the statistics office's RESTRICTED estimate of undocumented migrants in Kisenyi are the chair's
        // to read, not the enforcement unit's
        JsonNode seenByPolice = everyPage(platform, flagsPath, platform.token("dcic-officer"));
        Set<String> policeFlags = new TreeSet<>();
        seenByPolice.forEach(f -> policeFlags.add(f.get("flagId").asString()));
        List<String> restricted = new ArrayList<>();
        flags.forEach(f -> {
            for (JsonNode r : f.get("parameters").get("records")) {
                if (r.get("kind").asString().equals("POPULATION_ESTIMATE")
                        && r.has("title")
                        && r.get("title").asString().startsWith("UNDOCUMENTED_MIGRANTS")) {
                    restricted.add(f.get("flagId").asString());
                }
            }
        });
        assertThat(restricted).as("flags derived from the restricted estimate").isNotEmpty();
        assertThat(policeFlags).doesNotContainAnyElementsOf(restricted);
        assertThat(policeFlags.size()).isLessThan(flags.size());
    }

    /** The items of every page of a paged list, the path ending in {@code page=}. */
    private static JsonNode everyPage(RunningPlatform platform, String path, String token) {
        tools.jackson.databind.node.ArrayNode all =
                tools.jackson.databind.json.JsonMapper.builder().build().createArrayNode();
        for (int page = 0; ; page++) {
            JsonNode answer =
                    platform.api.expect(200, "GET", PlatformService.FORUM, path + page, token, null, Map.of());
            answer.path("items").forEach(all::add);
            if (page + 1 >= answer.path("totalPages").asInt()) {
                return all;
            }
        }
    }
}
