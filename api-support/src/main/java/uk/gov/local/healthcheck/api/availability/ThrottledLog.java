package uk.gov.local.healthcheck.api.availability;

import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One log line per kind of failure per interval, however many requests or cycles meet it: during an outage a
 * stack trace per request grew the log by 13 MB in 20 s (issue 10) and hid everything else. The first occurrence
 * is logged at once; later ones within the interval are counted and reported with the next line. Every service
 * throttles this way: requests refused while PostgreSQL is away, transient failures being retried, the outbox relay.
 */
@RequiredArgsConstructor
public final class ThrottledLog {

    private final Logger log;
    private final Duration interval;
    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final Instant start;
        long count;

        Window(Instant start) {
            this.start = start;
        }
    }

    /**
     * Logs {@code what: detail} unless a line of this {@code kind} was logged less than the interval ago, in which
     * case it is only counted. {@code unit} names what is counted (e.g. "requests refused").
     */
    public void warn(String kind, String what, String unit, String detail) {
        String line = line(kind, what, unit, detail);
        if (line != null) {
            log.warn(line);
        }
    }

    /** The line {@link #warn} logs now, or null when this occurrence is only counted. */
    String line(String kind, String what, String unit, String detail) {
        Instant now = clock.instant();
        long[] previous = {-1};
        Window window = windows.compute(kind, (k, w) -> {
            if (w == null || !now.isBefore(w.start.plus(interval))) {
                previous[0] = w == null ? -1 : w.count;
                Window fresh = new Window(now);
                fresh.count = 1;
                return fresh;
            }
            w.count++;
            return w;
        });
        if (!window.start.equals(now) || window.count != 1) {
            return null;
        }
        return previous[0] < 0
                ? String.format("%s: %s (further occurrences are logged once per %ss)", what, detail, interval.toSeconds())
                : String.format("%s (%d %s since the last such line): %s", what, previous[0], unit, detail);
    }

    /** Forgets every kind: the next failure of any kind is logged at once (e.g. after a recovery). */
    public void reset() {
        windows.clear();
    }
}
