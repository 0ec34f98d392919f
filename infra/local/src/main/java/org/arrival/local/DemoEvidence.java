package org.arrival.local;

import static org.arrival.local.DemoCalls.id;
import static org.arrival.local.DemoCalls.list;
import static org.arrival.local.DemoForum.KAMPALA;
import static org.arrival.local.DemoForum.KATWE;
import static org.arrival.local.DemoForum.KCCA;
import static org.arrival.local.DemoForum.KISENYI;
import static org.arrival.local.DemoForum.MUKONO;
import static org.arrival.local.DemoForum.NAKAWA;
import static org.arrival.local.DemoForum.NGO;
import static org.arrival.local.DemoForum.RLO;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The forum's evidence in the assessments service: the statistics office's population estimates (registered
 * against estimated refugees, city-wide and by neighbourhood, one small count, one RESTRICTED estimate, a count of
 * displaced people never updated since 2023 and one for the town of Mukono), the city's readiness self-assessment
 * rounds of 2025 and 2026 with the same three respondents, and the needs found by the neighbourhood assessments the
 * city ran with the NGO, with the NGO's and the refugee association's inputs.
 */
// load() sets the round ids and restrictedEstimateId; DemoForum creates the evidence and loads it in one go
@SuppressWarnings("NullAway.Init")
public final class DemoEvidence {

    public static final String SERIES = "kampala-urban-refugees";
    public static final String ROUND_TITLE = "Kampala readiness self-assessment 2026";
    /** The first round: better answers on data protection (R1) than in 2026, which the forum flags. */
    public static final String EARLIER_ROUND_TITLE = "Kampala readiness self-assessment 2025";

    // the needs, by the short names need(...) takes
    public static final String HEALTH = "health";
    public static final String SCHOOLS = "schools";
    public static final String MARKET = "market";
    public static final String WATER = "water";
    public static final String HOUSING = "housing";
    /** The NGO's RESTRICTED need. */
    public static final String PROTECTION = "protection";
    /** The NGO's need, only identified so far. */
    public static final String PSYCHOSOCIAL = "psychosocial";
    /** The NGO's need of newly arrived families, met only by its humanitarian cash, which ends soon. */
    public static final String ARRIVALS = "arrivals";

    private static final String STATISTICIAN = "ubos-statistician";
    private static final String CITY = "kcca-coordinator";
    private static final String NGO_EDITOR = "ngo-editor";
    private static final String ASSOCIATION = "rlo-editor";

    private final DemoCalls calls;
    private final String forumId;

    private String earlierRoundId;
    private String roundId;
    private final Map<String, String> gaps = new HashMap<>();
    private final Map<String, String> needs = new LinkedHashMap<>();
    private String restrictedEstimateId;

    DemoEvidence(DemoCalls calls, String forumId) {
        this.calls = calls;
        this.forumId = forumId;
    }

    /** Estimates, the rounds up to their closing, the needs as identified, and the inputs to them. */
    void load() {
        populationEstimates();
        earlierRound();
        readinessRound();
        needs();
        inputs();
    }

    public String roundId() {
        return roundId;
    }

    /** The gap the published round found at a question, e.g. {@code 2.2.e}. */
    public String gap(String questionCode) {
        String gap = gaps.get(questionCode);
        if (gap == null) {
            throw new IllegalStateException("the demo round has no gap at question " + questionCode);
        }
        return gap;
    }

    /** The need recorded under one of the short names above. */
    public String need(String name) {
        String need = needs.get(name);
        if (need == null) {
            throw new IllegalStateException("the demo has no need named " + name);
        }
        return need;
    }

    public int gapCount() {
        return gaps.size();
    }

    /** The statistics office's RESTRICTED estimate, which the enforcement unit never reads. */
    public String restrictedEstimateId() {
        return restrictedEstimateId;
    }

    // ---- population: about 100,000 registered refugees in Kampala, probably three times as many in reality

    private void populationEstimates() {
        // the statistics office is known to the assessments service once the registry's events have arrived
        calls.eventually(201, "POST", STATISTICIAN, PlatformService.ASSESSMENTS, "/population", """
                {"seriesId":"%s","area":%s,"group":"REFUGEES","registered":96500,"estimated":290000,
                 "source":"UBOS urban refugee estimate 2025, with OPM registration figures for Kampala",
                 "method":"Registered: refugees with an address in Kampala in the national register. Estimated: household listing in 12 sample parishes, weighted to the city.",
                 "asOf":"2025-06-30","classification":"PUBLIC","sharedWithForums":%s}""".formatted(
                        SERIES, KAMPALA, list(forumId)));
        estimate("""
                {"seriesId":"%s","area":%s,"group":"REFUGEES","registered":101200,"estimated":305000,
                 "breakdown":[
                   {"dimension":"SEX","category":"FEMALE","count":157000},{"dimension":"SEX","category":"MALE","count":148000},
                   {"dimension":"AGE_BAND","category":"0-4","count":41000},{"dimension":"AGE_BAND","category":"5-11","count":58000},
                   {"dimension":"AGE_BAND","category":"12-17","count":43000},{"dimension":"AGE_BAND","category":"18-59","count":151000},
                   {"dimension":"AGE_BAND","category":"60+","count":12000}],
                 "source":"UBOS urban refugee estimate 2026, with OPM registration figures for Kampala",
                 "method":"Registered: refugees with an address in Kampala in the national register. Estimated: household listing in 15 sample parishes, weighted to the city; about three people present for every one registered.",
                 "asOf":"2026-06-30","classification":"PUBLIC","sharedWithForums":%s}""".formatted(SERIES, KAMPALA, list(forumId)));
        neighbourhood(KISENYI, 9400, 34000, """
                ,"breakdown":[{"dimension":"SEX","category":"FEMALE","count":17600},{"dimension":"SEX","category":"MALE","count":16400}]""");
        neighbourhood(KATWE, 3100, 11500, "");
        neighbourhood(NAKAWA, 2300, 8200, "");
        // a small count: others see "<5" for the registered figure and the youngest age band, and the next
        // smallest band is hidden too so that the small one cannot be worked out from the total
        estimate("""
                {"area":%s,"group":"ASYLUM_SEEKERS","registered":4,"estimated":36,
                 "breakdown":[
                   {"dimension":"SEX","category":"FEMALE","count":19},{"dimension":"SEX","category":"MALE","count":17},
                   {"dimension":"AGE_BAND","category":"0-4","count":3},{"dimension":"AGE_BAND","category":"5-11","count":7},
                   {"dimension":"AGE_BAND","category":"12-17","count":6},{"dimension":"AGE_BAND","category":"18-59","count":20}],
                 "source":"Nakawa division help desk tally of people waiting to lodge an asylum claim, compiled by UBOS",
                 "method":"Head count of distinct households over four weeks; registered means a claim was lodged.",
                 "asOf":"2026-10-31","sharedWithForums":%s}""".formatted(NAKAWA, list(forumId)));
        // RESTRICTED: members of the forum read it, enforcement bodies never do
        restrictedEstimateId = id(estimate("""
                {"area":%s,"group":"UNDOCUMENTED_MIGRANTS","estimated":4200,
                 "source":"UBOS small-area estimate from the 2026 neighbourhood listing in Kisenyi",
                 "method":"Households reporting members without any identity document; no names or addresses were collected.",
                 "asOf":"2026-06-30","classification":"RESTRICTED","sharedWithForums":%s}""".formatted(KISENYI, list(forumId))));
        // counted once after the 2023 floods and never since: stale evidence
        estimate("""
                {"area":%s,"group":"URBAN_DISPLACED","estimated":6800,
                 "breakdown":[
                   {"dimension":"SEX","category":"FEMALE","count":3600},{"dimension":"SEX","category":"MALE","count":3200},
                   {"dimension":"AGE_BAND","category":"0-4","count":1100},{"dimension":"AGE_BAND","category":"5-11","count":1500},
                   {"dimension":"AGE_BAND","category":"12-17","count":1000},{"dimension":"AGE_BAND","category":"18-59","count":2900},
                   {"dimension":"AGE_BAND","category":"60+","count":300}],
                 "source":"UBOS and KCCA rapid count after the May 2023 floods in Kampala's wetland settlements",
                 "method":"Households displaced from Bwaise, Kalerwe and the Nakivubo channel and staying elsewhere in the city, counted through the division offices.",
                 "asOf":"2023-06-30","sharedWithForums":%s}""".formatted(KAMPALA, list(forumId)));
        // a town of the region with refugees and no plan, round or funded action of its own
        estimate("""
                {"seriesId":"mukono-urban-refugees","area":%s,"group":"REFUGEES","registered":2900,"estimated":4600,
                 "breakdown":[
                   {"dimension":"SEX","category":"FEMALE","count":2400},{"dimension":"SEX","category":"MALE","count":2200},
                   {"dimension":"AGE_BAND","category":"0-4","count":650},{"dimension":"AGE_BAND","category":"5-11","count":900},
                   {"dimension":"AGE_BAND","category":"12-17","count":700},{"dimension":"AGE_BAND","category":"18-59","count":2200},
                   {"dimension":"AGE_BAND","category":"60+","count":150}],
                 "source":"UBOS small-area estimate 2026 for Mukono municipality, with OPM registration figures",
                 "method":"Registered: refugees with an address in Mukono in the national register. Estimated: household listing in 4 sample parishes, weighted to the municipality.",
                 "asOf":"2026-06-30","sharedWithForums":%s}""".formatted(MUKONO, list(forumId)));
    }

    private void neighbourhood(String area, int registered, int estimated, String breakdown) {
        estimate("""
                {"seriesId":"%s","area":%s,"group":"REFUGEES","registered":%d,"estimated":%d%s,
                 "source":"UBOS neighbourhood listing 2026, for the KCCA neighbourhood assessments",
                 "method":"Full listing of households in the neighbourhood; registered means found in the national register.",
                 "asOf":"2026-06-30","sharedWithForums":%s}""".formatted(SERIES + "-" + areaCode(area), area, registered, estimated, breakdown, list(forumId)));
    }

    private JsonNode estimate(String body) {
        return calls.create(STATISTICIAN, PlatformService.ASSESSMENTS, "/population", body);
    }

    private static String areaCode(String area) {
        return PlatformClient.json().readTree(area).get("areaCode").asString().toLowerCase(Locale.ROOT);
    }

    // ---- readiness: the city convenes a round on the checklist; it, the NGO and the association answer part of it

    /**
     * The 2025 round, on data (R1) and planning (R2) only, answered by the same respondents on the same questions
     * as in 2026: planning has improved since, but after the 2026 assessments the NGO and the association rate data
     * protection lower.
     */
    private void earlierRound() {
        earlierRoundId = openRound(EARLIER_ROUND_TITLE, "2025-09-30");
        answer(
                earlierRoundId,
                CITY,
                KCCA,
                "1.1.a|Y|UBOS census and the Kampala statistical abstract cover every division",
                "1.1.b|S|The census counted refugees in settlements; the 2025 vulnerability mapping counted some in the city",
                "1.1.c|S|Sex and age breakdowns exist; disability and income do not",
                "1.3.a|Y|Refugee volunteers took part in the 2025 vulnerability mapping",
                "1.3.d|Y|Mapping data are kept by the KCCA planning unit as aggregates",
                "2.2.a|S|The physical development plan covers the city; no neighbourhood plans yet",
                "2.2.c|S|The vulnerability mapping is under way and will feed the plans",
                "2.2.d|N|Neither the physical development plan nor the 2017 national urban policy names refugees",
                "2.2.e|N|");
        answer(
                earlierRoundId,
                NGO_EDITOR,
                NGO,
                "1.1.a|Y|",
                "1.1.b|S|",
                "1.1.c|S|Sex and age only",
                "1.3.a|Y|",
                "1.3.d|Y|Mapping forms are anonymised before they leave the field teams",
                "2.2.a|S|",
                "2.2.c|N|No assessment of refugees' needs in the city yet",
                "2.2.d|N|",
                "2.2.e|N|");
        answer(
                earlierRoundId,
                ASSOCIATION,
                RLO,
                "1.1.a|S|",
                "1.1.b|N|",
                "1.3.a|Y|Members helped with the mapping in Kisenyi",
                "1.3.d|Y|We were told the answers would stay with the city",
                "2.2.a|N|",
                "2.2.d|N|",
                "2.2.e|N|");
        close(earlierRoundId, "Answers from all three respondents");
    }

    private void readinessRound() {
        roundId = openRound(ROUND_TITLE, "2026-09-30");
        answer(
                roundId,
                CITY,
                KCCA,
                "1.1.a|Y|UBOS census and the Kampala statistical abstract cover every division",
                "1.1.b|S|The census counted refugees in settlements; urban refugees only through the 2026 listing",
                "1.1.c|S|Sex and age breakdowns exist; disability and income do not",
                "1.3.a|Y|Refugee enumerators joined the 2026 neighbourhood assessments",
                "1.3.d|Y|Assessment data stay with the KCCA planning unit as aggregates",
                "2.2.a|Y|Kampala physical development plan; neighbourhood plans for Kisenyi, Katwe and Nakawa",
                "2.2.c|Y|The neighbourhood plans start from the vulnerability mapping",
                "2.2.d|S|The neighbourhood plans name refugees; the 2017 national urban policy does not",
                "2.2.e|N|No budget line for refugee-related actions yet",
                "3.1.b|S|The coordination forum links KCCA and OPM; there is no formal desk",
                "3.2.b|N|",
                "5.2.b|Y|The Kampala coordination forum meets every quarter",
                "5.2.d|S|Refugee-led groups took part in the assessments, not yet in delivery",
                "6.2.a|S|A refugee-led association holds an elected seat in the forum",
                "7.1.b|N|Transfers follow the registered figure, about a third of the people present",
                "9.1.a|Y|The Refugees Act gives refugees access to public services",
                "9.1.d|S|",
                "9.2.a|N|",
                "9.2.b|N|",
                "9.3.c|S|Complaints go to the division offices; no separate channel",
                "10.1.a|N|",
                "10.3.a|Y|The Kampala for all campaign ran in 2025");
        answer(
                roundId,
                NGO_EDITOR,
                NGO,
                "1.1.a|Y|",
                "1.1.b|S|",
                "1.1.c|N|No disability breakdown in any source we use",
                "1.3.a|Y|HRI trained 24 refugee enumerators for the assessments",
                "1.3.d|S|KCCA keeps aggregates; paper forms were kept at division offices for weeks",
                "2.2.a|Y|",
                "2.2.c|Y|",
                "2.2.d|S|",
                "2.2.e|N|",
                "3.2.b|S|HRI runs a referral desk in Kisenyi, not a one-stop shop",
                "5.2.b|Y|",
                "5.2.d|Y|Umoja volunteers run our outreach in Kisenyi",
                "9.1.a|Y|",
                "9.2.a|S|HRI leaflets in Swahili, French and Somali; nothing from the city",
                "9.3.c|N|No complaint procedure at the health centres",
                "10.1.a|N|",
                "10.3.a|Y|");
        answer(
                roundId,
                ASSOCIATION,
                RLO,
                "1.1.a|S|",
                "1.1.b|N|Most of our members were never counted",
                "1.3.a|S|Some members were enumerators",
                "1.3.d|N|Members were asked for their papers by officials after the survey",
                "2.2.a|Y|",
                "2.2.d|S|",
                "2.2.e|N|",
                "3.1.b|N|",
                "5.2.b|Y|",
                "5.2.d|S|",
                "6.2.a|N|One seat in the forum; no refugee council in the city",
                "7.1.b|N|",
                "9.1.a|S|The law says yes; the health centre desk asks for a refugee ID",
                "9.1.d|N|",
                "9.2.a|N|",
                "10.1.a|N|",
                "10.3.a|N|We did not see the campaign in Kisenyi");
        close(roundId, "Closing date reached; answers from all three respondents");
    }

    /** A round of the city on Kampala with the three respondents, opened. */
    private String openRound(String title, String closesOn) {
        // the respondents are known to the assessments service once the registry's events have arrived
        JsonNode round = calls.eventually(201, "POST", CITY, PlatformService.ASSESSMENTS, "/rounds", """
                {"title":"%s","jurisdiction":%s,"convenorId":"%s","respondentIds":%s,"closesOn":"%s",
                 "sharedWithForums":%s}""".formatted(
                        title, KAMPALA, KCCA, list(KCCA, NGO, RLO), closesOn, list(forumId)));
        String id = id(round);
        calls.step(CITY, PlatformService.ASSESSMENTS, "/rounds/" + id + "/open", null);
        return id;
    }

    private void close(String round, String reason) {
        calls.step(CITY, PlatformService.ASSESSMENTS, "/rounds/" + round + "/close", Map.of("reason", reason));
    }

    /**
     * Publishes the closed rounds' scores, which fixes their gaps: 2025 first, so that 2026 is the latest and the
     * forum compares the two.
     */
    void publishRound() {
        calls.step(CITY, PlatformService.ASSESSMENTS, "/rounds/" + earlierRoundId + "/publish", null);
        calls.step(CITY, PlatformService.ASSESSMENTS, "/rounds/" + roundId + "/publish", null);
        for (JsonNode gap : calls.read(CITY, PlatformService.ASSESSMENTS, "/rounds/" + roundId + "/gaps")) {
            gaps.put(gap.get("questionCode").asString(), id(gap));
        }
    }

    /** A respondent's answers, each "question|Y, S or N|evidence note (may be empty)". */
    private void answer(String round, String user, String respondent, String... answers) {
        ObjectNode body = PlatformClient.json().createObjectNode();
        ArrayNode list = body.putArray("answers");
        for (String a : answers) {
            String[] parts = a.split("\\|", -1);
            ObjectNode answer = list.addObject().put("question", parts[0]).put("answer", parts[1]);
            if (!parts[2].isEmpty()) {
                answer.put("evidence", parts[2]);
            }
        }
        calls.call(
                200, "PUT", user, PlatformService.ASSESSMENTS, "/rounds/" + round + "/responses/" + respondent, body);
    }

    // ---- needs from the neighbourhood assessments the city ran with the NGO

    private void needs() {
        String assessment = "\"KCCA and HRI neighbourhood assessment, %s, March 2026\"";
        needs.put(HEALTH, cityNeed("""
                {"statement":"Refugees without a refugee ID, many of them living in Kampala unregistered, are turned away or asked to pay at the Kisenyi health centre; parents delay care for children until it is an emergency.",
                 "sector":"HEALTH","populationGroups":["REFUGEES","ASYLUM_SEEKERS","URBAN_DISPLACED"],"area":%s,
                 "severity":"HIGH","barriers":["DOCUMENTATION","COST","LANGUAGE"],
                 "evidenceReferences":[%s,"HRI clinic referral register, July to September 2026"],"sharedWithForums":%s}""".formatted(KISENYI, assessment.formatted("Kisenyi"), list(forumId))));
        needs.put(SCHOOLS, cityNeed("""
                {"statement":"Primary schools in Katwe are full; refugee children wait a term or more for a place, and older children are placed in classes far below their age.",
                 "sector":"EDUCATION","populationGroups":["REFUGEES","HOST_COMMUNITY"],"area":%s,
                 "severity":"HIGH","barriers":["CAPACITY","DOCUMENTATION","LANGUAGE"],
                 "evidenceReferences":[%s],"sharedWithForums":%s}""".formatted(KATWE, assessment.formatted("Katwe"), list(forumId))));
        needs.put(MARKET, cityNeed("""
                {"statement":"Refugee traders at Nakawa market cannot obtain a trading licence or a stall without a national ID, so they sell on the roadside and lose goods in enforcement sweeps.",
                 "sector":"LIVELIHOODS","populationGroups":["REFUGEES","ASYLUM_SEEKERS"],"area":%s,
                 "severity":"MEDIUM","barriers":["DOCUMENTATION","COST","DISCRIMINATION"],
                 "evidenceReferences":[%s],"sharedWithForums":%s}""".formatted(NAKAWA, assessment.formatted("Nakawa"), list(forumId))));
        needs.put(WATER, cityNeed("""
                {"statement":"The one public water point serving Kisenyi III works half the week; queues of hours cause disputes between refugee and host households.",
                 "sector":"BASIC_SERVICES","populationGroups":["REFUGEES","HOST_COMMUNITY"],"area":%s,
                 "severity":"HIGH","barriers":["DISTANCE","CAPACITY"],
                 "evidenceReferences":[%s],"sharedWithForums":%s}""".formatted(KISENYI, assessment.formatted("Kisenyi"), list(forumId))));
        needs.put(HOUSING, cityNeed("""
                {"statement":"Refugee households renting in Katwe face sudden rent rises and evictions without notice, and have nowhere to turn when landlords refuse to return deposits.",
                 "sector":"HOUSING","populationGroups":["REFUGEES","URBAN_DISPLACED"],"area":%s,
                 "severity":"MEDIUM","barriers":["COST","DISCRIMINATION","DOCUMENTATION"],
                 "evidenceReferences":[%s],"sharedWithForums":%s}""".formatted(KATWE, assessment.formatted("Katwe"), list(forumId))));

        // the NGO's own needs: one RESTRICTED, kept from enforcement bodies; one only identified so far; one of new
        // arrivals, met only by the NGO's humanitarian cash
        needs.put(PROTECTION, id(calls.create(NGO_EDITOR, PlatformService.ASSESSMENTS, "/needs", """
                {"statement":"People without any documents in Kisenyi avoid clinics and police posts for fear of being reported to immigration; exploitation by employers and landlords goes unreported.",
                 "sector":"PROTECTION_RIGHTS","populationGroups":["UNDOCUMENTED_MIGRANTS","ASYLUM_SEEKERS"],"area":%s,
                 "severity":"HIGH","barriers":["LEGAL_STATUS","TRUST","DOCUMENTATION"],
                 "evidenceReferences":["HRI legal aid desk case summaries, aggregated, 2026"],
                 "classification":"RESTRICTED","sharedWithForums":%s}""".formatted(
                        KISENYI, list(forumId)))));
        needs.put(PSYCHOSOCIAL, id(calls.create(NGO_EDITOR, PlatformService.ASSESSMENTS, "/needs", """
                {"statement":"Refugee adolescents in Nakawa show signs of distress and drop out of school; there is no psychosocial support in the division.",
                 "sector":"HEALTH","populationGroups":["REFUGEES"],"area":%s,"severity":"MEDIUM","barriers":["CAPACITY","LANGUAGE"],
                 "evidenceReferences":["HRI outreach team notes, Nakawa, October 2026"],"sharedWithForums":%s}""".formatted(
                        NAKAWA, list(forumId)))));
        needs.put(ARRIVALS, id(calls.create(NGO_EDITOR, PlatformService.ASSESSMENTS, "/needs", """
                {"statement":"Refugee families newly arrived in Kisenyi, most from eastern DRC and not yet registered, have no income, food or cash support in their first months; assistance is given in the settlements, not in the city.",
                 "sector":"SOCIAL_PROTECTION","populationGroups":["REFUGEES","ASYLUM_SEEKERS"],"area":%s,
                 "severity":"HIGH","barriers":["LEGAL_STATUS","DOCUMENTATION","INFORMATION"],
                 "evidenceReferences":["HRI new arrivals desk, monthly tallies, February to October 2026"],"sharedWithForums":%s}""".formatted(
                        KISENYI, list(forumId)))));
    }

    /**
     * The owners validate their needs and prioritise two. Done once the actions exist, so that the forum never
     * flags a validated need as unanswered while the demo is still loading.
     */
    void validateNeeds() {
        for (String name : List.of(HEALTH, SCHOOLS, MARKET, WATER, HOUSING)) {
            move(CITY, need(name), "VALIDATED", "Confirmed at the neighbourhood validation meeting");
        }
        move(
                CITY,
                need(HEALTH),
                "PRIORITISED",
                "Highest severity in the Kisenyi neighbourhood plan; agreed at the forum meeting of 15 October 2026");
        move(CITY, need(WATER), "PRIORITISED", "Disputes at the water point reported by the division and by residents");
        move(NGO_EDITOR, need(PROTECTION), "VALIDATED", "Confirmed with the forum's protection partners");
        move(NGO_EDITOR, need(ARRIVALS), "VALIDATED", "Confirmed by the division's social services in Kisenyi");
    }

    private String cityNeed(String body) {
        return id(calls.create(CITY, PlatformService.ASSESSMENTS, "/needs", body));
    }

    void move(String user, String needId, String status, String reason) {
        calls.step(
                user,
                PlatformService.ASSESSMENTS,
                "/needs/" + needId + "/status",
                Map.of("status", status, "reason", reason));
    }

    /** The need's owner records that an action addresses it. */
    void link(String user, String needId, String actionId) {
        calls.step(user, PlatformService.ASSESSMENTS, "/needs/" + needId + "/actions", Map.of("actionId", actionId));
    }

    // ---- inputs: what the association and the NGO add to the city's needs

    private void inputs() {
        // the association's inputs: a consultation, and testimonies from fewer than five people (others see "<5")
        calls.eventually(201, "POST", ASSOCIATION, PlatformService.ASSESSMENTS, "/inputs", """
                {"subjectType":"NEED","subjectId":"%s","kind":"COMMUNITY_CONSULTATION",
                 "summary":"At a meeting in Kisenyi, households said they queue two to three hours at the water point on the days it works and buy from vendors at three times the tap price on the others. Women asked for a second tap stand closer to Kisenyi III.",
                 "provenance":"Umoja Refugee Association members' meeting, Kisenyi, run by two volunteers","collectedOn":"2026-07-12",
                 "participants":42,"sharedWithForums":%s}""".formatted(
                        needs.get(WATER), list(forumId)));
        calls.create(
                ASSOCIATION, PlatformService.ASSESSMENTS, "/inputs", """
                {"subjectType":"NEED","subjectId":"%s","kind":"TESTIMONY_SUMMARY",
                 "summary":"Mothers described being asked for a refugee ID at the registration desk of the Kisenyi health centre before their children were seen; some went home without care.",
                 "provenance":"Umoja volunteers, conversations after the September members' meeting, summarised without names","collectedOn":"2026-09-20",
                 "participants":3,"sharedWithForums":%s}""".formatted(needs.get(HEALTH), list(forumId)));
        calls.create(
                NGO_EDITOR, PlatformService.ASSESSMENTS, "/inputs", """
                {"subjectType":"NEED","subjectId":"%s","kind":"DATA_CONTRIBUTION",
                 "summary":"From July to September 2026 the HRI mobile clinic referred 212 patients from Kisenyi to KCCA health facilities; 37 referrals were refused or charged because the patient had no refugee ID.",
                 "provenance":"HRI mobile clinic referral register, aggregated by month","collectedOn":"2026-10-05",
                 "sharedWithForums":%s}""".formatted(needs.get(HEALTH), list(forumId)));
    }
}
