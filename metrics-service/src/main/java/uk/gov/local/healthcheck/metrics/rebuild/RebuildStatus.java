package uk.gov.local.healthcheck.metrics.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * The last (or running) rebuild, of whichever replica ran it.
 *
 * @param records         records read from the submissions topic up to the end offsets captured at the start (while
 *                        it runs: so far, as of its last heartbeat)
 * @param skipped         of those, records that are not events metrics-service applies or cannot be processed
 * @param replaySeconds   time from the first poll to the last record applied
 * @param eventsPerSecond records / replaySeconds
 * @param published       authority states published once the replay was complete
 * @param replica         the replica that runs or ran it ({@code healthcheck.instance-id}, or pid@host)
 * @param heartbeatAt     when that replica last said it was alive (and how far it got)
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
        String error,
        String replica,
        Instant heartbeatAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public boolean running() {
        return RUNNING.equals(state);
    }

    RebuildStatus completed(long records, long skipped, double replaySeconds, long published) {
        return new RebuildStatus(id, COMPLETED, startedAt, Instant.now(), records, skipped, replaySeconds,
                records / Math.max(replaySeconds, 1e-9), published, null, replica, heartbeatAt);
    }

    RebuildStatus failed(long records, long skipped, String reason) {
        return new RebuildStatus(id, FAILED, startedAt, Instant.now(), records, skipped, null, null, null, reason,
                replica, heartbeatAt);
    }
}
