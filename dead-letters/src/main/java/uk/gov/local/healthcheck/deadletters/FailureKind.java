package uk.gov.local.healthcheck.deadletters;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a failure to apply records will pass by itself ({@link #TRANSIENT}: PostgreSQL or Kafka cannot be reached,
 * a lock or serialization conflict; retry the same records for as long as it takes) or is in the records themselves
 * ({@link #PERMANENT}: undecodable, contract-breaking, refused by the database; isolate and dead-letter them).
 * Anything not known to be transient is permanent. Pure: looks only at the exception, its class names, SQL states and
 * causes.
 */
public enum FailureKind {
    TRANSIENT, PERMANENT;

    /** SQLState classes and codes that say "the server could not do it now", not "this data is wrong". */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of(
            "08", // connection exception
            "53", // insufficient resources
            "57"  // operator intervention (57P01 admin shutdown, 57P03 cannot connect now, 57014 query canceled)
    );
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of(
            "40001", // serialization failure
            "40P01", // deadlock detected
            "55P03", // lock not available
            "58000", "58030", // system error, I/O error
            "XX000", // internal error
            "25006", // read-only transaction: a failover left us on a standby for now
            // The schema is not what this code expects (a migration not yet run, a table being swapped in): no record
            // is to blame, and dead-lettering would set aside every record until it is fixed.
            "42P01", // undefined table
            "42703", // undefined column
            "42883", // undefined function
            "3F000"  // invalid schema name
    );

    /** Simple class names (anywhere in the cause chain) that mean the server or broker could not be reached. */
    private static final Set<String> TRANSIENT_CLASS_NAMES = Set.of(
            "ConnectException", "ClosedConnectionException", "NoRouteToHostException", "UnknownHostException",
            "SocketException", "SocketTimeoutException", "ClosedChannelException", "PortUnreachableException",
            "ConnectTimeoutException", "ConnectionPoolTooBusyException", "NoStackTraceTimeoutException",
            "TimeoutException", "StacklessClosedChannelException",
            "RetriableException", "DisconnectException", "NotLeaderOrFollowerException", "NetworkException",
            "NotEnoughReplicasException", "NotEnoughReplicasAfterAppendException", "CoordinatorNotAvailableException",
            "LeaderNotAvailableException", "BrokerNotAvailableException", "NotCoordinatorException",
            "InterruptException", "RejectedExecutionException");

    /** Kafka's base class of every error that a retry may cure. */
    private static final String KAFKA_RETRIABLE = "org.apache.kafka.common.errors.RetriableException";

    /** Message fragments (lower case) of connection-level failures that come without a telling class. */
    private static final String[] TRANSIENT_MESSAGES = {
            "connection refused", "connection reset", "connection closed", "connection is closed", "closed connection",
            "broken pipe", "failed to create connection", "timeout", "timed out", "pool closed", "pool is closed",
            "too many clients", "the database system is starting up", "the database system is shutting down",
            "terminating connection", "no route to host", "fail to read any response from the server",
            "failed to update metadata", "topic not present in metadata"};

    /** The kind of {@code failure}, looking through its causes and suppressed exceptions. */
    public static FailureKind of(Throwable failure) {
        return isTransient(failure, new IdentityHashMap<>()) ? TRANSIENT : PERMANENT;
    }

    public boolean isTransient() {
        return this == TRANSIENT;
    }

    private static boolean isTransient(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        String state = sqlStateOf(t);
        if (state != null && state.length() == 5) {
            // A SQL state is the database's own verdict: trust it over any wrapper's message.
            return TRANSIENT_SQL_STATES.contains(state) || TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2));
        }
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (KAFKA_RETRIABLE.equals(c.getName()) || TRANSIENT_CLASS_NAMES.contains(c.getSimpleName())) {
                return true;
            }
        }
        String message = t.getMessage();
        if (message != null && state == null && !isDataError(t)) {
            String m = message.toLowerCase(Locale.ROOT);
            for (String fragment : TRANSIENT_MESSAGES) {
                if (m.contains(fragment)) {
                    return true;
                }
            }
        }
        if (isTransient(t.getCause(), seen)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (isTransient(s, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Decoding and argument errors: their messages may quote data, which must not be read as a connection failure. */
    private static boolean isDataError(Throwable t) {
        String name = t.getClass().getName();
        return name.startsWith("com.fasterxml.jackson") || t instanceof IllegalArgumentException
                || t instanceof ClassCastException || t instanceof NullPointerException;
    }

    /**
     * The SQLState of a database exception: Vert.x' {@code PgException.getSqlState()}, JDBC's
     * {@code SQLException.getSQLState()} or R2DBC's; read reflectively so this module needs none of the drivers.
     */
    public static String sqlStateOf(Throwable t) {
        if (t instanceof java.sql.SQLException e) {
            return e.getSQLState();
        }
        for (String accessor : new String[]{"getSqlState", "getSQLState"}) {
            try {
                Method m = t.getClass().getMethod(accessor);
                if (m.getReturnType() == String.class) {
                    return (String) m.invoke(t);
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not a database exception
            }
        }
        return null;
    }

    /** The SQLState of {@code failure} or of its first cause that has one, else null. */
    public static String sqlStateIn(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            String s = sqlStateOf(t);
            if (s != null) {
                return s;
            }
        }
        return null;
    }
}
