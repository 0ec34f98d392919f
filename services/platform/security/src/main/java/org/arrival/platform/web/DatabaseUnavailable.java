package org.arrival.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Which failures mean "the database is busy or unreachable right now" rather than a fault: no pooled connection
 * within the wait ({@code spring.datasource.hikari.connection-timeout}), a lost connection, a statement or
 * transaction past its timeout. The request did not take effect; the same request later may. They are answered
 * 503 with {@code Retry-After} (see {@link ProblemResponses}), never 500.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    /** Whether the exception is the database being unavailable (and not, say, a constraint or a bug). */
    public static boolean is(Throwable e) {
        if (e instanceof DataAccessResourceFailureException // includes CannotGetJdbcConnectionException
                || e instanceof TransientDataAccessResourceException
                || e instanceof QueryTimeoutException
                || e instanceof TransactionTimedOutException) {
            return true;
        }
        return e instanceof CannotCreateTransactionException && connectionFailure(e.getCause());
    }

    private static boolean connectionFailure(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLTimeoutException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            // SQLState class 08: connection exception
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
