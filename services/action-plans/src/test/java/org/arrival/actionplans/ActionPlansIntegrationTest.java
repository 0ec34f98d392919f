package org.arrival.actionplans;

import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.ServiceApiTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the action-plans service's integration tests: one Spring context on the real embedded PostgreSQL and Kafka broker,
 * real tokens, the registry replica, and a recorder of the service's topics.
 */
// the freshness job must not fire in the middle of a test, nor at start-up; tests call the check themselves
@org.springframework.test.context.TestPropertySource(
        properties = {
            "arrival.action-plans.reporting.check-cron=-",
            "arrival.action-plans.reporting.check-at-start=false"
        })
public abstract class ActionPlansIntegrationTest extends ServiceApiTest {

    protected static final String[] TOPICS = {"arrival.action-plans.plans.v1", "arrival.action-plans.actions.v1"};

    protected static EventRecorder events;

    @BeforeAll
    static void recordTopics() {
        if (events == null) {
            events = EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), TOPICS);
        }
    }
}
