package org.arrival.forum.coherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.NeedUpdated;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.registry.Forum;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.live.LiveStreams;
import org.arrival.forum.projection.EventLog;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.JdbcStore;
import org.arrival.forum.projection.ProjectionChanged;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.projection.domain.Touch;
import org.arrival.forum.views.ForumViews;
import org.arrival.forum.web.ForumMembers;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finding 1 of issue 13: coherence flags quoted the titles of a hidden organisation's action and of restricted
 * records to an enforcement body seated in the forum. A flag is derived from the records it names: it is shown, its
 * events are classified, its changes listed and its hints sent only as its most protected record allows.
 */
class FlagFirewallTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RAISED = "org.arrival.forum.CoherenceFlagRaised.v1";

    @Autowired
    CoherenceChecker checker;

    @Autowired
    CheckSettingsStore settings;

    /** These worlds are about the firewall: their actions name no evidence, which is not what they test. */
    private void withoutEvidenceCheck(UUID forum) {
        if (settings.read(forum).version() == 0) {
            settings.save(
                    forum,
                    org.arrival.forum.coherence.domain.CheckSettings.DEFAULTS.without(
                            java.util.Set.of(CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE)),
                    0,
                    "test");
        }
    }

    @Autowired
    Generations generations;

    @Autowired
    EventLog log;

    @Autowired
    ForumMembers members;

    @Autowired
    Organisations organisations;

    record Kisenyi(
            UUID forum,
            UUID city,
            UUID association,
            UUID police,
            UUID escort,
            UUID clinic,
            UUID need,
            UUID commitment,
            UUID safeHouses,
            Instant before) {}

    /**
     * A forum of a city (convenor), a refugee-led association hidden from enforcement bodies and an immigration
     * enforcement unit holding the secretariat. The association's action has no funding and overlaps the city's; the
     * city's commitment expects the association to implement it locally; a validated need of the city is flagged and
     * then made RESTRICTED; a RESTRICTED validated need shared with the forum has no action.
     */
    private Kisenyi kisenyi() throws Exception {
        UUID city = registered("City of Kampala", false, false);
        UUID association = registered("Kisenyi refugee women's association", false, true);
        UUID police = registered("Immigration enforcement unit", true, false);
        UUID forum = UUID.randomUUID();
        feed.publish(
                new ForumEstablished(
                        new Forum(
                                forum,
                                1,
                                "Kisenyi forum " + forum,
                                ForumType.COORDINATION_FORUM,
                                KAMPALA,
                                null,
                                city,
                                city,
                                police,
                                null,
                                ForumStatus.ACTIVE),
                        actor(city)),
                forum,
                forum,
                city,
                DataClassification.PUBLIC);
        member(forum, city);
        member(forum, association);
        member(forum, police);
        UUID escort = UUID.randomUUID();
        healthAction(escort, association, forum, "Health escort in Kisenyi");
        UUID clinic = UUID.randomUUID();
        healthAction(clinic, city, forum, "City clinic");
        UUID commitment = UUID.randomUUID();
        proposed(
                new Action(
                        commitment,
                        1,
                        city,
                        null,
                        "Reception standard",
                        null,
                        ActionKind.POLICY_OR_LEGAL_REFORM,
                        List.of(Sector.GOVERNANCE),
                        List.of(PopulationGroup.REFUGEES),
                        List.of(KAMPALA),
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2026, 12, 31),
                        ReportingCadence.QUARTERLY,
                        List.of(),
                        null,
                        true,
                        List.of(association),
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(forum),
                        ActionStatus.COMMITTED,
                        null),
                DataClassification.FORUM);
        funding(commitment, city, "1000", "400");
        UUID need = need(city, Sector.EDUCATION, PopulationGroup.REFUGEES);
        UUID safeHouses = UUID.randomUUID();
        feed.publish(
                new NeedIdentified(
                        new Need(
                                safeHouses,
                                1,
                                city,
                                "Safe houses for survivors in Kisenyi",
                                Sector.PROTECTION_RIGHTS,
                                List.of(PopulationGroup.REFUGEES),
                                KAMPALA,
                                Severity.HIGH,
                                List.of(),
                                List.of(),
                                null,
                                NeedStatus.VALIDATED,
                                null,
                                List.of(forum)),
                        actor(city)),
                safeHouses,
                safeHouses,
                city,
                DataClassification.RESTRICTED);
        await().atMost(WAIT).until(() -> count("fv_need", "id = '" + safeHouses + "'") == 1);
        await().atMost(WAIT)
                .until(() -> count("fv_membership", "forum_id = '" + forum + "'") == 3
                        && count("fv_action", "id IN ('" + escort + "', '" + clinic + "')") == 2
                        && count("fv_action", "id = '" + commitment + "' AND jsonb_array_length(data->'funding') = 1")
                                == 1
                        && count("fv_need", "id = '" + need + "'") == 1
                        && seated(forum, police)
                        && count("fv_organisation", "id = '" + association + "' AND (data->>'hidden')::boolean") == 1);
        Thread.sleep(20);
        Instant before = Instant.now();
        Thread.sleep(20);
        withoutEvidenceCheck(forum);
        checker.check(forum);
        Need restricted = new Need(
                need,
                2,
                city,
                "Lacking EDUCATION",
                Sector.EDUCATION,
                List.of(PopulationGroup.REFUGEES),
                KAMPALA,
                Severity.HIGH,
                List.of(),
                List.of(),
                null,
                NeedStatus.VALIDATED,
                null,
                List.of());
        feed.publish(
                new NeedUpdated(restricted, actor(city), List.of("classification"), null),
                need,
                need,
                city,
                DataClassification.RESTRICTED);
        await().atMost(WAIT).until(() -> count("fv_need", "id = '" + need + "' AND version = 2") == 1);
        withoutEvidenceCheck(forum);
        checker.check(forum);
        return new Kisenyi(forum, city, association, police, escort, clinic, need, commitment, safeHouses, before);
    }

    /** An action of the owner shared with the forum (FORUM): health services for refugees, under way. */
    private void healthAction(UUID id, UUID owner, UUID forum, String title) {
        proposed(
                action(
                        id,
                        1,
                        owner,
                        forum,
                        title,
                        Sector.HEALTH,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
    }

    private long count(String table, String where) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM " + table + " WHERE generation = ? AND " + where,
                Long.class,
                generations.active());
    }

    private static TestTokenIssuer.Token of(UUID org, String... roles) {
        String[] all = new String[roles.length + 1];
        all[0] = "member";
        System.arraycopy(roles, 0, all, 1, roles.length);
        return user("user-" + org, org, all);
    }

    private CoherenceFlagRow flag(Kisenyi k, CoherenceCheckCode code, UUID record) {
        return checker.flags(k.forum(), null, code).stream()
                .filter(f -> f.recordIds().contains(record))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " flag naming " + record));
    }

    @Test
    void anEnforcementBodyNeverReadsAFlagNamingAHiddenOrganisationsActionOrARestrictedRecord() throws Exception {
        Kisenyi k = kisenyi();
        String path = "/forums/" + k.forum() + "/flags";
        String city = perform(getJson(path), of(k.city()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(city)
                .contains(
                        "Health escort in Kisenyi",
                        k.escort().toString(),
                        "Lacking EDUCATION",
                        "City clinic",
                        "Kisenyi refugee women's association",
                        k.association().toString(),
                        "Safe houses for survivors in Kisenyi");
        List<String> cityChecks = JsonPath.read(city, "$.items[*].checkCode");
        assertThat(cityChecks)
                .containsExactlyInAnyOrder(
                        "ACTION_WITHOUT_FUNDING",
                        "ACTION_WITHOUT_FUNDING",
                        "OVERLAPPING_ACTIONS",
                        "NEED_WITHOUT_ACTION",
                        "NEED_WITHOUT_ACTION",
                        "MISSING_LOCAL_IMPLEMENTATION");

        String police = perform(getJson(path), of(k.police()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // only the city clinic's own finding: nothing of the association, nothing quoting the restricted need
        assertThat(police)
                .doesNotContain(
                        "Health escort",
                        "Kisenyi refugee",
                        k.escort().toString(),
                        k.association().toString(),
                        "Lacking EDUCATION",
                        k.need().toString(),
                        "Safe houses",
                        k.safeHouses().toString());
        List<List<String>> seen = JsonPath.read(police, "$.items[*].recordIds");
        assertThat(seen).containsExactly(List.of(k.clinic().toString()));
        perform(getJson(path + "?check=OVERLAPPING_ACTIONS"), of(k.police()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void overlappingActionsReadableByEveryMemberAreOneFlagTheEnforcementBodyReadsAndTheHiddenOnesOverlapIsApart()
            throws Exception {
        Kisenyi k = kisenyi();
        List<UUID> clinics = new ArrayList<>(List.of(k.clinic()));
        for (String name : List.of("Kisenyi health NGO", "Kampala refugee clinic")) {
            UUID ngo = registered(name, false, false);
            member(k.forum(), ngo);
            UUID clinic = UUID.randomUUID();
            healthAction(clinic, ngo, k.forum(), name + " outreach");
            clinics.add(clinic);
        }
        await().atMost(WAIT)
                .until(() -> count("fv_membership", "forum_id = '" + k.forum() + "'") == 5
                        && count("fv_action", "id IN ('" + clinics.get(1) + "', '" + clinics.get(2) + "')") == 2);
        checker.check(k.forum());

        String path = "/forums/" + k.forum() + "/flags?check=OVERLAPPING_ACTIONS&status=OPEN";
        List<List<String>> cityReads = JsonPath.read(listed(path, of(k.city())), "$.items[*].recordIds");
        // the group's actions in the order of their ids as UUIDs (not as text)
        List<String> group = clinics.stream().sorted().map(UUID::toString).toList();
        List<String> withEscort = new ArrayList<>(List.of(k.escort().toString()));
        withEscort.addAll(group);
        // the three readable actions in one flag; the hidden association's with the three it overlaps, apart
        assertThat(cityReads).containsExactlyInAnyOrder(group, withEscort);
        String police = listed(path, of(k.police()));
        assertThat(JsonPath.<List<List<String>>>read(police, "$.items[*].recordIds"))
                .containsExactly(group);
        assertThat(police).doesNotContain(k.escort().toString(), "Health escort", "Kisenyi refugee");
    }

    private String listed(String path, TestTokenIssuer.Token token) throws Exception {
        return perform(getJson(path), token)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theFlagsComeAPageAtATimeCountingOnlyThoseTheCallerMayRead() throws Exception {
        Kisenyi k = kisenyi();
        String path = "/forums/" + k.forum() + "/flags";
        String all = listed(path, of(k.city()));
        assertThat(JsonPath.<Integer>read(all, "$.totalItems")).isEqualTo(6);
        assertThat(JsonPath.<Integer>read(all, "$.totalPages")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(all, "$.size")).isEqualTo(50);
        List<String> newest = JsonPath.read(all, "$.items[*].flagId");

        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            String one = listed(path + "?size=2&page=" + page, of(k.city()));
            assertThat(JsonPath.<Integer>read(one, "$.totalItems")).isEqualTo(6);
            assertThat(JsonPath.<Integer>read(one, "$.totalPages")).isEqualTo(3);
            assertThat(JsonPath.<Integer>read(one, "$.page")).isEqualTo(page);
            paged.addAll(JsonPath.<List<String>>read(one, "$.items[*].flagId"));
        }
        assertThat(paged).containsExactlyElementsOf(newest);
        String beyond = listed(path + "?size=2&page=3", of(k.city()));
        assertThat(JsonPath.<List<String>>read(beyond, "$.items")).isEmpty();
        assertThat(JsonPath.<Integer>read(beyond, "$.totalItems")).isEqualTo(6);

        List<String> oldest = JsonPath.read(listed(path + "?sort=oldest", of(k.city())), "$.items[*].flagId");
        assertThat(oldest).containsExactlyElementsOf(newest.reversed());
        assertThat(JsonPath.<List<String>>read(listed(path + "?sort=newest", of(k.city())), "$.items[*].flagId"))
                .containsExactlyElementsOf(newest);

        // several statuses, repeated or separated by commas
        int open = JsonPath.read(listed(path + "?status=OPEN", of(k.city())), "$.totalItems");
        int resolved = JsonPath.read(listed(path + "?status=RESOLVED", of(k.city())), "$.totalItems");
        assertThat(resolved).isPositive();
        assertThat(open + resolved).isEqualTo(6);
        assertThat(JsonPath.<Integer>read(listed(path + "?status=OPEN,RESOLVED", of(k.city())), "$.totalItems"))
                .isEqualTo(6);
        assertThat(JsonPath.<Integer>read(listed(path + "?status=open&status=RESOLVED", of(k.city())), "$.totalItems"))
                .isEqualTo(6);

        for (String bad : List.of("size=201", "size=0", "page=-1", "sort=-newest", "sort=sideways", "status=LATE")) {
            perform(getJson(path + "?" + bad), of(k.city()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        assertThat(JsonPath.<Integer>read(listed(path + "?size=200", of(k.city())), "$.totalItems"))
                .isEqualTo(6);

        // the enforcement body: neither the flags it may not read nor a count including them, on any page
        String police = listed(path + "?size=1", of(k.police()));
        assertThat(JsonPath.<Integer>read(police, "$.totalItems")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(police, "$.totalPages")).isEqualTo(1);
        assertThat(JsonPath.<List<List<String>>>read(police, "$.items[*].recordIds"))
                .containsExactly(List.of(k.clinic().toString()));
        String second = listed(path + "?size=1&page=1", of(k.police()));
        assertThat(JsonPath.<List<String>>read(second, "$.items")).isEmpty();
        assertThat(JsonPath.<Integer>read(second, "$.totalItems")).isEqualTo(1);
        assertThat(listed(path + "?sort=oldest&size=200", of(k.police())))
                .doesNotContain(
                        k.escort().toString(),
                        k.association().toString(),
                        k.safeHouses().toString());
    }

    @Test
    void theFlagsOfAnOrganisationAreThoseNamingItOrAnActionOrANeedItOwns() throws Exception {
        Kisenyi k = kisenyi();
        String path = "/forums/" + k.forum() + "/flags?organisation=";
        String association = listed(path + k.association(), of(k.city()));
        assertThat(JsonPath.<Integer>read(association, "$.totalItems")).isEqualTo(3);
        assertThat(JsonPath.<List<String>>read(association, "$.items[*].checkCode"))
                .containsExactlyInAnyOrder(
                        "ACTION_WITHOUT_FUNDING", "OVERLAPPING_ACTIONS", "MISSING_LOCAL_IMPLEMENTATION");
        assertThat(JsonPath.<List<List<String>>>read(association, "$.items[*].recordIds"))
                .allMatch(ids -> ids.contains(k.escort().toString())
                        || ids.contains(k.association().toString()));
        String city = listed(path + k.city() + "&check=ACTION_WITHOUT_FUNDING", of(k.city()));
        assertThat(JsonPath.<List<List<String>>>read(city, "$.items[*].recordIds"))
                .containsExactly(List.of(k.clinic().toString()));
        // a validated need of the city with no action (the safe houses, still waiting) and the need resolved once
        // restricted: both name only the need, and only its owner's filter lists them
        String cityNeeds = listed(path + k.city() + "&check=NEED_WITHOUT_ACTION", of(k.city()));
        assertThat(JsonPath.<List<List<String>>>read(cityNeeds, "$.items[*].recordIds"))
                .containsExactlyInAnyOrder(
                        List.of(k.safeHouses().toString()), List.of(k.need().toString()));
        String waiting = listed(path + k.city() + "&status=OPEN,ACKNOWLEDGED&check=NEED_WITHOUT_ACTION", of(k.city()));
        assertThat(JsonPath.<List<List<String>>>read(waiting, "$.items[*].recordIds"))
                .containsExactly(List.of(k.safeHouses().toString()));
        assertThat(JsonPath.<Integer>read(listed(path + k.city(), of(k.city())), "$.totalItems"))
                .isEqualTo(5);
        String associationNeeds = listed(path + k.association() + "&check=NEED_WITHOUT_ACTION", of(k.city()));
        assertThat(JsonPath.<Integer>read(associationNeeds, "$.totalItems")).isEqualTo(0);
        String policeNeeds = listed(path + k.police() + "&check=NEED_WITHOUT_ACTION", of(k.police()));
        assertThat(JsonPath.<Integer>read(policeNeeds, "$.totalItems")).isEqualTo(0);
        assertThat(JsonPath.<Integer>read(listed(path + UUID.randomUUID(), of(k.city())), "$.totalItems"))
                .isEqualTo(0);
        perform(getJson(path + "not-an-organisation"), of(k.city())).andExpect(status().isBadRequest());

        // an organisation hidden from the enforcement body names nothing it may see, not even a count
        String hidden = listed(path + k.association(), of(k.police()));
        assertThat(JsonPath.<Integer>read(hidden, "$.totalItems")).isEqualTo(0);
        assertThat(JsonPath.<List<String>>read(hidden, "$.items")).isEmpty();
        String own = listed(path + k.city(), of(k.police()));
        assertThat(JsonPath.<Integer>read(own, "$.totalItems")).isEqualTo(1);
        assertThat(JsonPath.<List<List<String>>>read(own, "$.items[*].recordIds"))
                .containsExactly(List.of(k.clinic().toString()));
    }

    @Test
    void oneFlagIsReadByItsIdAsTheListShowsItAndOnlyByThoseWhoMayReadEveryRecordItNames() throws Exception {
        Kisenyi k = kisenyi();
        String flags = "/forums/" + k.forum() + "/flags";
        String path = flags + "/";
        CoherenceFlagRow escort = flag(k, CoherenceCheckCode.ACTION_WITHOUT_FUNDING, k.escort());
        CoherenceFlagRow clinic = flag(k, CoherenceCheckCode.ACTION_WITHOUT_FUNDING, k.clinic());

        // the city reads the flag naming the association's action, exactly as the list shows it, with its version
        String city = perform(getJson(path + escort.flagId()), of(k.city()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + escort.version() + "\""))
                .andExpect(jsonPath("$.flagId").value(escort.flagId().toString()))
                .andExpect(jsonPath("$.checkCode").value("ACTION_WITHOUT_FUNDING"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(city).contains("Health escort in Kisenyi", k.escort().toString());
        assertThat(JsonPath.<Object>read(city, "$"))
                .isEqualTo(JsonPath.<List<Object>>read(
                                listed(flags, of(k.city())), "$.items[?(@.flagId == '" + escort.flagId() + "')]")
                        .getFirst());

        // to the enforcement body it is an unknown flag, answered word for word as one
        String unknownId = UUID.randomUUID().toString();
        String unknown = perform(getJson(path + unknownId), of(k.police()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String hidden = perform(getJson(path + escort.flagId()), of(k.police()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().doesNotExist("ETag"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(hidden)
                .doesNotContain(
                        "Health escort",
                        "Kisenyi refugee",
                        k.escort().toString(),
                        k.association().toString());
        assertThat(hidden.replace(escort.flagId().toString(), unknownId)).isEqualTo(unknown);

        // the city clinic's own flag it reads, as its list shows it
        String police = perform(getJson(path + clinic.flagId()), of(k.police()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + clinic.version() + "\""))
                .andExpect(jsonPath("$.recordIds.length()").value(1))
                .andExpect(jsonPath("$.recordIds[0]").value(k.clinic().toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Object>read(police, "$"))
                .isEqualTo(JsonPath.<Object>read(listed(flags, of(k.police())), "$.items[0]"));

        // the flag of another forum the city sits in is found at its own forum only
        UUID other = forum(k.city());
        member(other, k.city());
        UUID market = UUID.randomUUID();
        healthAction(market, k.city(), other, "Market clinic");
        await().atMost(WAIT)
                .until(() -> count("fv_forum", "id = '" + other + "'") == 1
                        && seated(other, k.city())
                        && count("fv_action", "id = '" + market + "'") == 1);
        withoutEvidenceCheck(other);
        checker.check(other);
        UUID elsewhere = checker.flags(other, null, CoherenceCheckCode.ACTION_WITHOUT_FUNDING).stream()
                .filter(f -> f.recordIds().contains(market))
                .findFirst()
                .orElseThrow()
                .flagId();
        perform(getJson("/forums/" + other + "/flags/" + elsewhere), of(k.city()))
                .andExpect(status().isOk());
        perform(getJson(path + elsewhere), of(k.city()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Market clinic"))));

        perform(getJson(path + UUID.randomUUID()), of(k.city())).andExpect(status().isNotFound());
        perform(getJson(path + "not-a-flag"), of(k.city()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("flagId"));
        // nor does a caller without a seat learn of the forum's flags
        perform(getJson(path + clinic.flagId()), of(registered("Outsider", false, false)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFlagTheCallerMayNotReadIsAnsweredAsAnUnknownOneWhenChanged() throws Exception {
        Kisenyi k = kisenyi();
        String path = "/forums/" + k.forum() + "/flags/";
        CoherenceFlagRow escort = flag(k, CoherenceCheckCode.ACTION_WITHOUT_FUNDING, k.escort());
        CoherenceFlagRow clinic = flag(k, CoherenceCheckCode.ACTION_WITHOUT_FUNDING, k.clinic());
        TestTokenIssuer.Token secretariat = of(k.police(), "forum-coordinator");
        for (String decision : List.of("acknowledge", "resolve", "dismiss")) {
            String unknown = perform(
                            postJson(path + UUID.randomUUID() + "/" + decision, "{\"reason\":\"Covered\"}")
                                    .header("If-Match", "\"1\""),
                            secretariat)
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String hidden = perform(
                            postJson(path + escort.flagId() + "/" + decision, "{\"reason\":\"Covered\"}")
                                    .header("If-Match", "\"1\""),
                            secretariat)
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<String>read(hidden, "$.title")).isEqualTo(JsonPath.read(unknown, "$.title"));
            assertThat(hidden).doesNotContain("Health escort");
            // even without the role or the version, the answer does not tell that the flag exists
            perform(postJson(path + escort.flagId() + "/" + decision, "{}"), of(k.police()))
                    .andExpect(status().isNotFound());
        }
        assertThat(checker.flags(k.forum(), null, null))
                .filteredOn(f -> f.flagId().equals(escort.flagId()))
                .singleElement()
                .satisfies(f -> assertThat(f.version()).isEqualTo(1));
        // the flag it may read, the secretariat may acknowledge
        perform(postJson(path + clinic.flagId() + "/acknowledge", "{}").header("If-Match", "\"1\""), secretariat)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        // and the city, which may read the association's action, acknowledges its flag
        perform(
                        postJson(path + escort.flagId() + "/acknowledge", "{}").header("If-Match", "\"1\""),
                        of(k.city(), "forum-coordinator"))
                .andExpect(status().isOk());
    }

    @Test
    void aDecisionIsAnsweredAsTheListShowsTheFlagWithoutAHiddenOrganisationsName() throws Exception {
        Kisenyi k = kisenyi();
        UUID transport = UUID.randomUUID();
        healthAction(transport, k.city(), k.forum(), "Clinic transport with Kisenyi refugee women's association");
        await().atMost(WAIT).until(() -> count("fv_action", "id = '" + transport + "'") == 1);
        checker.check(k.forum());
        CoherenceFlagRow flag = flag(k, CoherenceCheckCode.ACTION_WITHOUT_FUNDING, transport);
        String path = "/forums/" + k.forum() + "/flags/" + flag.flagId();
        String listed = perform(getJson("/forums/" + k.forum() + "/flags"), of(k.police()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed).contains(transport.toString()).doesNotContain("Kisenyi refugee women's association");
        String answer = perform(
                        postJson(path + "/acknowledge", "{}").header("If-Match", "\"" + flag.version() + "\""),
                        of(k.police(), "forum-coordinator"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.updatedByOrganisation").value(k.police().toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("Clinic transport with", "[…]").doesNotContain("Kisenyi refugee women's");
        // the city may know of the association, so its own decision's answer names it
        perform(
                        postJson(path + "/resolve", "{\"reason\":\"Funded by the city\"}")
                                .header("If-Match", "\"" + (flag.version() + 1) + "\""),
                        of(k.city(), "forum-coordinator"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary", containsString("Kisenyi refugee women's association")));
    }

    @Test
    void theEventsOfAFlagCarryTheStrictestClassificationOfWhatItNames() throws Exception {
        try (EventRecorder recorder =
                EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), "arrival.forum.flags.v1")) {
            Kisenyi k = kisenyi();
            CoherenceFlagRow escort = flag(k, CoherenceCheckCode.ACTION_WITHOUT_FUNDING, k.escort());
            CoherenceFlagRow overlap = flag(k, CoherenceCheckCode.OVERLAPPING_ACTIONS, k.escort());
            CoherenceFlagRow clinic = flag(k, CoherenceCheckCode.ACTION_WITHOUT_FUNDING, k.clinic());
            CoherenceFlagRow need = flag(k, CoherenceCheckCode.NEED_WITHOUT_ACTION, k.need());
            CoherenceFlagRow implementer = flag(k, CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION, k.association());
            CoherenceFlagRow safeHouses = flag(k, CoherenceCheckCode.NEED_WITHOUT_ACTION, k.safeHouses());
            assertThat(classification(
                            recorder.awaitExactlyOne(RAISED, escort.flagId().toString())))
                    .isEqualTo("RESTRICTED");
            assertThat(classification(
                            recorder.awaitExactlyOne(RAISED, overlap.flagId().toString())))
                    .isEqualTo("RESTRICTED");
            assertThat(classification(
                            recorder.awaitExactlyOne(RAISED, clinic.flagId().toString())))
                    .isEqualTo("FORUM");
            // the city's own commitment, but it names the hidden association as the one to implement it
            assertThat(classification(recorder.awaitExactlyOne(
                            RAISED, implementer.flagId().toString())))
                    .isEqualTo("RESTRICTED");
            assertThat(classification(
                            recorder.awaitExactlyOne(RAISED, safeHouses.flagId().toString())))
                    .isEqualTo("RESTRICTED");
            // raised while the need was PUBLIC; resolved once it is RESTRICTED, and said so as RESTRICTED
            List<RecordedEvent> needEvents =
                    recorder.await(e -> need.flagId().toString().equals(e.subject()), 2, WAIT);
            assertThat(needEvents).extracting(FlagFirewallTest::classification).containsExactly("FORUM", "RESTRICTED");
            assertThat(needEvents.get(1).payloadText()).contains("\"status\":\"RESOLVED\"");
            needEvents.forEach(EventRecorder::assertValidCloudEvent);
        }
    }

    @Test
    void anEnforcementBodysChangesSinceAndLiveHintsLeaveSuchFlagsOut() throws Exception {
        Kisenyi k = kisenyi();
        CoherenceFlagRow clinic = flag(k, CoherenceCheckCode.ACTION_WITHOUT_FUNDING, k.clinic());
        List<UUID> all = checker.flags(k.forum(), null, null).stream()
                .map(CoherenceFlagRow::flagId)
                .toList();
        assertThat(all).hasSize(6);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM event_log WHERE topic = "
                                        + "'arrival.forum.flags.v1' AND message_key = ?",
                                Long.class,
                                k.forum().toString())
                        == 7);
        String asOf = "/forums/" + k.forum() + "/as-of?at=" + k.before();
        String police = perform(getJson(asOf), of(k.police()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> policeFlags = JsonPath.read(police, "$.changesSince[?(@.recordType == 'FLAG')].recordId");
        assertThat(policeFlags).containsExactly(clinic.flagId().toString());
        assertThat(police)
                .doesNotContain(
                        k.need().toString(),
                        k.escort().toString(),
                        k.safeHouses().toString());
        String city = perform(getJson(asOf), of(k.city()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> cityFlags = JsonPath.read(city, "$.changesSince[?(@.recordType == 'FLAG')].recordId");
        assertThat(Set.copyOf(cityFlags))
                .containsExactlyInAnyOrderElementsOf(
                        all.stream().map(UUID::toString).toList());

        // the hints the live streams would send for each flag event
        JdbcStore store = generations.activeStore();
        for (ProjectedEvent event : log.after(k.forum(), k.before())) {
            if (!"arrival.forum.flags.v1".equals(event.topic())
                    || !k.forum().toString().equals(event.key())) {
                continue;
            }
            List<ProjectionChanged> batch = List.of(new ProjectionChanged(Touch.of(store, event), false));
            var sources = LiveStreams.sources(batch, store);
            Set<String> toPolice = LiveStreams.views(
                    batch,
                    k.forum(),
                    store,
                    new ForumViews(
                            store,
                            organisations,
                            members.viewer(caller(k.police()), k.forum()),
                            java.time.LocalDate.now(java.time.ZoneOffset.UTC)),
                    sources);
            Set<String> toCity = LiveStreams.views(
                    batch,
                    k.forum(),
                    store,
                    new ForumViews(
                            store,
                            organisations,
                            members.viewer(caller(k.city()), k.forum()),
                            java.time.LocalDate.now(java.time.ZoneOffset.UTC)),
                    sources);
            assertThat(toCity).as(event.subject()).containsExactly(Touch.FLAGS);
            assertThat(toPolice)
                    .as(event.subject())
                    .isEqualTo(event.subject().equals(clinic.flagId().toString()) ? Set.of(Touch.FLAGS) : Set.of());
        }
    }

    @Test
    void aDecisionOfAHiddenAssociationOnAFlagEveryoneMayReadShowsNeitherItNorItsWords() throws Exception {
        UUID city = registered("City of Kampala", false, false);
        UUID association = registered("Kisenyi refugee women's association", false, true);
        UUID police = registered("Immigration enforcement unit", true, false);
        UUID forum = UUID.randomUUID();
        // the association chairs the forum
        feed.publish(
                new ForumEstablished(
                        new Forum(
                                forum,
                                1,
                                "Chaired forum " + forum,
                                ForumType.COORDINATION_FORUM,
                                KAMPALA,
                                null,
                                city,
                                association,
                                null,
                                null,
                                ForumStatus.ACTIVE),
                        actor(city)),
                forum,
                forum,
                city,
                DataClassification.PUBLIC);
        for (UUID org : List.of(city, association, police)) {
            member(forum, org);
        }
        UUID clinic = UUID.randomUUID();
        healthAction(clinic, city, forum, "City clinic");
        await().atMost(WAIT)
                .until(() -> count("fv_membership", "forum_id = '" + forum + "'") == 3
                        && count("fv_action", "id = '" + clinic + "'") == 1
                        && seated(forum, police)
                        && count("fv_forum", "id = '" + forum + "'") == 1);
        try (EventRecorder recorder =
                EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), "arrival.forum.flags.v1")) {
            withoutEvidenceCheck(forum);
            checker.check(forum);
            CoherenceFlagRow flag = checker.flags(forum, null, CoherenceCheckCode.ACTION_WITHOUT_FUNDING)
                    .get(0);
            String path = "/forums/" + forum + "/flags";
            perform(
                            postJson(path + "/" + flag.flagId() + "/dismiss", "{\"reason\":\"Our volunteers fund it\"}")
                                    .header("If-Match", "\"1\""),
                            of(association, "forum-coordinator"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.updatedByOrganisation").value(association.toString()));
            perform(getJson(path), of(city))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].status").value("DISMISSED"))
                    .andExpect(jsonPath("$.items[0].reason").value("Our volunteers fund it"))
                    .andExpect(jsonPath("$.items[0].updatedByOrganisation").value(association.toString()));
            String seen = perform(getJson(path), of(police))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].status").value("DISMISSED"))
                    .andExpect(jsonPath("$.items[0].reason").doesNotExist())
                    .andExpect(jsonPath("$.items[0].updatedByOrganisation").doesNotExist())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(seen).doesNotContain(association.toString(), "volunteers");
            String one = perform(getJson(path + "/" + flag.flagId()), of(police))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("DISMISSED"))
                    .andExpect(jsonPath("$.reason").doesNotExist())
                    .andExpect(jsonPath("$.updatedByOrganisation").doesNotExist())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(one).doesNotContain(association.toString(), "volunteers");
            perform(getJson(path + "/" + flag.flagId()), of(city))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.reason").value("Our volunteers fund it"))
                    .andExpect(jsonPath("$.updatedByOrganisation").value(association.toString()));
            List<RecordedEvent> events =
                    recorder.await(e -> flag.flagId().toString().equals(e.subject()), 2, WAIT);
            assertThat(events).extracting(FlagFirewallTest::classification).containsExactly("FORUM", "RESTRICTED");
        }
    }

    private static Caller caller(UUID org) {
        return new Caller("user-" + org, "user-" + org, org, Set.of("member"));
    }

    static String classification(RecordedEvent e) {
        return e.header(CloudEventHeaders.DATA_CLASSIFICATION);
    }
}
