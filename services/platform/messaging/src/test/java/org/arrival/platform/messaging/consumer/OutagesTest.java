package org.arrival.platform.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.arrival.contracts.ContractViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class OutagesTest {

    @Test
    void aDatabaseOrBrokerThatIsAwayIsAnOutageWhereverItIsInTheCauses() {
        assertThat(Outages.isOutage(new CannotGetJdbcConnectionException("no connection")))
                .isTrue();
        assertThat(Outages.isOutage(new ListenerExecutionFailedException(
                        "listener failed",
                        new CannotCreateTransactionException("could not open", new ConnectException("refused")))))
                .isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .as("the server shutting down")
                .isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("connection failure", "08006"))))
                .isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("too many connections", "53300"))))
                .isTrue();
        assertThat(Outages.isOutage(new org.apache.kafka.common.errors.TimeoutException("no broker")))
                .isTrue();
    }

    @Test
    void whatTheEventOrTheCodeCausesIsNotAnOutage() {
        assertThat(Outages.isOutage(
                        new ContractViolationException("org.arrival.X.v1", java.util.List.of("missing field"))))
                .isFalse();
        assertThat(Outages.isOutage(new UnreadableEvent("no headers"))).isFalse();
        assertThat(Outages.isOutage(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key value", "23505"))))
                .isFalse();
        assertThat(Outages.isOutage(new IllegalStateException("a bug"))).isFalse();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("syntax error", "42601"))))
                .isFalse();
    }
}
