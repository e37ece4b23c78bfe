package uk.gov.local.healthcheck.survey.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Submissions accepted and refused, by kind ({@code return}, {@code withdrawal}, {@code response}) and, for
 * refusals, by reason: the last segment of the problem's type ({@code validation}, {@code round-closed},
 * {@code unauthorized}, {@code payload-too-large}, {@code database-unavailable}...). A batch counts each line.
 */
/*
 * Created at start-up, so its meters are on /q/metrics (at 0) from the first scrape; they are removed again at
 * shutdown, because Micrometer's global registry outlives the application (a restarted application, as in the
 * tests, would otherwise keep reporting the first one's meters).
 */
@Startup
@ApplicationScoped
public class SubmissionMetrics {

    public static final String RETURN = "return";
    public static final String WITHDRAWAL = "withdrawal";
    public static final String RESPONSE = "response";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String kind : new String[] {RETURN, WITHDRAWAL, RESPONSE}) {
            accepted(kind, 0);    // present (at 0) from the start, so a rate can be taken from the first scrape
        }
    }

    @PreDestroy
    void remove() {
        counters.values().forEach(registry::remove);
    }

    public void accepted(String kind, long n) {
        counters.computeIfAbsent("a|" + kind, k -> Counter.builder("healthcheck.submissions.accepted")
                .description("Submissions accepted (stored, or a repeat of a stored one)").tag("kind", kind).register(registry))
                .increment(n);
    }

    public void refused(String kind, String reason, long n) {
        counters.computeIfAbsent("r|" + kind + "|" + reason, k -> Counter.builder("healthcheck.submissions.refused")
                .description("Submissions refused, by the problem type's last path segment").tag("kind", kind).tag("reason", reason)
                .register(registry)).increment(n);
    }

    /** The kind of submission a request path is, or null when it is not one (for refusals before routing). */
    public static String kindOf(String method, String path) {
        if ("/api/v1/invitations/responses".equals(path)) {
            return RESPONSE;
        }
        if (path == null || !path.startsWith("/api/v1/rounds/")) {
            return null;
        }
        if (path.contains("/responses")) {
            return RESPONSE;
        }
        if (path.contains("/returns/")) {
            return "DELETE".equals(method) ? WITHDRAWAL : RETURN;
        }
        return null;
    }
}
