package org.arrival.assessments;

import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.ServiceApiTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the assessments service's integration tests: one Spring context on the real embedded PostgreSQL and Kafka broker,
 * real tokens, the registry replica, and a recorder of the service's topics.
 */
public abstract class AssessmentsIntegrationTest extends ServiceApiTest {

    protected static final String[] TOPICS = {
        "arrival.assessments.rounds.v1",
        "arrival.assessments.gaps.v1",
        "arrival.assessments.population.v1",
        "arrival.assessments.needs.v1",
        "arrival.assessments.inputs.v1"
    };

    protected static EventRecorder events;

    @BeforeAll
    static void recordTopics() {
        if (events == null) {
            events = EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), TOPICS);
        }
    }
}
