package org.arrival.forum.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.platform.directory.ReadSql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coherence checks run every minute over an event log that keeps every event ever received. They must find
 * the events of the forum's actions, and the actions naming a commitment, through indexes; a sequential scan of the
 * log (there is one when nothing else is possible) grows with the platform's whole history.
 */
class EventLogLinksTest extends ForumIntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theLatestVersionOfAForumsActionsIsFoundByKey() {
        String plan = plan(EventLogLinks.LATEST_OF, ReadSql.array(List.of(UUID.randomUUID(), UUID.randomUUID())));
        // the ids are one array value, not text converted again for every row compared
        assertThat(plan).contains("event_log_key").doesNotContain("Seq Scan", "cstring");
    }

    @Test
    void theActionsNamingACommitmentAreFoundByTheCommitment() {
        String plan = plan(EventLogLinks.NAMING, UUID.randomUUID().toString());
        assertThat(plan).contains("event_log_implements").doesNotContain("Seq Scan");
    }

    /**
     * The plan over a log of a few thousand action events (rolled back afterwards), with sequential scans as the
     * last resort: only a missing index makes the planner choose one.
     */
    private String plan(String query, Object argument) {
        return new TransactionTemplate(transactions).execute(tx -> {
            jdbc.update("""
                    INSERT INTO event_log (event_id, event_type, subject, message_key, owner_org, classification,
                        occurred_at, topic, kafka_partition, kafka_offset, payload)
                    SELECT 'plan-' || g, 'org.arrival.actionplans.ActionProposed.v1', md5(g::text), md5(g::text),
                        gen_random_uuid(), 'FORUM', now(), 'arrival.action-plans.actions.v1', 0, g,
                        jsonb_build_object('action', jsonb_build_object('version', 1,
                            'implementsActionId', md5((g % 50)::text)))
                      FROM generate_series(1, 5000) g""");
            jdbc.execute("ANALYZE event_log");
            jdbc.execute("SET LOCAL enable_seqscan = off");
            List<String> lines = jdbc.queryForList("EXPLAIN " + query, String.class, argument);
            tx.setRollbackOnly();
            return String.join("\n", lines);
        });
    }
}
