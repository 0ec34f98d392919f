package org.arrival.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

class DatabaseUnavailableTest {

    @Test
    void connectionAndTimeoutFailuresAreTheDatabaseBeingUnavailable() {
        assertThat(DatabaseUnavailable.is(new CannotCreateTransactionException(
                        "Could not open JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))
                .isTrue();
        assertThat(DatabaseUnavailable.is(
                        new CannotCreateTransactionException("x", new SQLException("Connection refused", "08001"))))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new DataAccessResourceFailureException("gone")))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new TransientDataAccessResourceException("failover")))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new QueryTimeoutException("57014"))).isTrue();
        assertThat(DatabaseUnavailable.is(new TransactionTimedOutException("deadline")))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.is(
                        new CannotCreateTransactionException("x", new IllegalStateException("a bug"))))
                .isFalse();
        assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalStateException("a bug"))).isFalse();
    }
}
