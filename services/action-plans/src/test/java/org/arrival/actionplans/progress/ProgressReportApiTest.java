package org.arrival.actionplans.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.testing.RecordedEvent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Progress reports over HTTP: published by the owner's editors only, one per period, on actions that are committed
 * and not cancelled, for periods in order that have passed; they record the action's status, leave the action's
 * row alone and publish one schema-valid ProgressReported event each; refused reports write nothing.
 */
class ProgressReportApiTest extends ActionRecordsTestSupport {

    private UUID forum;
    private UUID city;
    private UUID otherCity;
    private UUID ngo;
    private UUID action;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        otherCity = organisation("Arua City Council", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        seat(forum, city);
        seat(forum, ngo);
        seat(forum, otherCity);
        action = action(
                city,
                "IN_PROGRESS",
                "QUARTERLY",
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2027, 12, 31),
                "FORUM",
                List.of(forum));
    }

    private String path() {
        return "/actions/" + action + "/reports";
    }

    private static String report(String start, String end, int percent, String rag) {
        return """
                {"periodStart":"%s","periodEnd":"%s","percentComplete":%d,"rag":"%s",
                 "narrative":"Fee waivers agreed with 12 of 20 schools; enrolment drive in Kisenyi started",
                 "indicators":[{"name":"Refugee children enrolled","unit":"children","baseline":1200,"target":3000,"actual":1850},
                               {"name":"Schools waiving fees","actual":12}]}""".formatted(start, end, percent, rag);
    }

    @Test
    void theOwnerPublishesAReportPerPeriodThatRecordsTheActionsStatusAndLeavesTheActionAlone() throws Exception {
        JsonNode first = json(perform(postJson(path(), report("2025-01-01", "2025-03-31", 20, "AMBER")), editor(city))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.actionStatus").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.indicators[0].actual").value(1850.0)));
        UUID r1 = UUID.fromString(first.path("id").asString());
        RecordedEvent reported = exactlyOne("ProgressReported", r1);
        assertThat(reported.key()).isEqualTo(action.toString());
        assertThat(reported.header(CloudEventHeaders.OWNER_ORG)).isEqualTo(city.toString());
        assertThat(reported.header(CloudEventHeaders.DATA_CLASSIFICATION)).isEqualTo("FORUM");
        JsonNode payload = json(reported).path("report");
        assertThat(payload.path("actionId").asString()).isEqualTo(action.toString());
        assertThat(payload.path("percentComplete").asInt()).isEqualTo(20);
        assertThat(payload.path("indicators").size()).isEqualTo(2);

        jdbc.update("UPDATE action SET status = 'ON_HOLD' WHERE id = ?", action);
        UUID r2 = id(perform(postJson(path(), report("2025-04-01", "2025-06-30", 35, "RED")), admin(city))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.actionStatus").value("ON_HOLD")));
        exactlyOne("ProgressReported", r2);

        expectProblem(perform(postJson(path(), report("2025-04-01", "2025-06-30", 40, "GREEN")), editor(city)), 409);

        JsonNode list = json(perform(getJson(path()), readOnly(ngo)).andExpect(status().isOk()));
        assertThat(list.path("totalItems").asLong()).isEqualTo(2);
        assertThat(list.path("items").get(0).path("id").asString()).isEqualTo(r2.toString());
        assertThat(list.path("items").get(1).path("id").asString()).isEqualTo(r1.toString());
        perform(getJson(path() + "/" + r1), readOnly(otherCity))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rag").value("AMBER"));
        perform(getJson(path() + "/" + UUID.randomUUID()), readOnly(city)).andExpect(status().isNotFound());

        assertThat(actionVersion(action)).isEqualTo(3);
        assertThat(rows("progress_report", action)).isEqualTo(2);
        assertThat(eventsKeyedBy(action)).hasSize(2);
    }

    /**
     * Issue 13, finding 3: a people-unit indicator with target 4 and actual 3 was shown raw to every reader and in
     * the ProgressReported event (which the forum turns into the 3W export's #targeted and #reached). Only the
     * owner now reads the exact values; every other reader, the enforcement body included, and every event get
     * the values of people-unit indicators rounded to a multiple of 5 with those from 0 to 4 left out.
     */
    @Test
    void aPeopleCountOfFourTargetedAndThreeReachedIsExactOnlyForTheOwnerAndNeverInEvents() throws Exception {
        UUID police = organisation("Immigration enforcement unit", "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, police);
        String body = """
                {"periodStart":"2025-01-01","periodEnd":"2025-03-31","percentComplete":30,"rag":"AMBER",
                 "indicators":[{"name":"Survivors referred to the safe house","unit":"people","baseline":0,"target":4,"actual":3},
                               {"name":"Residents consulted","unit":"people","baseline":1203,"target":2400,"actual":1862},
                               {"name":"Safe houses open","unit":"houses","baseline":0,"target":4,"actual":3}]}""";
        JsonNode published = json(perform(postJson(path(), body), editor(city)).andExpect(status().isCreated()));
        assertThat(published.path("indicators").get(0).path("target").asDouble())
                .isEqualTo(4.0);
        assertThat(published.path("indicators").get(0).path("actual").asDouble())
                .isEqualTo(3.0);
        assertThat(published.path("indicators").get(0).path("suppressed").isArray())
                .isFalse();
        UUID report = UUID.fromString(published.path("id").asString());
        assertThat(json(perform(getJson(path() + "/" + report), readOnly(city))).path("indicators"))
                .isEqualTo(published.path("indicators"));

        for (UUID reader : List.of(ngo, otherCity, police)) {
            JsonNode one = json(
                    perform(getJson(path() + "/" + report), readOnly(reader)).andExpect(status().isOk()));
            JsonNode listed = json(perform(getJson(path()), readOnly(reader)))
                    .path("items")
                    .get(0);
            for (JsonNode seen : List.of(one, listed)) {
                JsonNode small = seen.path("indicators").get(0);
                assertThat(small.has("baseline") || small.has("target") || small.has("actual"))
                        .as("small counts")
                        .isFalse();
                assertThat(small.path("suppressed").toString()).isEqualTo("[\"baseline\",\"target\",\"actual\"]");
                JsonNode large = seen.path("indicators").get(1);
                assertThat(List.of(
                                large.path("baseline").asDouble(),
                                large.path("target").asDouble(),
                                large.path("actual").asDouble()))
                        .containsExactly(1205.0, 2400.0, 1860.0);
                assertThat(seen.path("indicators").get(2).path("actual").asDouble())
                        .as("not people")
                        .isEqualTo(3.0);
            }
        }

        JsonNode event =
                json(exactlyOne("ProgressReported", report)).path("report").path("indicators");
        assertThat(event.get(0).has("target")
                        || event.get(0).has("actual")
                        || event.get(0).has("baseline"))
                .isFalse();
        assertThat(event.get(0).path("suppressed").toString()).isEqualTo("[\"baseline\",\"target\",\"actual\"]");
        assertThat(event.get(1).path("baseline").asDouble()).isEqualTo(1205.0);
        assertThat(event.get(1).path("actual").asDouble()).isEqualTo(1860.0);
        assertThat(event.get(2).path("target").asDouble()).isEqualTo(4.0);
    }

    @Test
    void thePublishedReportIsAnsweredAsItIsStored() throws Exception {
        // the service answers from what it wrote rather than reading the row back: the answer must be what reads show
        JsonNode published =
                json(perform(postJson(path(), report("2025-01-01", "2025-03-31", 20, "AMBER")), editor(city))
                        .andExpect(status().isCreated()));
        JsonNode read = json(perform(getJson(path() + "/" + published.path("id").asString()), readOnly(ngo))
                .andExpect(status().isOk()));
        assertThat(published).isEqualTo(read);
        assertThat(published.path("reportedAt").asString()).isNotBlank();
    }

    @Test
    void noProgressOnACancelledOrMerelyProposedAction() throws Exception {
        UUID cancelled =
                action(city, "CANCELLED", "QUARTERLY", LocalDate.of(2025, 1, 1), null, "FORUM", List.of(forum));
        UUID proposed = action(city, "PROPOSED", "QUARTERLY", LocalDate.of(2025, 1, 1), null, "FORUM", List.of(forum));
        expectProblem(
                perform(
                        postJson("/actions/" + cancelled + "/reports", report("2025-01-01", "2025-03-31", 10, "RED")),
                        editor(city)),
                409);
        expectProblem(
                perform(
                        postJson("/actions/" + proposed + "/reports", report("2025-01-01", "2025-03-31", 10, "RED")),
                        editor(city)),
                409);
        assertThat(rows("progress_report", cancelled) + rows("progress_report", proposed))
                .isZero();
        noEventsAbout(cancelled);
        noEventsAbout(proposed);
    }

    @Test
    void badReportsAreRefusedAndWriteNothing() throws Exception {
        String valid = report("2025-01-01", "2025-03-31", 20, "AMBER");
        String future = LocalDate.now().plusDays(30).toString();
        String indicators31 = IntStream.range(0, 31)
                .mapToObj(i -> "{\"name\":\"i" + i + "\",\"actual\":1}")
                .collect(Collectors.joining(",", "[", "]"));
        List<String[]> bad = List.of(
                new String[] {report("2025-01-01", "2025-03-31", 101, "AMBER"), "percentComplete"},
                new String[] {report("2025-01-01", "2025-03-31", -1, "AMBER"), "percentComplete"},
                new String[] {report("2025-03-31", "2025-01-01", 20, "AMBER"), "periodEnd"},
                new String[] {report("2025-01-01", future, 20, "AMBER"), "periodEnd"},
                new String[] {report("2025-01-01", "2025-03-31", 20, "PURPLE"), "rag"},
                new String[] {valid.replace("\"periodStart\":\"2025-01-01\",", ""), "periodStart"},
                new String[] {valid.replace("Fee waivers agreed", "n".repeat(4001)), "narrative"},
                new String[] {valid.replace("\"Schools waiving fees\"", "\"Refugee children enrolled\""), "indicators"},
                new String[] {
                    valid.replace("{\"name\":\"Schools waiving fees\",\"actual\":12}", "{\"name\":\"No value\"}"),
                    "actual"
                },
                new String[] {
                    "{\"periodStart\":\"2025-01-01\",\"periodEnd\":\"2025-03-31\",\"percentComplete\":1,"
                            + "\"rag\":\"RED\",\"indicators\":" + indicators31 + "}",
                    "indicators"
                },
                new String[] {valid.replace("\"rag\"", "\"actionStatus\":\"COMPLETED\",\"rag\""), "actionStatus"},
                new String[] {valid.replace("\"actual\":1850", "\"actual\":1850.5"), "indicators[0].actual"},
                new String[] {valid.replace("\"baseline\":1200", "\"baseline\":-3"), "indicators[0].baseline"},
                new String[] {valid.replace("\"target\":3000", "\"target\":2.5e10"), "indicators[0].target"},
                new String[] {
                    valid.replace("\"actual\":1850}", "\"actual\":1850,\"suppressed\":[\"actual\"]}"), "suppressed"
                },
                new String[] {valid.substring(0, 30), "JSON"});
        for (String[] b : bad) {
            perform(postJson(path(), b[0]), editor(city))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", Matchers.containsString(b[1])));
        }
        assertThat(rows("progress_report", action)).isZero();
        noEventsAbout(action);
    }

    @Test
    void onlyTheOwnersEditorsReportAnotherMunicipalityOrAnNgoCannot() throws Exception {
        String body = report("2025-01-01", "2025-03-31", 20, "AMBER");
        perform(postJson(path(), body), editor(otherCity)).andExpect(status().isForbidden());
        perform(postJson(path(), body), admin(ngo)).andExpect(status().isForbidden());
        perform(postJson(path(), body), readOnly(city)).andExpect(status().isForbidden());
        UUID stranger = organisation("Gulu City Council", "LOCAL_GOVERNMENT", false, false);
        perform(postJson(path(), body), editor(stranger)).andExpect(status().isNotFound());
        perform(getJson(path()), readOnly(stranger)).andExpect(status().isNotFound());
        perform(postJson(path(), body), null).andExpect(status().isUnauthorized());
        perform(getJson(path()), null).andExpect(status().isUnauthorized());
        assertThat(rows("progress_report", action)).isZero();
        noEventsAbout(action);
    }
}
