package org.arrival.forum.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.forum.ForumIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A forum's history is found through the links of its records and the log's index by key, never by scanning a log
 * that holds the whole platform's events.
 */
class ForumHistoryPlanTest extends ForumIntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aForumsHistoryIsFoundThroughItsLinksAndTheLogsIndexByKey() {
        for (boolean everywhere : List.of(false, true)) {
            String plan = plan(EventLog.forumLogQuery(everywhere, "<="));
            assertThat(plan)
                    .contains("event_log_forum_pkey", "on event_log_key", "(message_key = direct.message_key)")
                    .doesNotContain("Seq Scan on event_log ", "event_log_time");
        }
    }

    /**
     * The plan over a log of some thousands of events of 50 forums' actions (rolled back afterwards), with
     * sequential scans as the last resort: only a missing index makes the planner choose one.
     */
    private String plan(String query) {
        return new TransactionTemplate(transactions).execute(tx -> {
            jdbc.update("""
                    INSERT INTO event_log (event_id, event_type, subject, message_key, owner_org, classification,
                        occurred_at, topic, kafka_partition, kafka_offset, payload)
                    SELECT 'history-' || g, 'org.arrival.actionplans.ProgressReported.v1', md5(g::text),
                        md5((g % 2000)::text), gen_random_uuid(), 'FORUM', now() - g * interval '1 minute',
                        'arrival.action-plans.actions.v1', 0, g, '{}'::jsonb
                      FROM generate_series(1, 20000) g""");
            jdbc.update("""
                    INSERT INTO event_log_forum (forum_id, message_key)
                    SELECT ('00000000-0000-0000-0000-' || lpad((g % 50)::text, 12, '0'))::uuid, md5(g::text)
                      FROM generate_series(1, 2000) g ON CONFLICT DO NOTHING""");
            jdbc.update("""
                    INSERT INTO event_log_place (country, subdivision, area_code, message_key)
                    SELECT 'UG', 'UG-' || (g % 20), 'UG' || g, md5(g::text)
                      FROM generate_series(1, 200) g ON CONFLICT DO NOTHING""");
            jdbc.execute("ANALYZE event_log");
            jdbc.execute("ANALYZE event_log_forum");
            jdbc.execute("ANALYZE event_log_place");
            jdbc.execute("ANALYZE event_log_part");
            jdbc.execute("SET LOCAL enable_seqscan = off");
            Timestamp at = Timestamp.from(Instant.now());
            List<String> lines = jdbc.queryForList(
                    "EXPLAIN " + query,
                    String.class,
                    new UUID(0, 7),
                    LogLinks.EVERY_FORUM,
                    new String[] {"UG"},
                    new String[] {"UG-7"},
                    new String[] {null},
                    at,
                    at);
            tx.setRollbackOnly();
            String plan = String.join("\n", lines);
            System.out.println("forum history plan:\n" + plan);
            return plan;
        });
    }
}
