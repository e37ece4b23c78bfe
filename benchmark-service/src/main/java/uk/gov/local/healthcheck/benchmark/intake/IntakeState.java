package uk.gov.local.healthcheck.benchmark.intake;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.deadletters.ConsumerPartitions;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The intake channel's rebalance listener. It passes every callback to the dead-letters module's
 * {@link ConsumerPartitions} (whether the consumer holds its partitions: readiness check
 * {@code kafka-consumer-partitions} and gauge {@code healthcheck_consumer_partitions_assigned}) and adds what is
 * particular to this service: whether it has caught up after start.
 *
 * <p><b>Catch-up.</b> A restarted instance serves its snapshots as PostgreSQL last saw them, which may be behind the
 * topic by whatever was published while it was away. At the first assignment after start the end offset of every
 * assigned partition is noted; the instance has caught up once it has applied (and acknowledged) every record below
 * those offsets. Later rebalances (a replica joining or leaving) do not wait again: the partitions moved to this
 * instance were being applied by another one and the catalog refresh already shows their effect.
 *
 * <p>Called by the Kafka polling thread (rebalance callbacks) and the consumer (applied offsets); read by the health
 * check: the state is kept in volatile fields and concurrent maps.
 */
@ApplicationScoped
@Default
@Identifier("benchmark-intake-rebalance")
public class IntakeState implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(IntakeState.class);
    private static final Duration KAFKA_CALL_TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerPartitions partitions;
    private final Duration catchUpTimeout;
    private final boolean waitForCatchUp;

    private volatile boolean assignedOnce;
    private volatile boolean betweenRevokeAndAssign;
    private volatile boolean caughtUp;
    private volatile long catchUpStartedNanos;
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    /** End offsets found at the first assignment since start, for the partitions not yet caught up. */
    private final Map<TopicPartition, Long> catchUpTargets = new ConcurrentHashMap<>();

    public IntakeState(@ConfigProperty(name = "benchmark.readiness.wait-for-catch-up", defaultValue = "true")
                       boolean waitForCatchUp,
                       @ConfigProperty(name = "benchmark.readiness.catch-up-timeout", defaultValue = "10M")
                       Duration catchUpTimeout,
                       @Identifier(ConsumerPartitions.NAME) ConsumerPartitions partitions) {
        this.waitForCatchUp = waitForCatchUp;
        this.catchUpTimeout = catchUpTimeout;
        this.caughtUp = !waitForCatchUp;
        this.partitions = partitions;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        betweenRevokeAndAssign = true;
        assigned.removeAll(revoked);
        revoked.forEach(catchUpTargets::remove);
        partitions.onPartitionsRevoked(consumer, revoked);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
        LOG.infof("Partitions lost (this member's session ended): %s", lost);
        onPartitionsRevoked(consumer, lost);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> given) {
        assigned.addAll(given);
        if (!assignedOnce && !caughtUp) {
            noteCatchUpTargets(consumer, given);
        }
        assignedOnce = true;
        betweenRevokeAndAssign = false;
        partitions.onPartitionsAssigned(consumer, given);
        if (!caughtUp) {
            LOG.infof("Catching up with the topic after start: %s", catchUpTargets);
        }
    }

    /** On the polling thread, so the consumer may be used: where each partition starts and where it ends now. */
    private void noteCatchUpTargets(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        catchUpStartedNanos = System.nanoTime();
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, KAFKA_CALL_TIMEOUT);
            Map<TopicPartition, Long> targets = new HashMap<>();
            for (TopicPartition p : partitions) {
                Long end = ends.get(p);
                if (end != null && consumer.position(p, KAFKA_CALL_TIMEOUT) < end) {
                    targets.put(p, end);
                }
            }
            catchUpTargets.putAll(targets);
        } catch (RuntimeException e) {
            // Without the offsets there is nothing to wait for; readiness then rests on the assignment alone.
            LOG.warnf("Could not read the end offsets at assignment, not waiting to catch up: %s", e.toString());
            catchUpTargets.clear();
        }
        updateCaughtUp();
    }

    /** Called after a batch has been applied and acknowledged: {@code nextOffset} = last offset applied + 1. */
    public void applied(TopicPartition partition, long nextOffset) {
        if (caughtUp) {
            return;
        }
        Long target = catchUpTargets.get(partition);
        if (target != null && nextOffset >= target) {
            catchUpTargets.remove(partition, target);
        }
        updateCaughtUp();
    }

    private void updateCaughtUp() {
        if (caughtUp) {
            return;
        }
        if (catchUpTargets.isEmpty()) {
            caughtUp = true;
            LOG.infof("Caught up with the topic after start, in %d ms",
                    (System.nanoTime() - catchUpStartedNanos) / 1_000_000);
        } else if (System.nanoTime() - catchUpStartedNanos > catchUpTimeout.toNanos()) {
            caughtUp = true;
            LOG.warnf("Still behind %s after %s; reporting ready anyway", catchUpTargets, catchUpTimeout);
        }
    }

    /** The verdict for readiness, with a reason when not ready. */
    public Status status() {
        if (!caughtUp && assignedOnce) {
            updateCaughtUp();
        }
        String reason = null;
        if (!assignedOnce) {
            reason = "the consumer has not been given its partitions since start";
        } else if (betweenRevokeAndAssign) {
            reason = "the consumer is rebalancing (partitions revoked, not yet assigned)";
        } else if (!caughtUp) {
            reason = "catching up with the topic after start: " + catchUpTargets.size() + " partition(s) behind";
        }
        return new Status(reason == null, reason, Set.copyOf(assigned).size(), waitForCatchUp && caughtUp);
    }

    public record Status(boolean ready, String reason, int partitions, boolean caughtUp) {
    }
}
