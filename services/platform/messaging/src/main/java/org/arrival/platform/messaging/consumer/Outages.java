package org.arrival.platform.messaging.consumer;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by an outage of something the consumer needs (its database, the broker) from one caused by
 * the event or the code: an outage ends by itself, so the event is retried for as long as it lasts.
 */
public final class Outages {

    /**
     * SQLSTATE classes and codes of a database that is away or overloaded rather than refusing the statement:
     * 08 connection exception, 53 insufficient resources, 57P01-57P03 shut down or not yet started, 40001/40P01
     * serialization failure and deadlock (retrying succeeds).
     */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");

    private Outages() {}

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof RetriableException
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state.startsWith("08") || state.startsWith("53") || TRANSIENT_SQL_STATES.contains(state);
    }
}
