package org.arrival.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.arrival.platform.testing.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An array parameter reaches PostgreSQL as one value of the array type. Sent as text, {@code ?::uuid[]} stays a
 * conversion in the plan that runs for every row compared (shown as a {@code cstring} cast) and keeps the primary
 * key from serving {@code = ANY}.
 */
class ReadSqlArrayTest {

    static JdbcTemplate jdbc;
    static final List<UUID> IDS =
            IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID()).toList();

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                EmbeddedPostgres.newDatabase("read_sql_array"), EmbeddedPostgres.user(), EmbeddedPostgres.password()));
        jdbc.execute("CREATE TABLE organisation (id uuid PRIMARY KEY, name text NOT NULL)");
        jdbc.batchUpdate(
                "INSERT INTO organisation (id, name) VALUES (?, ?)",
                IDS.stream().map(id -> new Object[] {id, "Organisation " + id}).toList());
        jdbc.execute("ANALYZE organisation");
    }

    @Test
    void anArrayOfIdsIsOneValueTheIndexServes() {
        List<UUID> some = IDS.subList(0, 300);
        String sql = "SELECT id FROM organisation WHERE id = ANY (?::uuid[])";
        assertThat(jdbc.queryForList(sql, UUID.class, ReadSql.array(some))).containsExactlyInAnyOrderElementsOf(some);
        List<UUID> few = IDS.subList(0, 5);
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class, ReadSql.array(few)));
        assertThat(plan).contains("organisation_pkey").doesNotContain("cstring", "Seq Scan");
        // the same literal sent as text: what the array parameter avoids
        String asText = String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class, ReadSql.arrayLiteral(few)));
        assertThat(asText).contains("cstring");
    }

    @Test
    void textArraysAndEmptyArraysAreValuesToo() {
        List<String> names = List.of("Organisation " + IDS.get(0), "Organisation \"quoted\", with a comma");
        assertThat(jdbc.queryForList(
                        "SELECT id FROM organisation WHERE name = ANY (?::text[])", UUID.class, ReadSql.array(names)))
                .containsExactly(IDS.get(0));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM organisation WHERE NOT (id = ANY (?::uuid[]))",
                        Long.class,
                        ReadSql.array(List.of())))
                .isEqualTo(IDS.size());
        assertThat(jdbc.queryForObject("SELECT cardinality(?::text[])", Integer.class, ReadSql.array(names)))
                .isEqualTo(2);
    }
}
