package org.arrival.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A write that finds no free database connection waits at most the configured connection wait
 * ({@code spring.datasource.hikari.connection-timeout}, 3 s) and is answered 503 problem+json with
 * {@code Retry-After}, not a 500 after 30 s; it did not take effect, and the same write later succeeds.
 */
class DatabaseWaitTest extends RegistryIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWriteThatGetsNoConnectionIsA503WithRetryAfterAndDoesNotCommit() throws Exception {
        var admin = platformAdmin();
        String t = tag();
        String name = "Kampala Capital City Authority " + t;
        List<Connection> held = new ArrayList<>();
        try {
            // every connection the pool can give; the last attempt waits out the connection wait
            while (true) {
                try {
                    held.add(dataSource.getConnection());
                } catch (SQLException exhausted) {
                    break;
                }
            }
            assertThat(held).isNotEmpty();

            assertThat(dataSource
                            .unwrap(com.zaxxer.hikari.HikariDataSource.class)
                            .getConnectionTimeout())
                    .as("a request waits for a connection about as long as a client would (3 s), not Hikari's 30 s")
                    .isEqualTo(3_000L);
            perform(postJson("/stakeholders", cityAuthorityJson(t)), admin)
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.title").value("Service unavailable"))
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.containsString(
                                    "database is busy or unreachable, so the request was not carried out")));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM stakeholder WHERE name = ?", Integer.class, name))
                .as("the refused write did not commit")
                .isZero();
        perform(postJson("/stakeholders", cityAuthorityJson(t)), admin).andExpect(status().isCreated());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM stakeholder WHERE name = ?", Integer.class, name))
                .isEqualTo(1);
    }
}
