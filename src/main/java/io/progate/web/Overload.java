package io.progate.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a server that is too busy to serve a request now: the connection pool had no connection
 * within its acquisition timeout ({@code quarkus.datasource.jdbc.acquisition-timeout}), or the database
 * could not be reached. Such a request is answered 503 with {@code Retry-After}, never 500; it got no
 * connection, so it wrote nothing. The same holds when authentication itself found no connection: the
 * failure reaches {@code ErrorMappers} like any other.
 */
public final class Overload {

    /** Seconds a caller is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 1;
    public static final String MESSAGE = "the server is busy; try again shortly";
    /** Agroal's words for it ("Acquisition timeout while waiting for new connection", "Sorry, acquisition timeout!"). */
    private static final String AGROAL_TIMEOUT = "acquisition timeout";

    private Overload() {
    }

    /** Whether {@code e}, or any of its causes, says that no database connection could be had. */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(AGROAL_TIMEOUT)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
