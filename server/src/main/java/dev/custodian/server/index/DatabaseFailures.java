package dev.custodian.server.index;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that is not answering (connection lost, server shutting down or starting up,
 * no connection from the pool in time) from an error of the statement itself: the first is
 * worth trying again once the database is back, the second is not.
 */
public final class DatabaseFailures {
    /**
     * SQLSTATEs besides class 08 (connection exception): admin shutdown, crash shutdown, cannot
     * connect now (PostgreSQL Appendix A), too many connections.
     */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseFailures() {
    }

    /** True when {@code e} or one of its causes says the database could not be reached or went away. */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IndexWriteException w && w.connectionLost()) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** One line for a log: the innermost SQL error's message and SQLSTATE, else {@code e} itself. */
    public static String describe(Throwable e) {
        SQLException innermost = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                innermost = sql;
            }
        }
        if (innermost == null) {
            return String.valueOf(e);
        }
        String message = String.valueOf(innermost.getMessage()).lines().findFirst().orElse("");
        return message + (innermost.getSQLState() == null ? "" : " (SQLSTATE " + innermost.getSQLState() + ")");
    }
}
