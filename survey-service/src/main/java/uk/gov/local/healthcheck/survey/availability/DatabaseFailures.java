package uk.gov.local.healthcheck.survey.availability;

import io.vertx.pgclient.PgException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells "PostgreSQL cannot be reached" (try again later: 503) from every other failure. Looks through the whole
 * cause chain, because Hibernate Reactive and Mutiny wrap what the client reported.
 */
public final class DatabaseFailures {

    /** Connection exceptions (08), insufficient resources (53), operator intervention: shutdown, cannot connect now (57P). */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53");
    private static final Set<String> CLIENT_CLASSES = Set.of("ClosedConnectionException", "AnnotatedConnectException",
            "ConnectTimeoutException", "StacklessClosedChannelException", "NoStackTraceTimeoutException");

    private DatabaseFailures() {
    }

    /** Whether {@code failure} means the database could not be reached, as opposed to refusing a statement. */
    public static boolean isUnreachable(Throwable failure) {
        return kind(failure) != null;
    }

    /**
     * A short name for the kind of unreachability ({@code connection refused}, {@code connection closed},
     * {@code SQLState 57P01}...), or null when {@code failure} is not one. One log line is written per kind per interval.
     */
    public static String kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                if (UNAVAILABLE_CLASSES.contains(state.substring(0, 2)) || state.startsWith("57P")) {
                    return "SQLState " + state;
                }
                return null;    // PostgreSQL answered: it is reachable, the statement failed
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || message.contains("connection refused")) {
                return "connection refused";
            }
            if (t instanceof ClosedChannelException || CLIENT_CLASSES.contains(t.getClass().getSimpleName())
                    || message.contains("connection is closed") || message.contains("connection closed")) {
                return "connection closed";
            }
            if (t instanceof SocketException || message.contains("connection reset") || message.contains("broken pipe")) {
                return "connection reset";
            }
            if (message.contains("timeout") && (message.contains("connection") || message.contains("pool"))) {
                return "connection timeout";
            }
        }
        return null;
    }

    /** The innermost message, for a log line without a stack trace. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
