package uk.gov.local.healthcheck.benchmark.support;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tests only: keeps every ended span (the exporter is off), so a test can see which trace a span belongs to. */
@ApplicationScoped
public class RecordedSpans implements SpanProcessor {

    private static final List<SpanData> ENDED = new CopyOnWriteArrayList<>();

    public static List<SpanData> ended() {
        return List.copyOf(ENDED);
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (ENDED.size() < 10_000) {
            ENDED.add(span.toSpanData());
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
