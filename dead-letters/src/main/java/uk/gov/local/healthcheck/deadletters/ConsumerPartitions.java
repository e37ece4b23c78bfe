package uk.gov.local.healthcheck.deadletters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which partitions the service's consumer holds: the rebalance listener of its incoming channel
 * ({@code mp.messaging.incoming.<channel>.consumer-rebalance-listener.name=healthcheck-partitions}). Holds them =
 * has completed a rebalance since start (possibly with no partition due to it) and is not between a revocation and
 * the next assignment. Gauge {@code healthcheck_consumer_partitions_assigned{consumer}}.
 */
@ApplicationScoped
@Identifier(ConsumerPartitions.NAME)
@RequiredArgsConstructor
public class ConsumerPartitions implements KafkaConsumerRebalanceListener {

    public static final String NAME = "healthcheck-partitions";
    private static final Logger LOG = Logger.getLogger(ConsumerPartitions.class);

    private final ConsumerName consumer;
    private final MeterRegistry registry;

    /** Per consumer (one per channel copy): its partitions, or null between a revocation and the next assignment. */
    private final Map<Object, Set<TopicPartition>> held = new ConcurrentHashMap<>();
    private final Set<Object> between = ConcurrentHashMap.newKeySet();
    private volatile boolean gaugeRegistered;
    private volatile Gauge gauge;

    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent e) {
        Gauge registered = gauge;
        if (registered != null) {
            registry.remove(registered);
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        registerGauge();
        held.put(key(consumer), Set.copyOf(partitions));
        between.remove(key(consumer));
        LOG.infof("Partitions assigned: %s", partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        registerGauge();
        between.add(key(consumer));
        held.put(key(consumer), Set.of());
        LOG.infof("Partitions revoked: %s", partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }

    /** Whether every consumer completed a rebalance since start and none is between revoke and assign. */
    public boolean holdsPartitions() {
        return !held.isEmpty() && between.isEmpty();
    }

    /** Whether the listener has been called at all (it is configured on a channel). */
    public boolean seen() {
        return !held.isEmpty();
    }

    public int assigned() {
        return held.values().stream().mapToInt(Set::size).sum();
    }

    private static Object key(Consumer<?, ?> consumer) {
        return System.identityHashCode(consumer);
    }

    private void registerGauge() {
        if (!gaugeRegistered) {
            synchronized (this) {
                if (!gaugeRegistered) {
                    // strong: a gauge holds its object weakly, and one whose object was collected drops out of
                    // /q/metrics; removed at shutdown so that an application started again in the same JVM (tests)
                    // registers its own instead of finding this one
                    gauge = Gauge.builder("healthcheck.consumer.partitions.assigned", this, ConsumerPartitions::assigned)
                            .description("Partitions of the incoming topic this instance holds").strongReference(true)
                            .tag("consumer", consumer.value()).register(registry);
                    gaugeRegistered = true;
                }
            }
        }
    }
}
