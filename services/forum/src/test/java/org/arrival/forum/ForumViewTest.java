package org.arrival.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.NeedUpdated;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.forum.coherence.CoherenceChecker;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ForumViewTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Generations generations;

    @Autowired
    CoherenceChecker checker;

    record Seeded(
            UUID forum,
            UUID city,
            UUID ngo,
            UUID police,
            UUID outsider,
            UUID shelter,
            UUID clinic,
            UUID secret,
            UUID housingNeed,
            UUID healthNeed,
            UUID educationNeed) {}

    /** A forum of a city, an NGO and an enforcement body, with actions, needs and two readiness rounds. */
    private Seeded seed() {
        UUID city = registered("City", false, false);
        UUID ngo = registered("Refugee NGO", false, false);
        UUID police = registered("Police", true, false);
        UUID outsider = registered("Outsider", false, false);
        UUID forum = forum(city);
        member(forum, city);
        member(forum, ngo);
        member(forum, police);
        UUID housingNeed = need(city, Sector.HOUSING, PopulationGroup.REFUGEES);
        UUID healthNeed = need(ngo, Sector.HEALTH, PopulationGroup.REFUGEES);
        UUID educationNeed = need(ngo, Sector.EDUCATION, PopulationGroup.REFUGEES);
        UUID shelter = UUID.randomUUID();
        proposed(
                action(
                        shelter,
                        1,
                        city,
                        forum,
                        "Shelter",
                        Sector.HOUSING,
                        PopulationGroup.REFUGEES,
                        List.of("SDG-11.1"),
                        List.of(housingNeed),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        milestone(shelter, city, "Site chosen", LocalDate.of(2026, 3, 1));
        milestone(shelter, city, "Beds open", LocalDate.of(2026, 9, 1));
        funding(shelter, city, "1000", "400");
        overdue(shelter, city, LocalDate.of(2025, 3, 31));
        UUID clinic = UUID.randomUUID();
        proposed(
                action(
                        clinic,
                        1,
                        ngo,
                        forum,
                        "Clinic",
                        Sector.HEALTH,
                        PopulationGroup.REFUGEES,
                        List.of("GCM-15"),
                        List.of(),
                        ActionStatus.PROPOSED),
                DataClassification.FORUM);
        UUID secret = UUID.randomUUID();
        proposed(
                action(
                        secret,
                        1,
                        ngo,
                        forum,
                        "Safe house",
                        Sector.HOUSING,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.RESTRICTED);
        scores(city, forum, 40, List.of());
        scores(city, forum, 55, List.of("1.2.a"));
        Seeded s = new Seeded(
                forum, city, ngo, police, outsider, shelter, clinic, secret, housingNeed, healthNeed, educationNeed);
        await().atMost(WAIT)
                .until(() -> projected("fv_round_score", "data->>'overallPoints' = '55.0'") >= 1
                        && memberships(forum) == 3
                        && projected("fv_action", "id = '" + secret + "'") == 1
                        && projected(
                                        "fv_action",
                                        "id = '" + shelter + "' AND data->'reportDue' IS NOT NULL "
                                                + "AND jsonb_array_length(data->'funding') = 1")
                                == 1
                        && seated(forum, police));
        return s;
    }

    private long memberships(UUID forum) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM fv_membership WHERE generation = ? AND forum_id = ?",
                Long.class,
                generations.active(),
                forum);
    }

    private static TestTokenIssuer.Token of(UUID org) {
        return user("user-" + org, org, "member");
    }

    @Test
    void trackerShowsEveryMembersSharedActionsWithProgressMilestoneOverdueAndFunding() throws Exception {
        Seeded s = seed();
        progress(s.clinic(), s.ngo(), LocalDate.of(2025, 3, 31), 30, Rag.AMBER);
        await().atMost(WAIT)
                .until(() ->
                        projected("fv_action", "id = '" + s.clinic() + "' AND data->'latestReport' IS NOT NULL") == 1);
        perform(getJson("/forums/" + s.forum() + "/tracker"), of(s.city()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[0].title").value("Clinic"))
                .andExpect(jsonPath("$.items[0].percentComplete").value(30))
                .andExpect(jsonPath("$.items[0].rag").value("AMBER"))
                .andExpect(jsonPath("$.items[0].ownerName").value("Refugee NGO"))
                .andExpect(jsonPath("$.items[2].title").value("Shelter"))
                .andExpect(jsonPath("$.items[2].overdue").value(true))
                .andExpect(jsonPath("$.items[2].nextMilestone.title").value("Site chosen"))
                .andExpect(jsonPath("$.items[2].funding[0].gap").value(600));
        perform(getJson("/forums/" + s.forum() + "/tracker?sector=HEALTH"), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Clinic"));
        perform(getJson("/forums/" + s.forum() + "/tracker?frameworkItem=SDG-11.1&org=" + s.city()), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Shelter"));
        perform(getJson("/forums/" + s.forum() + "/tracker?area=Kampala&group=REFUGEES&size=1&page=1"), of(s.city()))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items.length()").value(1));
        // a report for the overdue period clears the overdue flag
        progress(s.shelter(), s.city(), LocalDate.of(2025, 3, 31), 20, Rag.GREEN);
        await().atMost(WAIT)
                .until(() -> projected("fv_action", "id = '" + s.shelter() + "' AND data->'reportDue' IS NULL") == 1);
    }

    @Test
    void whoWhatWhereNeedsCoverageAndReadiness() throws Exception {
        Seeded s = seed();
        perform(getJson("/forums/" + s.forum() + "/who-what-where"), of(s.city()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath(
                                "$[?(@.organisationName == 'City' && @.sector == 'HOUSING' && @.area == 'Kampala' && @.status == 'IN_PROGRESS')].actions")
                        .value(1));
        perform(getJson("/forums/" + s.forum() + "/needs-coverage"), of(s.city()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.sector == 'HOUSING' && @.group == 'REFUGEES')].coverage")
                        .value("COVERED"))
                .andExpect(jsonPath("$[?(@.sector == 'HEALTH' && @.group == 'REFUGEES')].coverage")
                        .value("PARTLY_COVERED"))
                .andExpect(jsonPath("$[?(@.sector == 'EDUCATION' && @.group == 'REFUGEES')].coverage")
                        .value("UNCOVERED"));
        perform(getJson("/forums/" + s.forum() + "/readiness"), of(s.ngo()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.latest.percent").value(55.0))
                .andExpect(jsonPath("$.latest.assessedMax").value(100))
                .andExpect(jsonPath("$.latest.questionsAssessed").value(50))
                .andExpect(jsonPath("$.latest.questions").value(50))
                .andExpect(jsonPath("$.recommendations[0].assessedMax").value(50))
                .andExpect(jsonPath("$.recommendations[0].questionsAssessed").value(25))
                .andExpect(jsonPath("$.trend.length()").value(2))
                .andExpect(jsonPath("$.change").value(15.0))
                .andExpect(jsonPath("$.divergentQuestions[0]").value("1.2.a"));
    }

    @Test
    void enforcementBodyMembersNeverSeeRestrictedActions() throws Exception {
        Seeded s = seed();
        perform(getJson("/forums/" + s.forum() + "/tracker"), of(s.police()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[?(@.title == 'Safe house')]").isEmpty());
        perform(getJson("/forums/" + s.forum() + "/tracker"), of(s.city()))
                .andExpect(jsonPath("$.items[?(@.title == 'Safe house')]").isNotEmpty());
    }

    @Test
    void onlyMembersAndPlatformAdminsSeeAForum() throws Exception {
        Seeded s = seed();
        perform(getJson("/forums/" + s.forum() + "/tracker"), of(s.outsider())).andExpect(status().isNotFound());
        perform(getJson("/forums/" + s.forum() + "/readiness"), null).andExpect(status().isUnauthorized());
        perform(getJson("/forums/" + s.forum() + "/tracker"), user("admin", null, "platform-admin"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3));
        perform(post("/admin/rebuild"), of(s.city())).andExpect(status().isForbidden());
    }

    @Test
    void theSameEventTwiceHasOneEffect() {
        UUID owner = registered("Twice", false, false);
        UUID forum = forum(owner);
        UUID id = UUID.randomUUID();
        Action a = action(
                id,
                1,
                owner,
                forum,
                "Twice",
                Sector.HEALTH,
                PopulationGroup.IDPS,
                List.of(),
                List.of(),
                ActionStatus.PROPOSED);
        String eventId = UUID.randomUUID().toString();
        feed.publish(
                new org.arrival.contracts.actionplans.ActionProposed(a, actor(owner)),
                id,
                id,
                owner,
                DataClassification.FORUM,
                eventId);
        feed.publish(
                new org.arrival.contracts.actionplans.ActionProposed(a, actor(owner)),
                id,
                id,
                owner,
                DataClassification.FORUM,
                eventId);
        milestone(id, owner, "after", LocalDate.of(2026, 1, 1));
        await().atMost(WAIT)
                .until(() -> projected("fv_action", "id = '" + id + "' AND data->'milestones' <> '{}'") == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_log WHERE event_id = ?", Long.class, eventId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_event WHERE event_id = ? AND consumer = 'forum.projection'",
                        Long.class,
                        eventId))
                .isEqualTo(1);
    }

    @Test
    void anOlderVersionAfterANewerOneIsIgnored() {
        UUID owner = registered("Versions", false, false);
        UUID forum = forum(owner);
        UUID id = UUID.randomUUID();
        updated(
                action(
                        id,
                        3,
                        owner,
                        forum,
                        "Third",
                        Sector.HEALTH,
                        PopulationGroup.IDPS,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        updated(
                action(
                        id,
                        2,
                        owner,
                        forum,
                        "Second",
                        Sector.HEALTH,
                        PopulationGroup.IDPS,
                        List.of(),
                        List.of(),
                        ActionStatus.COMMITTED),
                DataClassification.FORUM);
        milestone(id, owner, "marker", LocalDate.of(2026, 1, 1));
        await().atMost(WAIT)
                .until(() -> projected("fv_action", "id = '" + id + "' AND data->'milestones' <> '{}'") == 1);
        assertThat(jdbc.queryForObject(
                        "SELECT data->>'title' FROM fv_action WHERE generation = ? AND id = ?",
                        String.class,
                        generations.active(),
                        id))
                .isEqualTo("Third");
    }

    @Test
    void aProgressReportBeforeItsActionEndsInTheRightState() {
        UUID owner = registered("Early", false, false);
        UUID forum = forum(owner);
        UUID id = UUID.randomUUID();
        progress(id, owner, LocalDate.of(2025, 6, 30), 45, Rag.GREEN);
        await().atMost(WAIT)
                .until(() -> projected("fv_action", "id = '" + id + "' AND (data->>'placeholder')::boolean") == 1);
        proposed(
                action(
                        id,
                        1,
                        owner,
                        forum,
                        "Late",
                        Sector.HEALTH,
                        PopulationGroup.IDPS,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        await().atMost(WAIT)
                .until(() -> projected("fv_action", "id = '" + id + "' AND NOT (data->>'placeholder')::boolean") == 1);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT data->>'title' AS title, "
                        + "data->'latestReport'->>'percentComplete' AS percent FROM fv_action WHERE generation = ? AND id = ?",
                generations.active(),
                id);
        assertThat(row).containsEntry("title", "Late").containsEntry("percent", "45");
    }

    @Test
    void asOfShowsTheStateAtATimeAndWhatChangedSince() throws Exception {
        Seeded s = seed();
        progress(s.clinic(), s.ngo(), LocalDate.of(2025, 3, 31), 10, Rag.RED);
        await().atMost(WAIT)
                .until(() -> projected(
                                "fv_action",
                                "id = '" + s.clinic() + "' AND data->'latestReport'->>'percentComplete' = '10'")
                        == 1);
        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);
        progress(s.clinic(), s.ngo(), LocalDate.of(2025, 6, 30), 60, Rag.GREEN);
        await().atMost(WAIT)
                .until(() -> projected(
                                "fv_action",
                                "id = '" + s.clinic() + "' AND data->'latestReport'->>'percentComplete' = '60'")
                        == 1);
        perform(getJson("/forums/" + s.forum() + "/as-of?at=" + between), of(s.city()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tracker[?(@.title == 'Clinic')].percentComplete")
                        .value(10))
                // (the scheduled coherence check may have raised flags meanwhile: only the action changes count)
                .andExpect(jsonPath("$.changesSince[?(@.recordType != 'FLAG')].type")
                        .value("org.arrival.actionplans.ProgressReported.v1"))
                .andExpect(jsonPath("$.changesSince[?(@.recordType == 'ACTION')].recordId")
                        .value(s.clinic().toString()))
                .andExpect(jsonPath("$.changesSince[?(@.recordType == 'ACTION')].actionId")
                        .value(s.clinic().toString()))
                // named, so a reader sees which record changed
                .andExpect(jsonPath("$.changesSince[?(@.recordType == 'ACTION')].title")
                        .value("Clinic"));
        perform(getJson("/forums/" + s.forum() + "/tracker?org=" + s.ngo() + "&sector=HEALTH"), of(s.city()))
                .andExpect(jsonPath("$.items[0].percentComplete").value(60));
        perform(getJson("/forums/" + s.forum() + "/as-of?at=yesterday"), of(s.city()))
                .andExpect(status().isBadRequest());
        // a date out of range names its code and limits, for wording in the reader's language
        perform(getJson("/forums/" + s.forum() + "/as-of?at=1850-06-01T00:00:00Z"), of(s.city()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("at"))
                .andExpect(jsonPath("$.errors[0].code").value("date.out-of-range"))
                .andExpect(jsonPath("$.errors[0].parameters.from").value(1900))
                .andExpect(jsonPath("$.errors[0].parameters.to").value(2200));
        // only the newest changes are listed, as many as asked; all of them are counted
        String all = perform(getJson("/forums/" + s.forum() + "/as-of?at=" + between), of(s.city()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> every = com.jayway.jsonpath.JsonPath.read(all, "$.changesSince[*].eventId");
        assertThat(((Number) com.jayway.jsonpath.JsonPath.read(all, "$.changesTotal")).longValue())
                .isEqualTo(every.size());
        perform(getJson("/forums/" + s.forum() + "/as-of?changes=1&at=" + between), of(s.city()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changesSince.length()").value(1))
                .andExpect(jsonPath("$.changesSince[0].eventId").value(every.getLast()))
                .andExpect(jsonPath("$.changesTotal").value(every.size()));
        perform(getJson("/forums/" + s.forum() + "/as-of?changes=0&at=" + between), of(s.city()))
                .andExpect(jsonPath("$.changesSince.length()").value(0))
                .andExpect(jsonPath("$.changesTotal").value(every.size()));
        for (String wrong : List.of("-1", "1001", "many")) {
            perform(getJson("/forums/" + s.forum() + "/as-of?changes=" + wrong + "&at=" + between), of(s.city()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
    }

    @Test
    void asOfChangesCoverEveryRecordOfTheForumTheViewerSees() throws Exception {
        Seeded s = seed();
        Thread.sleep(50);
        Instant before = Instant.now();
        Thread.sleep(50);
        Need health = new Need(
                s.healthNeed(),
                2,
                s.ngo(),
                "Lacking HEALTH",
                Sector.HEALTH,
                List.of(PopulationGroup.REFUGEES),
                KAMPALA,
                Severity.CRITICAL,
                List.of(),
                List.of(),
                null,
                NeedStatus.PRIORITISED,
                null,
                List.of());
        feed.publish(
                new NeedUpdated(health, actor(s.ngo()), List.of("severity", "status"), null),
                s.healthNeed(),
                s.healthNeed(),
                s.ngo(),
                DataClassification.PUBLIC);
        UUID round = scores(s.city(), s.forum(), 70, List.of());
        UUID gap = gap(round, s.city(), "2.1.a", "2.1");
        UUID plan = plan(s.city(), "Reception plan", List.of(s.forum()), PlanStatus.ADOPTED, DataClassification.FORUM);
        UUID restrictedPlan =
                plan(s.ngo(), "Safe houses", List.of(s.forum()), PlanStatus.ADOPTED, DataClassification.RESTRICTED);
        UUID otherForumsPlan =
                plan(s.city(), "Elsewhere", List.of(UUID.randomUUID()), PlanStatus.ADOPTED, DataClassification.FORUM);
        UUID estimate = UUID.randomUUID();
        recorded(
                estimate(estimate, 1, s.ngo(), KAMPALA, Count.of(40), Count.hidden(), List.of()),
                DataClassification.PUBLIC);
        UUID input = input(s.city(), "NEED", s.healthNeed(), List.of(s.forum()), DataClassification.FORUM);
        UUID farNeed = UUID.randomUUID();
        Need far = new Need(
                farNeed,
                1,
                s.outsider(),
                "Far away",
                Sector.HEALTH,
                List.of(PopulationGroup.IDPS),
                new Jurisdiction("KE", "KE-30", "KE047", "Nairobi"),
                Severity.LOW,
                List.of(),
                List.of(),
                null,
                NeedStatus.VALIDATED,
                null,
                List.of());
        feed.publish(
                new NeedIdentified(far, actor(s.outsider())),
                farNeed,
                farNeed,
                s.outsider(),
                DataClassification.PUBLIC);
        UUID newcomer = registered("Newcomer", false, false);
        member(s.forum(), newcomer);
        await().atMost(WAIT)
                .until(() -> projected("fv_input", "id = '" + input + "'") == 1
                        && projected("fv_plan", "id = '" + otherForumsPlan + "'") == 1
                        && projected("fv_need", "id = '" + farNeed + "'") == 1
                        && projected("fv_population", "id = '" + estimate + "'") == 1
                        && projected("fv_gap", "id = '" + gap + "'") == 1
                        && projected("fv_need", "id = '" + s.healthNeed() + "' AND version = 2") == 1
                        && memberships(s.forum()) == 4);
        checker.check(s.forum());
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM event_log WHERE topic = "
                                        + "'arrival.forum.flags.v1' AND message_key = ? AND occurred_at > ?",
                                Long.class,
                                s.forum().toString(),
                                java.sql.Timestamp.from(before))
                        > 0);
        String asOf = "/forums/" + s.forum() + "/as-of?at=" + before;
        String city = perform(getJson(asOf), of(s.city()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> changes = com.jayway.jsonpath.JsonPath.read(city, "$.changesSince");
        assertThat(changes)
                .extracting(c -> c.get("recordType"))
                .contains("NEED", "ROUND", "GAP", "PLAN", "POPULATION_ESTIMATE", "INPUT", "MEMBERSHIP", "FLAG");
        assertThat(changes)
                .extracting(c -> c.get("recordId"))
                .contains(
                        s.healthNeed().toString(),
                        round.toString(),
                        gap.toString(),
                        plan.toString(),
                        restrictedPlan.toString(),
                        estimate.toString(),
                        input.toString())
                .doesNotContain(farNeed.toString(), otherForumsPlan.toString());
        assertThat(changes)
                .filteredOn(c -> "NEED".equals(c.get("recordType")))
                .singleElement()
                .satisfies(c -> assertThat(c.get("type")).isEqualTo("org.arrival.assessments.NeedUpdated.v1"));
        assertThat(changes).extracting(c -> (String) c.get("time")).isSorted();
        // the enforcement body's member: the same changes but the RESTRICTED plan's
        String police = perform(getJson(asOf), of(s.police()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> policeSees = com.jayway.jsonpath.JsonPath.read(police, "$.changesSince[*].recordId");
        assertThat(policeSees)
                .contains(plan.toString(), estimate.toString(), input.toString())
                .doesNotContain(restrictedPlan.toString(), farNeed.toString());
        perform(getJson(asOf), of(s.outsider())).andExpect(status().isNotFound());
    }

    @Test
    void extremeOrMalformedDatesAndControlCharactersInQueriesAreRefusedAs400() throws Exception {
        UUID city = registered("Dates", false, false);
        UUID forum = forum(city);
        member(forum, city);
        await().atMost(WAIT).until(() -> memberships(forum) == 1 && seated(forum, city));
        String asOf = "/forums/" + forum + "/as-of?at=";
        for (String at : List.of(
                "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z",
                "2201-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z",
                "2026-02-30T00:00:00Z",
                "2026-01-01T25:00:00Z",
                "2026-01-01",
                "",
                "%20",
                "%00",
                "%ED%A0%80")) {
            perform(get(java.net.URI.create(asOf + at)), of(city))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        perform(getJson("/forums/" + forum + "/as-of"), of(city)).andExpect(status().isBadRequest());
        perform(get(java.net.URI.create(asOf + "2200-12-31T23:59:59Z")), of(city))
                .andExpect(status().isOk());
        perform(get(java.net.URI.create(asOf + "1900-01-01T00:00:00Z")), of(city))
                .andExpect(status().isOk());
        for (String view : List.of(
                "tracker?page=99999999999",
                "tracker?size=2147483648",
                "tracker?plan=not-a-uuid",
                "tracker?org=1e400",
                "plans?page=-1",
                "population?size=0",
                "flags?check=NEED",
                "tracker?sort=%2B")) {
            perform(get(java.net.URI.create("/forums/" + forum + "/" + view)), of(city))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        perform(get(java.net.URI.create("/forums/" + forum + "/tracker?page=2147483647&size=200")), of(city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
        // a NUL or a lone surrogate in any query value is refused by the platform's guard, before any view reads it
        for (String view : List.of(
                "tracker?q=%00",
                "tracker?area=%00", "population?area=a%00b", "plans?sort=%ED%A0%80", "flags?status=%00")) {
            perform(get(java.net.URI.create("/forums/" + forum + "/" + view)), of(city))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
    }

    @Test
    void aRebuildFromTheTopicsEqualsTheLiveState() throws Exception {
        Seeded s = seed();
        progress(s.shelter(), s.city(), LocalDate.of(2025, 6, 30), 50, Rag.GREEN);
        UUID round = scores(s.city(), s.forum(), 60, List.of());
        UUID gap = gap(round, s.city(), "1.1.a", "1.1");
        UUID plan = plan(s.city(), "Reception plan", List.of(s.forum()), PlanStatus.ADOPTED, DataClassification.FORUM);
        UUID estimate = UUID.randomUUID();
        recorded(
                estimate(estimate, 1, s.city(), KAMPALA, Count.of(40), Count.hidden(), List.of()),
                DataClassification.PUBLIC);
        revised(
                estimate(estimate, 2, s.city(), KAMPALA, Count.of(45), Count.hidden(), List.of()),
                DataClassification.PUBLIC);
        UUID input = input(s.ngo(), "NEED", s.housingNeed(), List.of(s.forum()), DataClassification.FORUM);
        UUID meeting = UUID.randomUUID();
        UUID decision = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        feed.publish(
                new org.arrival.contracts.registry.MeetingHeld(
                        new org.arrival.contracts.registry.Meeting(
                                meeting,
                                2,
                                s.forum(),
                                "June meeting",
                                LocalDate.of(2025, 6, 10),
                                null,
                                null,
                                null,
                                List.of(),
                                List.of(),
                                null,
                                org.arrival.contracts.registry.MeetingStatus.HELD,
                                null),
                        actor(s.city())),
                s.forum(),
                s.forum(),
                s.city(),
                DataClassification.FORUM);
        feed.publish(
                new org.arrival.contracts.registry.DecisionRecorded(
                        new org.arrival.contracts.registry.Decision(
                                decision,
                                1,
                                s.forum(),
                                meeting,
                                LocalDate.of(2025, 6, 10),
                                "The NGO runs the shelter",
                                org.arrival.contracts.registry.DecisionType.ASSIGN_ACTION,
                                org.arrival.contracts.registry.DecisionMethod.CONSENSUS,
                                null,
                                List.of(),
                                List.of(),
                                null),
                        actor(s.city())),
                s.forum(),
                s.forum(),
                s.city(),
                DataClassification.FORUM);
        feed.publish(
                new org.arrival.contracts.registry.AssignmentMade(
                        new org.arrival.contracts.registry.Assignment(
                                assignment,
                                1,
                                s.forum(),
                                decision,
                                s.ngo(),
                                "Run the shelter",
                                LocalDate.of(2025, 6, 30),
                                org.arrival.contracts.registry.AssignmentStatus.OPEN,
                                null,
                                null),
                        actor(s.city())),
                s.forum(),
                s.forum(),
                s.city(),
                DataClassification.FORUM);
        await().atMost(WAIT)
                .until(() -> projected("fv_meeting", "id = '" + meeting + "'") == 1
                        && projected("fv_decision", "id = '" + decision + "'") == 1
                        && projected("fv_assignment", "id = '" + assignment + "'") == 1);
        await().atMost(WAIT)
                .until(() ->
                        projected("fv_action", "id = '" + s.shelter() + "' AND data->'latestReport' IS NOT NULL") == 1
                                && projected("fv_gap", "id = '" + gap + "'") == 1
                                && projected("fv_plan", "id = '" + plan + "'") == 1
                                && projected("fv_population", "id = '" + estimate + "' AND version = 2") == 1
                                && projected("fv_input", "id = '" + input + "'") == 1);
        // let the live listener drain everything published so far
        long logged = jdbc.queryForObject("SELECT count(*) FROM event_log", Long.class);
        await().pollDelay(Duration.ofSeconds(1))
                .atMost(WAIT)
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM event_log", Long.class) == logged);
        int live = generations.active();
        String body = perform(post("/admin/rebuild"), user("admin", null, "platform-admin"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "COMPLETED"
                        .equals(jdbc.queryForObject(
                                "SELECT status FROM fv_rebuild WHERE id = ?::uuid", String.class, id)));
        int rebuilt = generations.active();
        assertThat(rebuilt).isNotEqualTo(live);
        for (String table : List.of(
                "fv_organisation",
                "fv_forum",
                "fv_membership",
                "fv_action",
                "fv_need",
                "fv_gap",
                "fv_round_score",
                "fv_plan",
                "fv_population",
                "fv_input",
                "fv_meeting",
                "fv_decision",
                "fv_assignment")) {
            String cols = table.equals("fv_action")
                    ? "id, version, owner_id, shared_with::text AS shared_with, data::text AS data"
                    : table.equals("fv_membership")
                                    || table.startsWith("fv_meeting")
                                    || table.equals("fv_decision")
                                    || table.equals("fv_assignment")
                            ? "id, version, forum_id, data::text AS data"
                            : table.equals("fv_input")
                                    ? "id, version, subject_id, data::text AS data"
                                    : "id, version, data::text AS data";
            List<Map<String, Object>> a =
                    jdbc.queryForList("SELECT " + cols + " FROM " + table + " WHERE generation = ? ORDER BY id", live);
            List<Map<String, Object>> b = jdbc.queryForList(
                    "SELECT " + cols + " FROM " + table + " WHERE generation = ? ORDER BY id", rebuilt);
            assertThat(b).as(table).isEqualTo(a);
            assertThat(a).as(table).isNotEmpty();
        }
        perform(getJson("/admin/rebuild/" + id), user("admin", null, "platform-admin"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"));
        perform(getJson("/forums/" + s.forum() + "/tracker"), of(s.city()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3));
    }
}
