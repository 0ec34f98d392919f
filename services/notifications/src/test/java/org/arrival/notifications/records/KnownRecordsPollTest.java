package org.arrival.notifications.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.notifications.NotificationsIntegrationTest;
import org.arrival.platform.directory.ReadSql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A poll's records, merged in memory and written in one batch, end as one statement per event leaves them, whatever the order of whole states, stubs and late events; and the poll answers each
 * event with the state the table holds after it.
 */
class KnownRecordsPollTest extends NotificationsIntegrationTest {

    @Autowired
    KnownRecords records;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private record Step(int record, boolean whole, Instant at, KnownRecord said) {}

    @Test
    void aPollLeavesWhatTheStatementsOneByOneLeave() {
        Random random = new Random(42);
        Instant base = Instant.parse("2026-03-01T08:00:00.123456789Z");
        for (int round = 0; round < 20; round++) {
            UUID[] viaPoll = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
            UUID[] oneByOne = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
            // some records exist before the poll, as a stub or whole
            for (int r = 0; r < 3; r++) {
                int before = random.nextInt(3);
                if (before > 0) {
                    Step s = step(random, r, before == 2, base);
                    apply(viaPoll[r], s);
                    apply(oneByOne[r], s);
                }
            }
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                steps.add(step(random, random.nextInt(3), random.nextBoolean(), base));
            }
            List<KnownRecord> answered = new ArrayList<>();
            transactions.executeWithoutResult(tx -> {
                KnownRecords.Poll poll = records.poll(List.of(viaPoll));
                for (Step s : steps) {
                    answered.add(poll.apply(with(s.said(), viaPoll[s.record()]), s.whole(), s.at()));
                }
                poll.flush();
            });
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                apply(oneByOne[s.record()], s);
                KnownRecord expected = find(oneByOne[s.record()]);
                assertThat(with(answered.get(i), oneByOne[s.record()]))
                        .as("round %d, step %d", round, i)
                        .isEqualTo(expected);
            }
            for (int r = 0; r < 3; r++) {
                assertThat(row(viaPoll[r])).as("round %d, record %d", round, r).isEqualTo(row(oneByOne[r]));
            }
        }
    }

    @Test
    void aRecordThePollLeavesUnchangedIsNotWritten() {
        UUID id = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        upsert(
                new KnownRecord(
                        id,
                        "ACTION",
                        owner,
                        DataClassification.FORUM,
                        List.of(UUID.randomUUID()),
                        List.of("HEALTH"),
                        List.of("UG"),
                        List.of("UG-C"),
                        null,
                        "Clinic"),
                at);
        List<Map<String, Object>> before = row(id);
        transactions.executeWithoutResult(tx -> {
            KnownRecords.Poll poll = records.poll(List.of(id));
            KnownRecord seen = poll.apply(
                    KnownRecord.stub(id, "ACTION", UUID.randomUUID(), DataClassification.FORUM),
                    false,
                    at.plusSeconds(60));
            assertThat(seen.ownerId())
                    .as("a stub does not replace a known owner")
                    .isEqualTo(owner);
            assertThat(seen.title()).isEqualTo("Clinic");
            poll.flush();
        });
        assertThat(row(id)).isEqualTo(before);
    }

    private static Step step(Random random, int record, boolean whole, Instant base) {
        Instant at = base.plus(random.nextInt(5), ChronoUnit.MINUTES);
        UUID owner = random.nextInt(4) == 0 ? null : new UUID(0, random.nextInt(3) + 1);
        KnownRecord said = whole
                ? new KnownRecord(
                        null,
                        "ACTION",
                        owner,
                        DataClassification.values()[random.nextInt(3)],
                        List.of(new UUID(1, random.nextInt(3))),
                        List.of("S" + random.nextInt(3)),
                        List.of("UG"),
                        List.of("UG-" + random.nextInt(3)),
                        random.nextBoolean() ? null : new UUID(2, 1),
                        random.nextBoolean() ? null : "T" + random.nextInt(3))
                : KnownRecord.stub(null, "ACTION", owner, DataClassification.FORUM);
        return new Step(record, whole, at, said);
    }

    private void apply(UUID id, Step s) {
        if (s.whole()) {
            upsert(with(s.said(), id), s.at());
        } else {
            ensure(with(s.said(), id), s.at());
        }
    }

    // one statement per event: what the poll's merge must agree with

    private void upsert(KnownRecord r, Instant at) {
        jdbc.update(
                KnownRecords.UPSERT,
                r.id(),
                r.kind(),
                r.ownerId(),
                r.classification().name(),
                ReadSql.array(r.forums()),
                ReadSql.array(r.sectors()),
                ReadSql.array(r.countries()),
                ReadSql.array(r.subdivisions()),
                r.planId(),
                r.title(),
                Timestamp.from(at));
    }

    private void ensure(KnownRecord stub, Instant at) {
        jdbc.update(
                """
                INSERT INTO known_record (id, kind, owner_id, classification, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET owner_id = coalesce(known_record.owner_id, EXCLUDED.owner_id)""",
                stub.id(),
                stub.kind(),
                stub.ownerId(),
                stub.classification().name(),
                Timestamp.from(at.minusSeconds(KnownRecords.STUB_AGE_SECONDS)));
    }

    private KnownRecord find(UUID id) {
        return jdbc.queryForObject("SELECT * FROM known_record WHERE id = ?", KnownRecords::map, id);
    }

    private static KnownRecord with(KnownRecord r, UUID id) {
        return new KnownRecord(
                id,
                r.kind(),
                r.ownerId(),
                r.classification(),
                r.forums(),
                r.sectors(),
                r.countries(),
                r.subdivisions(),
                r.planId(),
                r.title());
    }

    /** The record's row; empty if there is none. */
    private List<Map<String, Object>> row(UUID id) {
        return jdbc.queryForList(
                "SELECT kind, owner_id, classification, shared_with_forums::text AS f,"
                        + " sectors::text AS s, countries::text AS c, subdivisions::text AS d, plan_id, title, updated_at"
                        + " FROM known_record WHERE id = ?",
                id);
    }
}
