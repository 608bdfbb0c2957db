package se.molnkoll.query.api;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

import javax.sql.DataSource;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, network gone) rather
 * than a fault of the request or of Molnkoll: then the caller is told to try again later (503), and
 * the connection pool reconnects by itself once the database is back. A command that failed so has
 * recorded nothing: its transaction never committed.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: the server shuts down or is starting
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure came from the database or the way to it (then {@link #isCauseOf} or a probe tells whether it is away). */
    public static boolean isPersistenceFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof org.springframework.dao.DataAccessException
                    || t instanceof jakarta.persistence.PersistenceException || t instanceof org.hibernate.JDBCException
                    || t instanceof org.axonframework.eventsourcing.eventstore.EventStoreException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this failure means the database is away: by its kind, or, for a failure of the database
     * that does not say (a connection the pool had handed out just before the server went down fails
     * with "connection is closed"), by asking the pool for a working connection now.
     */
    public static boolean isAway(Throwable failure, DataSource dataSource) {
        if (isCauseOf(failure)) {
            return true;
        }
        if (!isPersistenceFailure(failure)) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return !connection.isValid(2);
        } catch (SQLException unreachable) {
            return true;
        }
    }
}
