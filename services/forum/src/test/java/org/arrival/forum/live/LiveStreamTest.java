package org.arrival.forum.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.forum.ForumServerTest;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.ProjectionChanged;
import org.arrival.forum.projection.domain.Touch;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The live-update stream over a real HTTP connection: who may open it, what it says, and when it ends. */
class LiveStreamTest extends ForumServerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Generations generations;

    @Autowired
    LiveStreams streams;

    @Autowired
    PlatformTransactionManager transactions;

    record Seeded(
            UUID forum,
            UUID city,
            UUID ngo,
            UUID police,
            UUID outsider,
            UUID strangerPolice,
            UUID clinic,
            UUID secret) {}

    private Seeded seed() {
        UUID city = registered("City", false, false);
        UUID ngo = registered("Refugee NGO", false, false);
        UUID police = registered("Police", true, false);
        UUID outsider = registered("Outsider", false, false);
        UUID strangerPolice = registered("Border police", true, false);
        UUID forum = forum(city);
        member(forum, city);
        member(forum, ngo);
        member(forum, police);
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
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
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
        await().atMost(WAIT)
                .until(() -> count("fv_action", "id IN ('" + clinic + "', '" + secret + "')") == 2
                        && seated(forum, city)
                        && seated(forum, police)
                        && seated(forum, ngo)
                        && count("fv_organisation", "id = '" + strangerPolice + "'") == 1
                        && known(strangerPolice)
                        && known(outsider));
        return new Seeded(forum, city, ngo, police, outsider, strangerPolice, clinic, secret);
    }

    private long count(String table, String where) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM " + table + " WHERE generation = ? AND " + where,
                Long.class,
                generations.active());
    }

    private String streamUrl(UUID forum) {
        return base() + "/forums/" + forum + "/stream";
    }

    private StreamClient ready(UUID forum, TestTokenIssuer.Token token) throws Exception {
        StreamClient client = StreamClient.open(streamUrl(forum), token.bearer());
        assertThat(client.status).isEqualTo(200);
        assertThat(client.contentType).startsWith("text/event-stream");
        await().atMost(WAIT).until(() -> !client.events(LiveStreams.READY).isEmpty());
        return client;
    }

    @SuppressWarnings("unchecked")
    private static List<String> views(StreamClient.Event event) {
        return (List<String>)
                EventJson.mapper().readValue(event.data(), Map.class).get("views");
    }

    private static boolean told(StreamClient client, String view) {
        return client.events(LiveStreams.CHANGED).stream().anyMatch(e -> views(e).contains(view));
    }

    @Test
    void withoutATokenTheStreamIsRefusedWithAProblem() throws Exception {
        try (StreamClient client = StreamClient.open(streamUrl(UUID.randomUUID()), null)) {
            assertThat(client.status).isEqualTo(401);
            assertThat(client.contentType).startsWith("application/problem+json");
        }
        try (StreamClient client = StreamClient.open(
                streamUrl(UUID.randomUUID()),
                user("forger", UUID.randomUUID(), "member").signedByStranger().bearer())) {
            assertThat(client.status).isEqualTo(401);
        }
    }

    @Test
    void onlyThoseTheForumsViewsServeMayOpenItsStream() throws Exception {
        Seeded s = seed();
        for (UUID refused : List.of(s.outsider(), s.strangerPolice())) {
            assertThat(get("/forums/" + s.forum() + "/tracker", of(refused)).statusCode())
                    .isEqualTo(404);
            try (StreamClient client =
                    StreamClient.open(streamUrl(s.forum()), of(refused).bearer())) {
                assertThat(client.status).isEqualTo(404);
                assertThat(client.contentType).startsWith("application/problem+json");
            }
        }
        // an organisation the service does not know is treated as an enforcement body, and sits nowhere
        try (StreamClient client =
                StreamClient.open(streamUrl(s.forum()), of(UUID.randomUUID()).bearer())) {
            assertThat(client.status).isEqualTo(404);
        }
        assertThat(streams.openStreams(s.forum())).isZero();
        try (StreamClient admin = ready(s.forum(), user("admin", null, "platform-admin"))) {
            assertThat(admin.events(LiveStreams.READY)).hasSize(1);
        }
    }

    @Test
    void theOpenStreamsAndTheRebuildsProgressAreScrapedWithoutAToken() throws Exception {
        Seeded s = seed();
        try (StreamClient city = ready(s.forum(), of(s.city()))) {
            HttpResponse<String> scrape;
            try (HttpClient http = HttpClient.newHttpClient()) {
                scrape = http.send(
                        HttpRequest.newBuilder(URI.create(management() + "/actuator/prometheus"))
                                .header("Accept", "text/plain")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            }

            assertThat(scrape.statusCode()).isEqualTo(200);
            Matcher streams = Pattern.compile("(?m)^arrival_forum_streams(?:\\{[^}]*})? (\\S+)$")
                    .matcher(scrape.body());
            assertThat(streams.find()).as(scrape.body()).isTrue();
            assertThat(Double.parseDouble(streams.group(1))).isGreaterThanOrEqualTo(1.0);
            assertThat(scrape.body()).contains("\narrival_forum_rebuild_progress");
        }
    }

    @Test
    void aMemberIsToldWhichViewsChangedOnceTheChangeIsCommitted() throws Exception {
        Seeded s = seed();
        try (StreamClient city = ready(s.forum(), of(s.city()))) {
            Map<?, ?> ready = EventJson.mapper()
                    .readValue(city.events(LiveStreams.READY).get(0).data(), Map.class);
            assertThat(ready.get("forumId")).isEqualTo(s.forum().toString());
            assertThat(ready.get("heartbeatSeconds")).isEqualTo(1);

            progress(s.clinic(), s.ngo(), LocalDate.of(2025, 6, 30), 65, Rag.GREEN);
            await().atMost(WAIT).until(() -> told(city, "tracker"));
            // told after the commit: the view already shows the change when the page fetches it
            assertThat(get("/forums/" + s.forum() + "/tracker", of(s.city())).body())
                    .contains("\"percentComplete\":65");
            StreamClient.Event hint = city.events(LiveStreams.CHANGED).get(0);
            Map<String, Object> data = EventJson.mapper().readValue(hint.data(), Map.class);
            assertThat(data.keySet()).containsExactlyInAnyOrder("forumId", "views");
            assertThat(views(hint)).contains("tracker", "who-what-where", "needs-coverage");
            await().atMost(WAIT).until(() -> city.heartbeats() >= 2);
        }
    }

    @Test
    void aChangeAnotherInstanceCommittedReachesTheStreamsOfThisOne() throws Exception {
        Seeded s = seed();
        try (StreamClient city = ready(s.forum(), of(s.city()))) {
            // what another instance's projection sends in its transaction, on the same database
            ProjectionChanged elsewhere = new ProjectionChanged(
                    List.of(new Touch(
                            Set.of(Touch.READINESS), s.city(), "FORUM", List.of(s.forum()), null, false, null, null)),
                    false);
            new TransactionTemplate(transactions)
                    .executeWithoutResult(tx -> jdbc.queryForList(
                            "SELECT pg_notify('arrival_forum_changes', ?)",
                            EventJson.mapper().writeValueAsString(elsewhere)));
            await().atMost(WAIT).until(() -> told(city, "readiness"));
            // a notice of a transaction that rolls back is never delivered
            ProjectionChanged undone = new ProjectionChanged(
                    List.of(new Touch(
                            Set.of(Touch.FLAGS), s.city(), "FORUM", List.of(s.forum()), null, false, null, null)),
                    false);
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.queryForList(
                        "SELECT pg_notify('arrival_forum_changes', ?)",
                        EventJson.mapper().writeValueAsString(undone));
                tx.setRollbackOnly();
            });
            long beats = city.heartbeats();
            await().atMost(WAIT).until(() -> city.heartbeats() >= beats + 2);
            assertThat(told(city, "flags")).isFalse();
        }
    }

    @Test
    void anEnforcementBodyIsNeverToldOfRestrictedRecords() throws Exception {
        Seeded s = seed();
        try (StreamClient city = ready(s.forum(), of(s.city()));
                StreamClient police = ready(s.forum(), of(s.police()))) {
            updated(
                    action(
                            s.secret(),
                            2,
                            s.ngo(),
                            s.forum(),
                            "Safe house, second site",
                            Sector.HOUSING,
                            PopulationGroup.REFUGEES,
                            List.of(),
                            List.of(),
                            ActionStatus.IN_PROGRESS),
                    DataClassification.RESTRICTED);
            await().atMost(WAIT).until(() -> told(city, "tracker"));
            long beats = police.heartbeats();
            await().atMost(WAIT).until(() -> police.heartbeats() >= beats + 2);
            assertThat(told(police, "tracker")).isFalse();

            progress(s.clinic(), s.ngo(), LocalDate.of(2025, 6, 30), 40, Rag.AMBER);
            await().atMost(WAIT).until(() -> told(police, "tracker"));
        }
    }

    @Test
    void streamsEndWhenTheClientLeavesOrTheTokenExpiresAndEachUserHasAFewAtMost() throws Exception {
        Seeded s = seed();
        StreamClient leaving = ready(s.forum(), of(s.ngo()));
        assertThat(streams.openStreams(s.forum())).isEqualTo(1);
        leaving.close();
        await().atMost(WAIT).until(() -> streams.openStreams(s.forum()) == 0);

        try (StreamClient expiring =
                ready(s.forum(), of(s.ngo()).expiresAt(Instant.now().plusSeconds(3)))) {
            await().atMost(WAIT)
                    .until(() -> !expiring.events(LiveStreams.EXPIRED).isEmpty());
            await().atMost(WAIT).until(() -> streams.openStreams(s.forum()) == 0);
        }

        TestTokenIssuer.Token amina = user("amina", s.city(), "member");
        List<StreamClient> tabs = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                tabs.add(ready(s.forum(), amina));
            }
            try (StreamClient fifth = StreamClient.open(streamUrl(s.forum()), amina.bearer())) {
                assertThat(fifth.status).isEqualTo(429);
                assertThat(fifth.contentType).startsWith("application/problem+json");
                assertThat(fifth.body).contains("live streams");
            }
            // another user of the same organisation is not held back
            try (StreamClient other = ready(s.forum(), user("bruno", s.city(), "member"))) {
                assertThat(streams.openStreams(s.forum())).isEqualTo(5);
            }
        } finally {
            tabs.forEach(StreamClient::close);
        }
        await().atMost(WAIT).until(() -> streams.openStreams(s.forum()) == 0);
    }
}
