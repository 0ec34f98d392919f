package org.arrival.notifications;

import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventFeed;
import org.arrival.platform.testing.ServiceApiTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the notifications service's integration tests: one Spring context on the real embedded PostgreSQL and
 * Kafka broker, real tokens, the registry replica, and a feed that publishes the other services' events.
 */
// workers run on demand in tests (each test calls them), never on their own schedule
@org.springframework.test.context.TestPropertySource(
        properties = {
            "arrival.notifications.mail.digest-cron=-",
            "arrival.notifications.delivery.poll-interval=1h",
            "arrival.notifications.webhooks.allow-loopback=true"
        })
public abstract class NotificationsIntegrationTest extends ServiceApiTest {

    protected static EventFeed feed;

    @BeforeAll
    static void connectFeed() {
        if (feed == null) {
            feed = new EventFeed(EmbeddedKafka.bootstrapServers());
        }
    }
}
