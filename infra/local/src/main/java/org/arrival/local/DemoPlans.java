package org.arrival.local;

import static org.arrival.local.DemoCalls.id;
import static org.arrival.local.DemoCalls.list;
import static org.arrival.local.DemoForum.DONOR;
import static org.arrival.local.DemoForum.KAMPALA;
import static org.arrival.local.DemoForum.KATWE;
import static org.arrival.local.DemoForum.KCCA;
import static org.arrival.local.DemoForum.KISENYI;
import static org.arrival.local.DemoForum.NAKAWA;
import static org.arrival.local.DemoForum.NGO;
import static org.arrival.local.DemoForum.RLO;
import static org.arrival.local.DemoForum.UGANDA;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The forum's plans in the action-plans service: the national refugee department's strategy with two commitments
 * that require local implementation (the city implements one, not yet the other), the 2017 national urban policy,
 * which does not name refugees, the city's neighbourhood plan with its actions (milestones, funding, progress,
 * comments and endorsements from others) and the NGO's own actions outside it: one overlapping a city action, one
 * RESTRICTED, catch-up classes for refugee children only, and humanitarian cash for new arrivals that ends soon with
 * nothing to follow it.
 */
// load() sets nationalPlanId and cityPlanId; DemoForum creates the plans and loads them in one go
@SuppressWarnings("NullAway.Init")
public final class DemoPlans {

    public static final String COMMITMENT =
            "Cities plan and budget services for all their residents, registered or not";
    public static final String REGISTRATION_COMMITMENT =
            "Open registration points for urban asylum seekers in city division offices";
    public static final String NEIGHBOURHOOD_PLANS = "Neighbourhood service plans for Kisenyi, Katwe and Nakawa";
    public static final String HEALTH_ACCESS = "Care without a refugee ID at the Kisenyi health centre";
    public static final String SCHOOL_PLACES = "Two classroom blocks and a second shift for Katwe primary schools";
    public static final String MARKET_ACCESS = "Trading licences and stalls for refugee traders at Nakawa market";
    public static final String WATER_POINT = "Repair and extend the public water point in Kisenyi III";
    public static final String MOBILE_CLINIC = "Mobile clinic and referrals for urban refugees in Kisenyi";
    public static final String SAVINGS_GROUPS = "Savings groups and business training for refugee women in Kisenyi";
    public static final String LEGAL_AID = "Confidential legal aid and document referrals in Kisenyi";
    public static final String CATCH_UP = "Catch-up classes for refugee children waiting for a school place in Katwe";
    public static final String ARRIVALS_CASH = "Emergency cash and food for newly arrived refugee families in Kisenyi";
    public static final String URBAN_POLICY =
            "National Urban Policy 2017 (Ministry of Lands, Housing and Urban Development)";

    private static final String OPM_EDITOR = "opm-refugees-editor";
    private static final String CITY = "kcca-coordinator";
    private static final String NGO_EDITOR = "ngo-editor";
    private static final String ASSOCIATION = "rlo-editor";

    private final DemoCalls calls;
    private final String forumId;
    private final DemoEvidence evidence;

    private String nationalPlanId;
    private String cityPlanId;
    private final Map<String, String> actions = new LinkedHashMap<>();
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final Set<String> reported = new HashSet<>();

    DemoPlans(DemoCalls calls, String forumId, DemoEvidence evidence) {
        this.calls = calls;
        this.forumId = forumId;
        this.evidence = evidence;
    }

    void load() {
        nationalStrategy();
        nationalUrbanPolicy();
        neighbourhoodPlan();
        registrationCommitment();
        ngoActions();
    }

    public String nationalPlanId() {
        return nationalPlanId;
    }

    public String cityPlanId() {
        return cityPlanId;
    }

    /** The action with one of the titles above. */
    public String action(String title) {
        String id = actions.get(title);
        if (id == null) {
            throw new IllegalStateException("the demo has no action '" + title + "'");
        }
        return id;
    }

    /** How many of the actions have a progress report. */
    public int reportedCount() {
        return reported.size();
    }

    /** How many actions the demo shares with the forum, RESTRICTED ones included. */
    public int actionCount() {
        return actions.size();
    }

    // ---- the national refugee department: a strategy and commitments that cities must carry out

    private void nationalStrategy() {
        nationalPlanId = id(calls.eventually(
                201, "POST", OPM_EDITOR, PlatformService.ACTION_PLANS, "/plans", """
                {"title":"National urban refugee response strategy 2026-2030","type":"NATIONAL_MIGRATION_STRATEGY",
                 "jurisdiction":%s,"periodStart":"2026-01-01","periodEnd":"2030-12-31",
                 "objectives":["Cities plan for refugees living in them, registered or not, which the 2017 national urban policy does not ask of them",
                               "Asylum seekers in cities can lodge a claim without travelling to a settlement",
                               "Transfers to cities reflect the people actually present, not only those registered"],
                 "inclusion":{"migrantsNamed":true,"migrantsBudgeted":false,"staffTrained":false},
                 "sharedWithForums":%s}""".formatted(UGANDA, list(forumId))));
        planStatus(
                OPM_EDITOR,
                nationalPlanId,
                "ADOPTED",
                "Adopted by the department after consulting the cities, February 2026");
        planStatus(OPM_EDITOR, nationalPlanId, "IN_IMPLEMENTATION", null);

        String commitment = propose(
                OPM_EDITOR, COMMITMENT, """
                {"planId":"%s","title":"%s",
                 "description":"Every city hosting urban refugees plans and budgets its services for everyone living there, registered or not. Each city links the action through which it does so.",
                 "kind":"COMMITMENT","orientation":"DEVELOPMENT","sectors":["GOVERNANCE","URBAN_PLANNING"],
                 "targetGroups":["REFUGEES","ASYLUM_SEEKERS","HOST_COMMUNITY"],"areas":[%s],
                 "startDate":"2026-03-01","endDate":"2028-12-31","reportingCadence":"SEMI_ANNUAL",
                 "requiresLocalImplementation":true,"expectedImplementers":%s,
                 "frameworkItems":["GCR-EASE-PRESSURE","GCM-15","NUA-28","UNH-R3.1","UNH-R7.1"],"sharedWithForums":%s}""".formatted(nationalPlanId, COMMITMENT, UGANDA, list(KCCA), list(forumId)));
        funding(
                OPM_EDITOR,
                commitment,
                null,
                "OPM Department of Refugees, technical assistance to cities",
                250_000_000,
                120_000_000,
                45_000_000);
        move(OPM_EDITOR, commitment, "COMMITTED", "Committed with the strategy");
        report(
                OPM_EDITOR,
                commitment,
                "2026-03-01",
                "2026-08-31",
                20,
                "GREEN",
                "Guidance on planning for urban refugees sent to the cities; Kampala has linked its neighbourhood plans.",
                indicator("Cities with a linked local action", "cities", 0, 5, 1));
    }

    /**
     * The ministry's 2017 national urban policy, which the department keeps in the forum for its review of how the
     * national policies fit: it names neither refugees nor migrants.
     */
    private void nationalUrbanPolicy() {
        String policy = id(calls.create(OPM_EDITOR, PlatformService.ACTION_PLANS, "/plans", """
                {"title":"%s","type":"NATIONAL_URBAN_POLICY","jurisdiction":%s,"periodStart":"2017-01-01",
                 "nupPhase":"IMPLEMENTATION",
                 "objectives":["Planned, orderly urban development in cities, municipalities and towns",
                               "Urban economies that create jobs and local revenue",
                               "Adequate, affordable housing and serviced land for urban residents",
                               "Urban governance and finance strengthened at every level of government"],
                 "inclusion":{"migrantsNamed":false,"migrantsBudgeted":false,"staffTrained":false},
                 "sharedWithForums":%s}""".formatted(
                        URBAN_POLICY, UGANDA, list(forumId))));
        planStatus(OPM_EDITOR, policy, "ADOPTED", "Approved by Cabinet in 2017");
        planStatus(OPM_EDITOR, policy, "IN_IMPLEMENTATION", null);
    }

    /** A second commitment no city has linked an action to yet: the forum's coherence check says so. */
    private void registrationCommitment() {
        String registration = propose(OPM_EDITOR, REGISTRATION_COMMITMENT, """
                {"planId":"%s","title":"%s",
                 "description":"Asylum seekers in cities lodge their claim at a registration point in a city division office instead of travelling to a settlement.",
                 "kind":"COMMITMENT","orientation":"DEVELOPMENT","sectors":["LEGAL_STATUS","RECEPTION"],"targetGroups":["ASYLUM_SEEKERS"],"areas":[%s],
                 "startDate":"2026-07-01","endDate":"2027-06-30","reportingCadence":"SEMI_ANNUAL",
                 "requiresLocalImplementation":true,"expectedImplementers":%s,
                 "frameworkItems":["GCM-4","UNH-R10.1"],"sharedWithForums":%s}""".formatted(
                        nationalPlanId, REGISTRATION_COMMITMENT, UGANDA, list(KCCA), list(forumId)));
        funding(
                OPM_EDITOR,
                registration,
                null,
                "OPM Department of Refugees, registration budget",
                200_000_000,
                80_000_000,
                0);
        move(OPM_EDITOR, registration, "COMMITTED", null);
    }

    // ---- the city: its neighbourhood plan and the actions in it

    private void neighbourhoodPlan() {
        cityPlanId =
                id(calls.create(CITY, PlatformService.ACTION_PLANS, "/plans", """
                {"title":"Kampala for all: neighbourhood plans for Kisenyi, Katwe and Nakawa 2026-2028","type":"AREA_BASED_PLAN",
                 "jurisdiction":%s,"periodStart":"2026-01-01","periodEnd":"2028-12-31",
                 "objectives":["Health care, school places and water within reach of every resident of the three neighbourhoods, registered or not",
                               "Refugee traders licensed and trading in city markets on the same terms as nationals",
                               "Every plan built from neighbourhood assessments carried out with residents, refugees included",
                               "Data on residents kept as aggregates and never passed to enforcement bodies"],
                 "inclusion":{"migrantsNamed":true,"migrantsBudgeted":true,"staffTrained":false},
                 "sharedWithForums":%s}""".formatted(KAMPALA, list(forumId))));
        planStatus(CITY, cityPlanId, "ADOPTED", "Adopted by the KCCA council, January 2026");
        planStatus(CITY, cityPlanId, "IN_IMPLEMENTATION", null);
        neighbourhoodPlans();
        healthAccess();
        schoolPlaces();
        marketAccess();
        waterPoint();
    }

    /** The city's local implementation of the national commitment (the cascade). */
    private void neighbourhoodPlans() {
        String plans = propose(CITY, NEIGHBOURHOOD_PLANS, """
                {"planId":"%s","title":"%s",
                 "description":"Turns the 2025 vulnerability mapping and the 2026 neighbourhood assessments, carried out with HRI and residents, into costed neighbourhood plans adopted by the division councils.",
                 "kind":"PROGRAMME","orientation":"DEVELOPMENT","sectors":["URBAN_PLANNING","GOVERNANCE"],
                 "targetGroups":["REFUGEES","ASYLUM_SEEKERS","HOST_COMMUNITY"],"areas":[%s,%s,%s],
                 "startDate":"2026-03-01","endDate":"2028-06-30","reportingCadence":"QUARTERLY",
                 "participants":[{"organisationId":"%s","role":"IMPLEMENTING"},{"organisationId":"%s","role":"CONTRIBUTING"}],
                 "implementsActionId":"%s","weight":3,
                 "frameworkItems":["UNH-R2.1","UNH-R2.2","SDG-11.3","NUA-28"],"sharedWithForums":%s}""".formatted(
                cityPlanId, NEIGHBOURHOOD_PLANS, KISENYI, KATWE, NAKAWA, NGO, RLO, action(COMMITMENT), list(forumId)));
        funding(CITY, plans, null, "KCCA development budget 2026/27", 900_000_000, 350_000_000, 210_000_000);
        funding(CITY, plans, DONOR, "Lakeside Development Fund, inclusive cities window", 0, 300_000_000, 120_000_000);
        startWork(CITY, plans);
        milestone(
                CITY,
                plans,
                "Kisenyi neighbourhood plan adopted by the Central Division council",
                "2026-07-31",
                "2026-07-29");
        milestone(CITY, plans, "Katwe neighbourhood plan adopted by the Makindye Division council", "2026-12-15", null);
        milestone(CITY, plans, "Nakawa neighbourhood plan adopted by the Nakawa Division council", "2027-03-31", null);
        report(
                CITY,
                plans,
                "2026-03-01",
                "2026-05-31",
                20,
                "GREEN",
                "Assessment findings for Kisenyi discussed with all 14 zone committees; draft plan costed.",
                indicator("Residents consulted", "people", 0, 2400, 910));
        report(
                CITY,
                plans,
                "2026-06-01",
                "2026-08-31",
                40,
                "GREEN",
                "Kisenyi plan adopted; Katwe draft out for consultation.",
                indicator("Residents consulted", "people", 0, 2400, 1860) + ","
                        + indicator("Neighbourhood plans adopted", "plans", 0, 3, 1));
        contribute(
                OPM_EDITOR,
                plans,
                "ENDORSEMENT",
                "The department endorses the neighbourhood plans as Kampala's implementation of the national commitment.");
    }

    private void healthAccess() {
        String health = propose(CITY, HEALTH_ACCESS, """
                {"planId":"%s","title":"%s",
                 "description":"Patients are registered and treated on proof of residence in Kisenyi, with or without a refugee ID; interpreters at the registration desk; fee waivers agreed with the Ministry of Health.",
                 "kind":"SERVICE","orientation":"DEVELOPMENT","sectors":["HEALTH"],
                 "targetGroups":["REFUGEES","ASYLUM_SEEKERS","URBAN_DISPLACED"],
                 "areas":[%s],"startDate":"2026-04-01","endDate":"2027-03-31","reportingCadence":"QUARTERLY",
                 "needIds":%s,"frameworkItems":["UNH-R9.1","UNH-R9.2","SDG-3.8","GCM-15"],"sharedWithForums":%s}""".formatted(
                        cityPlanId, HEALTH_ACCESS, KISENYI, list(evidence.need(DemoEvidence.HEALTH)), list(forumId)));
        funding(CITY, health, null, "KCCA health department budget 2026/27", 480_000_000, 150_000_000, 90_000_000);
        startWork(CITY, health);
        milestone(
                CITY,
                health,
                "Registration desk staff at the Kisenyi health centre briefed on refugees' right to care",
                "2026-06-30",
                "2026-06-24");
        // due at the end of October and not reached: overdue
        milestone(
                CITY,
                health,
                "Interpreters for Swahili, French and Somali on duty three days a week",
                "2026-10-31",
                null);
        milestone(
                CITY,
                health,
                "Fee waiver for patients without a refugee ID agreed with the Ministry of Health",
                "2027-01-31",
                null);
        report(
                CITY,
                health,
                "2026-04-01",
                "2026-06-30",
                20,
                "GREEN",
                "Desk staff briefed; new registration rule in force from June.",
                indicator("Consultations for refugee patients", "consultations", 0, 6000, 1450) + ","
                        + indicator("Patients seen without a refugee ID", "patients", 0, 1500, 310));
        report(
                CITY,
                health,
                "2026-07-01",
                "2026-09-30",
                45,
                "AMBER",
                "Consultations on track, but interpreters are not recruited yet; HRI lent two of its own.",
                indicator("Consultations for refugee patients", "consultations", 0, 6000, 3320) + ","
                        + indicator("Patients seen without a refugee ID", "patients", 0, 1500, 820));
        contribute(
                NGO_EDITOR,
                health,
                "COMMENT",
                "HRI can second two interpreters (Swahili and French) from its Kisenyi clinic until KCCA recruits its own. We suggest the desk accepts the HRI referral slip as proof of residence.");
    }

    private void schoolPlaces() {
        String schools = propose(CITY, SCHOOL_PLACES, """
                {"planId":"%s","title":"%s",
                 "description":"Two classroom blocks at Katwe primary schools and a second shift from the 2027 school year, so refugee and host children are placed within weeks.",
                 "kind":"INFRASTRUCTURE","orientation":"DEVELOPMENT","sectors":["EDUCATION"],"targetGroups":["REFUGEES","HOST_COMMUNITY"],
                 "areas":[%s],"startDate":"2027-01-04","endDate":"2028-12-15","reportingCadence":"QUARTERLY",
                 "needIds":%s,"frameworkItems":["SDG-4.1","GCM-15"],"sharedWithForums":%s}""".formatted(
                        cityPlanId, SCHOOL_PLACES, KATWE, list(evidence.need(DemoEvidence.SCHOOLS)), list(forumId)));
        // required but nothing committed yet: the one unfunded action
        funding(CITY, schools, null, "KCCA capital budget request 2027/28", 1_250_000_000, 0, 0);
        move(CITY, schools, "COMMITTED", "Included in the 2027/28 capital budget request");
        milestone(CITY, schools, "Designs for the two classroom blocks approved", "2027-02-26", null);
    }

    private void marketAccess() {
        String market = propose(CITY, MARKET_ACCESS, """
                {"planId":"%s","title":"%s",
                 "description":"Trading licences on a refugee ID or asylum claim, a waiver of the first year's fee, and 120 stalls allocated in the new Nakawa market wing.",
                 "kind":"POLICY_OR_LEGAL_REFORM","orientation":"DEVELOPMENT","sectors":["LIVELIHOODS"],"targetGroups":["REFUGEES","ASYLUM_SEEKERS"],
                 "areas":[%s],"startDate":"2026-05-01","endDate":"2027-04-30","reportingCadence":"QUARTERLY",
                 "needIds":%s,"frameworkItems":["UNH-R7.2","SDG-8.8","GCR-SELF-RELIANCE"],"sharedWithForums":%s}""".formatted(
                        cityPlanId, MARKET_ACCESS, NAKAWA, list(evidence.need(DemoEvidence.MARKET)), list(forumId)));
        funding(
                CITY,
                market,
                DONOR,
                "Lakeside Development Fund, livelihoods window",
                140_000_000,
                95_000_000,
                40_000_000);
        startWork(CITY, market);
        String decision = milestone(
                CITY, market, "Council decision waiving the first year's trading-licence fee", "2026-09-30", null);
        calls.step(
                CITY, PlatformService.ACTION_PLANS, "/actions/" + market + "/milestones/" + decision + "/miss", null);
        // reported for May to July only: the August to October report was due on 15 November
        report(
                CITY,
                market,
                "2026-05-01",
                "2026-07-31",
                25,
                "AMBER",
                "Licensing on a refugee ID agreed by the revenue directorate; the fee waiver still awaits the council.",
                indicator("Refugee traders licensed", "traders", 0, 300, 46));
    }

    private void waterPoint() {
        String water = propose(CITY, WATER_POINT, """
                {"planId":"%s","title":"%s",
                 "description":"New pump and pipes for the Kisenyi III water point and a second tap stand, run by a committee of refugee and host residents.",
                 "kind":"INFRASTRUCTURE","orientation":"DEVELOPMENT","sectors":["BASIC_SERVICES"],"targetGroups":["REFUGEES","HOST_COMMUNITY"],
                 "areas":[%s],"startDate":"2026-06-01","endDate":"2026-10-31","reportingCadence":"QUARTERLY",
                 "needIds":%s,"frameworkItems":["SDG-11.1","UNH-R9.1"],"sharedWithForums":%s}""".formatted(
                        cityPlanId, WATER_POINT, KISENYI, list(evidence.need(DemoEvidence.WATER)), list(forumId)));
        funding(CITY, water, null, "KCCA Central Division works budget", 38_000_000, 38_000_000, 38_000_000);
        startWork(CITY, water);
        milestone(CITY, water, "Pump and pipes replaced", "2026-08-15", "2026-08-20");
        milestone(CITY, water, "Second tap stand at Kisenyi III opened", "2026-10-15", "2026-10-28");
        report(
                CITY,
                water,
                "2026-06-01",
                "2026-08-31",
                70,
                "GREEN",
                "Pump replaced; supply every day since late August.",
                indicator("Households using the water point each day", "households", 250, 600, 480));
        report(
                CITY,
                water,
                "2026-09-01",
                "2026-10-31",
                100,
                "GREEN",
                "Second tap stand open; the water committee runs both.",
                indicator("Households using the water point each day", "households", 250, 600, 640) + ","
                        + indicator("Hours of supply per day", "hours", 5, 12, 14));
        move(CITY, water, "COMPLETED", "Both tap stands working; handed to the water committee");
        contribute(ASSOCIATION, water, "ENDORSEMENT", "The second tap stand has cut the queues at Kisenyi III.");
    }

    // ---- the NGO's own actions

    private void ngoActions() {
        // same sector, group, neighbourhood and period as the city's health action: the forum flags the overlap;
        // humanitarian and outside the city's plan: a parallel structure (the city's action carries its need on)
        String clinic = propose(NGO_EDITOR, MOBILE_CLINIC, """
                {"title":"%s",
                 "description":"A mobile clinic three days a week in Kisenyi, with referrals to KCCA health facilities and follow-up of refused referrals.",
                 "kind":"SERVICE","orientation":"HUMANITARIAN","sectors":["HEALTH"],
                 "targetGroups":["REFUGEES","ASYLUM_SEEKERS"],"areas":[%s],
                 "startDate":"2026-01-01","endDate":"2026-12-31","reportingCadence":"QUARTERLY",
                 "needIds":%s,"frameworkItems":["SDG-3.8","UNH-R9.1"],"sharedWithForums":%s}""".formatted(
                        MOBILE_CLINIC, KISENYI, list(evidence.need(DemoEvidence.HEALTH)), list(forumId)));
        funding(NGO_EDITOR, clinic, NGO, "HRI private funds", 320_000_000, 320_000_000, 240_000_000);
        startWork(NGO_EDITOR, clinic);
        report(
                NGO_EDITOR,
                clinic,
                "2026-04-01",
                "2026-06-30",
                45,
                "GREEN",
                "Clinic running three days a week.",
                indicator("Consultations", "consultations", 0, 5000, 2150));
        report(
                NGO_EDITOR,
                clinic,
                "2026-07-01",
                "2026-09-30",
                70,
                "GREEN",
                "212 referrals to KCCA facilities; 37 refused for lack of ID.",
                indicator("Consultations", "consultations", 0, 5000, 3480) + ","
                        + indicator("Referrals to KCCA facilities", "referrals", 0, 600, 212));

        String savings =
                propose(NGO_EDITOR, SAVINGS_GROUPS, """
                {"title":"%s",
                 "description":"Village savings and loan groups with business training, run with volunteers from a refugee-led association.",
                 "kind":"PROGRAMME","orientation":"NEXUS","sectors":["LIVELIHOODS","FIN_INCLUSION"],
                 "targetGroups":["REFUGEES"],"areas":[%s],
                 "startDate":"2026-02-01","endDate":"2027-01-31","reportingCadence":"QUARTERLY",
                 "participants":[{"organisationId":"%s","role":"CONTRIBUTING"}],
                 "frameworkItems":["SDG-5.5","GCR-SELF-RELIANCE","UNH-R10.2"],"sharedWithForums":%s}""".formatted(SAVINGS_GROUPS, KISENYI, RLO, list(forumId)));
        funding(NGO_EDITOR, savings, NGO, "HRI private funds", 150_000_000, 110_000_000, 80_000_000);
        startWork(NGO_EDITOR, savings);
        report(
                NGO_EDITOR,
                savings,
                "2026-08-01",
                "2026-10-31",
                60,
                "GREEN",
                "14 groups meeting weekly; first loan cycle repaid.",
                indicator("Savings group members", "members", 0, 400, 310) + ","
                        + indicator("Women among members", "members", 0, 280, 218));

        // RESTRICTED: forum members read it; the enforcement body does not, anywhere
        String legal = propose(NGO_EDITOR, LEGAL_AID, """
                {"title":"%s",
                 "description":"A confidential desk giving legal advice to people without documents and referring them to registration; nothing about the people it sees leaves the desk.",
                 "kind":"SERVICE","orientation":"HUMANITARIAN","sectors":["LEGAL_STATUS","PROTECTION_RIGHTS"],
                 "targetGroups":["UNDOCUMENTED_MIGRANTS","ASYLUM_SEEKERS"],"areas":[%s],
                 "startDate":"2026-03-01","endDate":"2027-02-28","reportingCadence":"QUARTERLY",
                 "needIds":%s,"frameworkItems":["GCM-4","SDG-16.9"],"classification":"RESTRICTED","sharedWithForums":%s}""".formatted(
                        LEGAL_AID, KISENYI, list(evidence.need(DemoEvidence.PROTECTION)), list(forumId)));
        funding(NGO_EDITOR, legal, NGO, "HRI private funds", 90_000_000, 90_000_000, 50_000_000);
        startWork(NGO_EDITOR, legal);
        report(
                NGO_EDITOR,
                legal,
                "2026-06-01",
                "2026-08-31",
                50,
                "GREEN",
                "Desk open twice a week.",
                indicator("People advised", "people", 0, 250, 128) + ","
                        + indicator("Referrals to registration", "referrals", 0, 80, 41));

        catchUpClasses();
        arrivalsCash();
    }

    /** Refugee children only, while host children wait for the same school places: the host community left out. */
    private void catchUpClasses() {
        String classes = propose(NGO_EDITOR, CATCH_UP, """
                {"title":"%s",
                 "description":"Afternoon and holiday classes in English and mathematics for refugee children waiting for a place in Katwe primary schools, until the city's classroom blocks and second shift open in the 2027 school year.",
                 "kind":"SERVICE","orientation":"NEXUS","sectors":["EDUCATION"],"targetGroups":["REFUGEES"],"areas":[%s],
                 "startDate":"2026-06-01","endDate":"2026-12-31","reportingCadence":"QUARTERLY",
                 "needIds":%s,"frameworkItems":["SDG-4.1","GCR-SELF-RELIANCE"],"sharedWithForums":%s}""".formatted(
                        CATCH_UP, KATWE, list(evidence.need(DemoEvidence.SCHOOLS)), list(forumId)));
        funding(NGO_EDITOR, classes, NGO, "HRI private funds", 64_000_000, 64_000_000, 40_000_000);
        startWork(NGO_EDITOR, classes);
        report(
                NGO_EDITOR,
                classes,
                "2026-06-01",
                "2026-08-31",
                40,
                "GREEN",
                "Six classes running in two church halls.",
                indicator("Children attending", "children", 0, 240, 205));
        report(
                NGO_EDITOR,
                classes,
                "2026-09-01",
                "2026-11-30",
                75,
                "AMBER",
                "Host families ask why their children waiting for a place cannot join.",
                indicator("Children attending", "children", 0, 240, 232) + ","
                        + indicator("Children placed in a school", "children", 0, 240, 61));
    }

    /** Humanitarian cash that ends in January 2027 while its need is still open, and nothing takes it over. */
    private void arrivalsCash() {
        String cash = propose(NGO_EDITOR, ARRIVALS_CASH, """
                {"title":"%s",
                 "description":"Monthly cash transfers and food parcels for three months for refugee and asylum-seeking families who arrived in Kampala in the last six months, most of them from eastern DRC and not yet registered.",
                 "kind":"SERVICE","orientation":"HUMANITARIAN","sectors":["SOCIAL_PROTECTION","FOOD_SECURITY"],
                 "targetGroups":["REFUGEES","ASYLUM_SEEKERS"],"areas":[%s],
                 "startDate":"2026-02-01","endDate":"2027-01-31","reportingCadence":"QUARTERLY",
                 "needIds":%s,"frameworkItems":["SDG-1.3","GCR-EASE-PRESSURE"],"sharedWithForums":%s}""".formatted(
                        ARRIVALS_CASH, KISENYI, list(evidence.need(DemoEvidence.ARRIVALS)), list(forumId)));
        funding(
                NGO_EDITOR,
                cash,
                null,
                "Uganda humanitarian pooled fund, urban window 2026",
                480_000_000,
                480_000_000,
                360_000_000);
        startWork(NGO_EDITOR, cash);
        report(
                NGO_EDITOR,
                cash,
                "2026-05-01",
                "2026-07-31",
                45,
                "GREEN",
                "Transfers every month; new arrivals referred by the division offices and churches.",
                indicator("Families reached", "families", 0, 1500, 690));
        report(
                NGO_EDITOR,
                cash,
                "2026-08-01",
                "2026-10-31",
                70,
                "AMBER",
                "The grant ends in January 2027; no city or national programme is lined up to take the families on.",
                indicator("Families reached", "families", 0, 1500, 1140));
    }

    /**
     * Links the city's actions to the gaps of the published round, editing them (the round is published after the
     * actions, so that the forum never sees those gaps without an answer).
     */
    void answerGaps() {
        answer(NEIGHBOURHOOD_PLANS, "2.2.d", "2.2.e");
        answer(HEALTH_ACCESS, "9.1.d", "9.2.a");
    }

    private void answer(String title, String... questions) {
        ObjectNode body = (ObjectNode) PlatformClient.json().readTree(bodies.get(title));
        ArrayNode gapIds = body.putArray("gapIds");
        for (String q : questions) {
            gapIds.add(evidence.gap(q));
        }
        String path = "/actions/" + action(title);
        JsonNode current = calls.read(CITY, PlatformService.ACTION_PLANS, path);
        // the gaps are known to the action-plans service once the assessments service's events have arrived
        calls.eventually(200, "PUT", CITY, PlatformService.ACTION_PLANS, path, body, current);
    }

    /** The needs' owners record which actions address them. */
    void needsAddressed() {
        evidence.link(CITY, evidence.need(DemoEvidence.HEALTH), action(HEALTH_ACCESS));
        evidence.link(CITY, evidence.need(DemoEvidence.HEALTH), action(MOBILE_CLINIC));
        evidence.link(CITY, evidence.need(DemoEvidence.SCHOOLS), action(SCHOOL_PLACES));
        evidence.link(CITY, evidence.need(DemoEvidence.MARKET), action(MARKET_ACCESS));
        evidence.link(CITY, evidence.need(DemoEvidence.WATER), action(WATER_POINT));
        evidence.move(
                CITY, evidence.need(DemoEvidence.WATER), "ADDRESSED", "Second tap stand opened on 28 October 2026");
        evidence.link(NGO_EDITOR, evidence.need(DemoEvidence.PROTECTION), action(LEGAL_AID));
        evidence.link(CITY, evidence.need(DemoEvidence.SCHOOLS), action(CATCH_UP));
        evidence.link(NGO_EDITOR, evidence.need(DemoEvidence.ARRIVALS), action(ARRIVALS_CASH));
    }

    // ---- calls

    /**
     * Records an action and remembers it under its title. Links to needs, gaps, commitments and organisations are
     * known to the action-plans service once the other services' events have arrived, so the call waits for them.
     */
    private String propose(String user, String title, String body) {
        String id = id(calls.eventually(201, "POST", user, PlatformService.ACTION_PLANS, "/actions", body));
        actions.put(title, id);
        bodies.put(title, body);
        return id;
    }

    private void move(String user, String actionId, String status, @Nullable String reason) {
        Map<String, String> step =
                reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
        calls.step(user, PlatformService.ACTION_PLANS, "/actions/" + actionId + "/status", step);
    }

    private void startWork(String user, String actionId) {
        move(user, actionId, "COMMITTED", null);
        move(user, actionId, "IN_PROGRESS", null);
    }

    private void planStatus(String user, String planId, String status, @Nullable String reason) {
        Map<String, String> step =
                reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
        calls.step(user, PlatformService.ACTION_PLANS, "/plans/" + planId + "/status", step);
    }

    /** Schedules a milestone and, when {@code reachedOn} is given, records it reached. */
    private String milestone(String user, String actionId, String title, String dueOn, @Nullable String reachedOn) {
        String path = "/actions/" + actionId + "/milestones";
        String id = id(calls.create(user, PlatformService.ACTION_PLANS, path, Map.of("title", title, "dueOn", dueOn)));
        if (reachedOn != null) {
            calls.step(user, PlatformService.ACTION_PLANS, path + "/" + id + "/reach", Map.of("reachedOn", reachedOn));
        }
        return id;
    }

    /** A funding line in Uganda shillings; {@code source} is the funding organisation, if it is registered. */
    private void funding(
            String user,
            String actionId,
            @Nullable String source,
            String sourceName,
            long required,
            long committed,
            long disbursed) {
        calls.create(user, PlatformService.ACTION_PLANS, "/actions/" + actionId + "/funding", """
                {%s"sourceName":"%s","currency":"UGX","required":%d,"committed":%d,"disbursed":%d}""".formatted(
                source == null ? "" : "\"sourceId\":\"" + source + "\",", sourceName, required, committed, disbursed));
    }

    private void report(
            String user,
            String actionId,
            String start,
            String end,
            int percent,
            String rag,
            String narrative,
            String indicators) {
        calls.create(user, PlatformService.ACTION_PLANS, "/actions/" + actionId + "/reports", """
                {"periodStart":"%s","periodEnd":"%s","percentComplete":%d,"rag":"%s","narrative":"%s","indicators":[%s]}""".formatted(
                        start, end, percent, rag, narrative, indicators));
        reported.add(actionId);
    }

    private static String indicator(String name, String unit, double baseline, double target, double actual) {
        return """
                {"name":"%s","unit":"%s","baseline":%s,"target":%s,"actual":%s}""".formatted(name, unit, baseline, target, actual);
    }

    private void contribute(String user, String actionId, String kind, String text) {
        calls.create(
                user,
                PlatformService.ACTION_PLANS,
                "/actions/" + actionId + "/contributions",
                Map.of("kind", kind, "text", text));
    }
}
