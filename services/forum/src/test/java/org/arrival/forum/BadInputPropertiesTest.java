package org.arrival.forum;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.forum.coherence.CoherenceChecker;
import org.arrival.forum.coherence.CoherenceFlagRow;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.ApiDescription;
import org.arrival.platform.testing.api.BadInput;
import org.arrival.platform.testing.api.BadInputCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestContextManager;

/**
 * Generated hostile variants (1,000 a run) of every write and list request of the forum view, sent by callers who may make the
 * valid request: never a 5xx, every refusal as problem+json, and a refused request changes nothing (flags and
 * outbox). The projection, its event log and the registry replica are left out of the comparison: consumers write
 * them in the background.
 */
class BadInputPropertiesTest extends ForumIntegrationTest {

    /** Tables the service writes in the background, whatever the requests. */
    static final Set<String> BACKGROUND = Set.of(
            "event_log",
            "fv_generation",
            "fv_active_generation",
            "fv_rebuild",
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
            "fv_assignment",
            "organisation",
            "forum_membership");

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static List<BadInput.Template> templates;

    @Autowired
    CoherenceChecker checker;

    @Autowired
    Generations generations;

    private BadInputCheck check;

    @BeforeProperty
    void context() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        connectFeed();
        check = new BadInputCheck(mvc, jdbc, BACKGROUND);
        if (templates == null) {
            templates = templates();
            check.requireTemplates(ApiDescription.of(mvc), templates, Map.of());
        }
    }

    /** No edge-case mixing: it would favour the first operation; the variants carry their own hostile edges. */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void hostileRequestsAreRefusedCleanlyAndChangeNothing(@ForAll("requests") BadInput.Variant variant) {
        int status = check.send(variant.call(), variant.caller().bearer());
        Statistics.label("status").collect(status / 100 + "xx");
        Statistics.label("operation").collect(variant.operation());
    }

    @Provide
    Arbitrary<BadInput.Variant> requests() {
        return BadInput.variants(ApiDescription.of(mvc), templates);
    }

    private List<BadInput.Template> templates() {
        UUID city = registered("City of Kampala", false, false);
        UUID ngo = registered("Refugee NGO", false, false);
        UUID forum = forum(city);
        member(forum, city);
        member(forum, ngo);
        UUID plan = plan(city, "Reception plan", List.of(forum), PlanStatus.ADOPTED, DataClassification.FORUM);
        UUID meeting = UUID.randomUUID();
        feed.publish(
                new org.arrival.contracts.registry.MeetingScheduled(
                        new org.arrival.contracts.registry.Meeting(
                                meeting,
                                1,
                                forum,
                                "Hostile input meeting",
                                java.time.LocalDate.of(2025, 3, 10),
                                null,
                                null,
                                null,
                                List.of(),
                                List.of(),
                                null,
                                org.arrival.contracts.registry.MeetingStatus.SCHEDULED,
                                null),
                        actor(city)),
                forum,
                forum,
                city,
                DataClassification.FORUM);
        List<UUID> actions = new ArrayList<>();
        for (String decision : List.of("acknowledge", "resolve", "dismiss")) {
            UUID action = UUID.randomUUID();
            proposed(
                    action(
                            action,
                            1,
                            ngo,
                            forum,
                            "Legal aid " + decision,
                            Sector.PROTECTION_RIGHTS,
                            PopulationGroup.REFUGEES,
                            ActionStatus.IN_PROGRESS,
                            plan,
                            java.time.LocalDate.of(2025, 1, 1),
                            java.time.LocalDate.of(2026, 12, 31)),
                    DataClassification.FORUM);
            actions.add(action);
        }
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                        "SELECT count(*) FROM fv_action WHERE generation = ? "
                                                + "AND id = ANY (?::uuid[])",
                                        Long.class,
                                        generations.active(),
                                        actions.stream().map(UUID::toString).toArray(String[]::new))
                                == 3
                        && jdbc.queryForObject(
                                        "SELECT count(*) FROM forum_membership WHERE forum_id = ?", Long.class, forum)
                                == 2
                        && jdbc.queryForObject(
                                        "SELECT count(*) FROM fv_meeting WHERE generation = ? AND id = ?",
                                        Long.class,
                                        generations.active(),
                                        meeting)
                                == 1);
        checker.check(forum);
        List<CoherenceFlagRow> flags = checker.flags(forum, null, CoherenceCheckCode.ACTION_WITHOUT_FUNDING);
        Token coordinator = user("kcca-coordinator", city, "forum-coordinator", "member");
        Token member = user("irc-member", ngo, "member");
        Token admin = user("platform", null, "platform-admin");
        Token orgAdmin = user("irc-admin", ngo, "org-admin", "member");
        String base = "/forums/" + forum;
        List<BadInput.Template> out = new ArrayList<>();
        List<String> decisions = List.of("acknowledge", "resolve", "dismiss");
        for (int i = 0; i < decisions.size(); i++) {
            UUID action = actions.get(i);
            UUID flag = flags.stream()
                    .filter(f -> f.recordIds().contains(action))
                    .findFirst()
                    .orElseThrow()
                    .flagId();
            out.add(new BadInput.Template(
                    "POST /forums/{forumId}/flags/{flagId}/" + decisions.get(i),
                    ApiCall.post(
                                    base + "/flags/" + flag + "/" + decisions.get(i),
                                    "{\"reason\":\"Taken up at the forum's meeting\"}")
                            .ifMatch("\"1\""),
                    coordinator));
        }
        out.add(new BadInput.Template(
                "GET /forums/{forumId}/flags/{flagId}",
                ApiCall.get(base + "/flags/" + flags.get(0).flagId()),
                member));
        out.add(new BadInput.Template(
                "GET /forums/{forumId}/flags/{flagId}/history",
                ApiCall.get(base + "/flags/" + flags.get(0).flagId() + "/history"),
                member));
        out.add(new BadInput.Template(
                "PUT /forums/{forumId}/coherence-settings",
                ApiCall.put(base + "/coherence-settings", """
                                {"disabledChecks":["ACTION_WITHOUT_EVIDENCE"],"severities":{"UNDERCOUNT":"MEDIUM"},
                                 "staleAfterDays":365,"transitionNoticeDays":60,"undercountRatio":2.5,
                                 "smallCityMinimum":500,"requiredBreakdown":["SEX","AGE_BAND"],
                                 "priorityFrameworkItems":["GCM-15"],"regressionPercent":10}""").ifMatch("\"0\""),
                coordinator));
        // the rebuild has no body and no parameter: only headers vary, sent by someone it refuses (a rebuild per
        // try would replay every topic)
        out.add(new BadInput.Template("POST /admin/rebuild", ApiCall.post("/admin/rebuild", null), orgAdmin));
        out.add(new BadInput.Template(
                "GET /admin/rebuild/{id}", ApiCall.get("/admin/rebuild/" + UUID.randomUUID()), admin));
        // GET /forums takes nothing to vary (no parameter, no path variable, no body)
        out.add(new BadInput.Template(
                "GET /forums/{forumId}/tracker",
                ApiCall.get(base + "/tracker?org=" + ngo
                        + "&sector=PROTECTION_RIGHTS&area=Kampala&group=REFUGEES&frameworkItem=SDG-11.1&status=IN_PROGRESS"
                        + "&plan=" + plan + "&page=0&size=5&sort=-title"),
                member));
        out.add(new BadInput.Template(
                "GET /forums/{forumId}/plans",
                ApiCall.get(base + "/plans?org=" + city
                        + "&status=ADOPTED&type=MUNICIPAL_ACTION_PLAN&page=0&size=5&sort=periodStart"),
                member));
        out.add(new BadInput.Template(
                "GET /forums/{forumId}/population",
                ApiCall.get(base + "/population?group=REFUGEES" + "&area=kampala&page=0&size=5&sort=-asOf"),
                member));
        out.add(new BadInput.Template(
                "GET /forums/{forumId}/flags",
                ApiCall.get(base + "/flags?status=OPEN" + "&check=ACTION_WITHOUT_FUNDING"),
                member));
        out.add(new BadInput.Template(
                "GET /forums/{forumId}/as-of", ApiCall.get(base + "/as-of?at=2000-01-01T00:00:00Z"), member));
        out.add(new BadInput.Template(
                "GET /forums/{forumId}/decisions",
                ApiCall.get(base + "/decisions?asOf=2025-06-30&page=0&size=5"),
                member));
        out.add(new BadInput.Template(
                "GET /forums/{forumId}/actions/{actionId}/history",
                ApiCall.get(base + "/actions/" + actions.get(0) + "/history?page=0&size=5"),
                member));
        out.add(new BadInput.Template(
                "GET /forums/{forumId}/meetings/{meetingId}/pack",
                ApiCall.get(base + "/meetings/" + meeting + "/pack"),
                member));
        for (String view : List.of(
                "tracker/summary",
                "who-what-where",
                "needs-coverage",
                "readiness",
                "exports/3w.csv",
                "exports/iati.xml")) {
            out.add(new BadInput.Template("GET /forums/{forumId}/" + view, ApiCall.get(base + "/" + view), member));
        }
        return out;
    }
}
