package uk.gov.local.healthcheck.survey.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The W3C trace context of the current request, as the {@code traceparent} header carries it. */
public final class Traceparent {

    public static final String HEADER = "traceparent";

    private Traceparent() {
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of the current span, or null outside any trace. */
    public static String current() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
