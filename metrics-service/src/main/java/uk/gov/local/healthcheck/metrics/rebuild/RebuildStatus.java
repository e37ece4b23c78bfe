package uk.gov.local.healthcheck.metrics.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * The last (or running) rebuild.
 *
 * @param records         records read from the submissions topic up to the end offsets captured at the start
 * @param skipped         of those, records that are not events metrics-service applies or cannot be processed
 * @param replaySeconds   time from the first poll to the last record applied
 * @param eventsPerSecond records / replaySeconds
 * @param published       authority states published once the replay was complete
 */
@Schema(name = "RebuildStatus")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildStatus(
        String id,
        @Schema(enumeration = {"running", "completed", "failed"}) String state,
        Instant startedAt,
        Instant finishedAt,
        long records,
        long skipped,
        Double replaySeconds,
        Double eventsPerSecond,
        Long published,
        String error) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public boolean running() {
        return RUNNING.equals(state);
    }
}
