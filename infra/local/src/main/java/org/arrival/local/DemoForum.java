package org.arrival.local;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The demo: the Kampala coordination forum for displacement, migration and urban refugees, its members and what
 * they keep, loaded through the public APIs by the demo users of the realm (infra/keycloak). The organisations and
 * people are invented or used only as illustration; the facts (about 100,000 registered refugees in Kampala and
 * probably three times as many in reality, a national urban policy that does not mention them, neighbourhood
 * assessments and plans led by the city with an NGO) follow UN-Habitat's account of Kampala.
 */
// load() sets forumId, evidence and plans; LocalStack creates the demo and loads it in one go
@SuppressWarnings("NullAway.Init")
public final class DemoForum {

    public static final String PASSWORD = "arrival-demo";

    public static final String KCCA = "5b91a581-7e39-4e6e-a92e-7be3b70f071a";
    public static final String OPM = "5fa5c6f4-c9f2-4701-8c9c-ad746e6de685";
    public static final String NGO = "825d3feb-609d-4bcd-ad95-a391633073a5";
    public static final String RLO = "5fdf833c-73d9-4274-b65b-49a42520c0a1";
    public static final String DONOR = "67c67961-7942-4b1a-925e-f332d4cbdb1b";
    public static final String UBOS = "3ad21286-85be-4d44-97dc-26da917903ed";
    public static final String DCIC = "36a3661b-d8a6-43b5-b587-53b4568b2d04";
    /** A UN agency taking part without a demo login. */
    public static final String UN_AGENCY = "9d0f3c55-2a8e-4d7b-9a51-3c6e1f0b7a42";

    // Places as the APIs take them. The neighbourhood codes are the demo's own, not official P-codes; the forum
    // views compare places by code, so a city-wide record (no code) covers every neighbourhood.
    static final String UGANDA = "{\"country\":\"UG\"}";
    static final String KAMPALA = "{\"country\":\"UG\",\"subdivision\":\"UG-C\",\"areaName\":\"Kampala\"}";
    static final String KISENYI = neighbourhood("KLA-KISENYI", "Kisenyi");
    static final String KATWE = neighbourhood("KLA-KATWE", "Katwe");
    static final String NAKAWA = neighbourhood("KLA-NAKAWA", "Nakawa");
    /** A town east of Kampala, in the forum's region, with its own (demo) area code. */
    static final String MUKONO =
            "{\"country\":\"UG\",\"subdivision\":\"UG-C\",\"areaCode\":\"UG-C-MUKONO\",\"areaName\":\"Mukono\"}";

    /** The framework targets the chair asks the forum's checks to follow; no demo action is tagged GCM-16. */
    public static final List<String> PRIORITY_FRAMEWORK_ITEMS = List.of("GCM-15", "GCM-16", "SDG-11.1");

    /** A demo user: the realm's username and what they may do. */
    public record Login(String username, @Nullable String organisation, String description) {}

    public static final List<Login> LOGINS = List.of(
            new Login(
                    "kcca-coordinator",
                    KCCA,
                    "Kampala Capital City Authority: chairs the forum, edits the city's records"),
            new Login("opm-refugees-editor", OPM, "national refugee department: national plan and commitments"),
            new Login("ngo-editor", NGO, "Horizon Relief International: actions, comments"),
            new Login("rlo-editor", RLO, "Umoja Refugee Association: inputs to needs"),
            new Login("donor-viewer", DONOR, "Lakeside Development Fund: reads what members share"),
            new Login("ubos-statistician", UBOS, "statistics office: population estimates"),
            new Login("dcic-officer", DCIC, "immigration enforcement unit: refused restricted records"),
            new Login("platform-admin", null, "runs the platform"));

    private final PlatformClient api;
    private final DemoCalls calls;
    private String forumId;
    private DemoEvidence evidence;
    private DemoPlans plans;
    private DemoMeetings meetings;

    public DemoForum(StackSettings settings) {
        this.api = new PlatformClient(settings);
        this.calls = new DemoCalls(api);
    }

    public PlatformClient api() {
        return api;
    }

    public String forumId() {
        return forumId;
    }

    /** The evidence loaded: round, gaps, needs and estimates, by name. */
    public DemoEvidence evidence() {
        return evidence;
    }

    /** The forum's meetings, decisions and assignments loaded. */
    public DemoMeetings meetings() {
        return meetings;
    }

    /** The plans and actions loaded, by title. */
    public DemoPlans plans() {
        return plans;
    }

    /**
     * Loads the demo through the public APIs, each record by the organisation that owns it, and returns once the
     * forum view shows it. Any call answering otherwise than expected stops the load with that call and its answer.
     */
    public void load() {
        registerOrganisations();
        establishForum();
        new DemoSubscriptions(calls, forumId).load();
        evidence = new DemoEvidence(calls, forumId);
        evidence.load();
        plans = new DemoPlans(calls, forumId, evidence);
        plans.load();
        // the round's gaps and the needs' validation come after the actions that answer them, so the forum's
        // coherence checks, which may run at any moment, never flag them while the demo is loading
        evidence.publishRound();
        plans.answerGaps();
        evidence.validateNeeds();
        plans.needsAddressed();
        awaitForumView();
        // once every action is in the forum view, so the priorities met by the demo's actions are never flagged
        checkSettings();
        meetings = new DemoMeetings(calls, forumId, plans);
        meetings.load();
    }

    private static int reported(JsonNode items) {
        int n = 0;
        for (JsonNode item : items) {
            n += item.hasNonNull("percentComplete") ? 1 : 0;
        }
        return n;
    }

    private static String neighbourhood(String code, String name) {
        return "{\"country\":\"UG\",\"subdivision\":\"UG-C\",\"areaCode\":\"" + code + "\",\"areaName\":\"" + name
                + "\"}";
    }

    /** The forum view projects the other services' events a moment after they happen; wait until it has them all. */
    private void awaitForumView() {
        String base = "/forums/" + forumId;
        calls.await(
                "the forum's tracker",
                "kcca-coordinator",
                PlatformService.FORUM,
                base + "/tracker?size=100",
                tracker -> tracker.get("totalItems").asInt() == plans.actionCount()
                        && reported(tracker.get("items")) == plans.reportedCount());
        calls.await(
                "the forum's readiness",
                "kcca-coordinator",
                PlatformService.FORUM,
                base + "/readiness",
                readiness -> readiness.get("latest") != null
                        && !readiness.get("latest").isNull()
                        && DemoEvidence.ROUND_TITLE.equals(
                                readiness.get("latest").path("title").asString())
                        && readiness.get("gaps").size() == evidence.gapCount());
    }

    /** The chair sets the forum's priority framework targets; the checks run again at once. */
    private void checkSettings() {
        String path = "/forums/" + forumId + "/coherence-settings";
        // version 0 while the forum keeps the defaults: the first change names it in If-Match
        JsonNode current = calls.eventually(200, "GET", "kcca-coordinator", PlatformService.FORUM, path, null);
        calls.eventually(
                200,
                "PUT",
                "kcca-coordinator",
                PlatformService.FORUM,
                path,
                Map.of("priorityFrameworkItems", PRIORITY_FRAMEWORK_ITEMS),
                current);
    }

    private String token(String username) {
        return api.token(username, PASSWORD);
    }

    // ---- registry: the organisations under the ids their people carry in Keycloak, the forum and its seats

    private void registerOrganisations() {
        String admin = token("platform-admin");
        organisation(admin, KCCA, """
                {"name":"Kampala Capital City Authority","acronym":"KCCA","type":"LOCAL_GOVERNMENT",
                 "governmentLevel":"MUNICIPAL","jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "sectors":["URBAN_PLANNING","HEALTH","BASIC_SERVICES","EDUCATION","SOCIAL_PROTECTION"],
                 "formalStatus":"REGISTERED_LEGAL_ENTITY",
                 "contact":{"email":"forum@kcca.demo.arrival.example","website":"https://www.kcca.go.ug"}}""");
        organisation(admin, OPM, """
                {"name":"Office of the Prime Minister, Department of Refugees","acronym":"OPM-DoR",
                 "type":"NATIONAL_GOVERNMENT_BODY","governmentLevel":"NATIONAL","jurisdiction":{"country":"UG"},
                 "sectors":["RECEPTION","LEGAL_STATUS","PROTECTION_RIGHTS"],"formalStatus":"REGISTERED_LEGAL_ENTITY"}""");
        organisation(admin, NGO, """
                {"name":"Horizon Relief International","acronym":"HRI","type":"INTERNATIONAL_NGO",
                 "governmentLevel":"NOT_GOVERNMENT","jurisdiction":{"country":"UG","subdivision":"UG-C"},
                 "sectors":["HEALTH","LIVELIHOODS","PROTECTION_RIGHTS","DATA"],"formalStatus":"REGISTERED_LEGAL_ENTITY",
                 "externalIdentifiers":[{"scheme":"XM-DAC","identifier":"21999-HRI"}]}""");
        organisation(admin, RLO, """
                {"name":"Umoja Refugee Association","type":"MIGRANT_REFUGEE_IDP_ASSOCIATION",
                 "governmentLevel":"NEIGHBOURHOOD",
                 "jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"},
                 "sectors":["LIVELIHOODS","SOCIAL_COHESION","PARTICIPATION"],"formalStatus":"INFORMAL",
                 "hiddenFromEnforcementBodies":true}""");
        organisation(admin, DONOR, """
                {"name":"Lakeside Development Fund","type":"DONOR","governmentLevel":"INTERNATIONAL",
                 "jurisdiction":{"country":"UG"},"sectors":["FINANCE","LIVELIHOODS","URBAN_PLANNING"],
                 "formalStatus":"REGISTERED_LEGAL_ENTITY"}""");
        organisation(admin, UBOS, """
                {"name":"Uganda Bureau of Statistics","acronym":"UBOS","type":"STATISTICAL_OFFICE",
                 "governmentLevel":"NATIONAL","jurisdiction":{"country":"UG"},"sectors":["DATA"],
                 "formalStatus":"REGISTERED_LEGAL_ENTITY"}""");
        organisation(admin, DCIC, """
                {"name":"Directorate of Citizenship and Immigration Control, enforcement unit","acronym":"DCIC-EU",
                 "type":"NATIONAL_GOVERNMENT_BODY","governmentLevel":"NATIONAL","jurisdiction":{"country":"UG"},
                 "sectors":["LEGAL_STATUS","SAFETY_RULE_OF_LAW"],"enforcementBody":true,
                 "formalStatus":"REGISTERED_LEGAL_ENTITY"}""");
        organisation(admin, UN_AGENCY, """
                {"name":"UN refugee agency, Kampala urban unit","type":"UN_AGENCY","governmentLevel":"INTERNATIONAL",
                 "jurisdiction":{"country":"UG","subdivision":"UG-C"},"sectors":["PROTECTION_RIGHTS","RECEPTION","DATA"],
                 "formalStatus":"REGISTERED_LEGAL_ENTITY"}""");
    }

    private void organisation(String admin, String id, String profile) {
        api.expect(
                201,
                "PUT",
                PlatformService.REGISTRY,
                "/stakeholders/" + id,
                admin,
                profile,
                Map.of("If-None-Match", "*"));
        api.expect(200, "POST", PlatformService.REGISTRY, "/stakeholders/" + id + "/verify", admin, null, Map.of());
        api.expect(200, "POST", PlatformService.REGISTRY, "/stakeholders/" + id + "/activate", admin, null, Map.of());
    }

    private void establishForum() {
        String chair = token("kcca-coordinator");
        JsonNode forum = api.expect(
                201, "POST", PlatformService.REGISTRY, "/forums", chair, """
                {"name":"Kampala Coordination Forum for Displacement, Migration and Urban Refugees",
                 "type":"COORDINATION_FORUM",
                 "geographicScope":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "thematicScope":{"sectors":["RECEPTION","HEALTH","EDUCATION","LIVELIHOODS","BASIC_SERVICES",
                                             "URBAN_PLANNING","SOCIAL_COHESION","DATA"],
                                  "populationGroups":["REFUGEES","ASYLUM_SEEKERS","URBAN_DISPLACED","HOST_COMMUNITY"],
                                  "mandate":"Bring the city, national government, UN agencies, NGOs and refugee-led groups together so that Kampala plans and serves all its residents, registered or not.",
                                  "languages":["en","lg","sw","fr","ar"]},
                 "convenorId":"%s","chairId":"%s","secretariatId":"%s"}""".formatted(KCCA, KCCA, NGO), Map.of());
        forumId = forum.get("id").asString();
        api.expect(
                200,
                "POST",
                PlatformService.REGISTRY,
                "/forums/" + forumId + "/status",
                chair,
                Map.of("status", "ACTIVE", "reason", "First meeting held at City Hall"),
                Map.of());
        seat(chair, KCCA, "CHAIR");
        seat(chair, NGO, "SECRETARIAT");
        seat(chair, OPM, "MEMBER");
        seat(chair, UN_AGENCY, "MEMBER");
        seat(chair, RLO, "ELECTED_MIGRANT_REPRESENTATIVE");
        seat(chair, DONOR, "OBSERVER");
        seat(chair, UBOS, "TECHNICAL_ADVISER");
        seat(chair, DCIC, "OBSERVER");
    }

    private void seat(String chair, String organisation, String seat) {
        api.expect(
                201,
                "POST",
                PlatformService.REGISTRY,
                "/forums/" + forumId + "/memberships",
                chair,
                Map.of("stakeholderId", organisation, "seat", seat, "termStart", "2026-01-15"),
                Map.of());
    }
}
