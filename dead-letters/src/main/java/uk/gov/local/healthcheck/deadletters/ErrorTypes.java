package uk.gov.local.healthcheck.deadletters;

import uk.gov.local.healthcheck.events.DeadLetter;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@code errorType} of a permanent failure when the service does not say: {@link DeadLetter#UNSTORABLE} when the
 * database refused the data (SQLState class 22 or 23), {@link DeadLetter#UNDECODABLE} for a JSON parse error,
 * otherwise {@link DeadLetter#INVALID}.
 */
public final class ErrorTypes {

    private ErrorTypes() {
    }

    public static String of(Throwable failure) {
        String state = FailureKind.sqlStateIn(failure);
        if (state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"))) {
            return DeadLetter.UNSTORABLE;
        }
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("com.fasterxml.jackson.core")) {
                return DeadLetter.UNDECODABLE;
            }
        }
        return DeadLetter.INVALID;
    }

    /** A person-readable description of the failure: its class and message, and its causes'. */
    public static String describe(Throwable failure) {
        StringBuilder b = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (b.length() > 0) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                b.append(": ").append(t.getMessage());
            }
            if (b.length() > 2000) {
                break;
            }
        }
        String s = b.length() > 2000 ? b.substring(0, 2000) + "…" : b.toString();
        return s.replace('\u0000', '\uFFFD');
    }
}
