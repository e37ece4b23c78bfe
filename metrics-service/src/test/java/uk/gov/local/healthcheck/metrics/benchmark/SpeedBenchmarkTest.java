package uk.gov.local.healthcheck.metrics.benchmark;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.metrics.support.Events;
import uk.gov.local.healthcheck.metrics.support.TestDatabase;
import uk.gov.local.healthcheck.metrics.support.WithKafkaAndPostgres;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Speed figures, not a timed test (excluded from the default run):
 * <pre>cd /work/main && ./mvnw -B -o -pl metrics-service verify -Dgroups=benchmark -DexcludedGroups= </pre>
 * <ol>
 *   <li>Latency: returns produced at a steady 200 per second; for each, the delay from the ReturnAccepted event's
 *       {@code time} to the broker timestamp of the AuthorityIndicators record published for it.</li>
 *   <li>Replay: a backlog of returns and practitioner responses; the live consumer's catch-up rate, then
 *       {@code POST /api/v1/admin/rebuild} and its records per second.</li>
 * </ol>
 * Sizes: -Dbenchmark.latency.seconds (default 20), -Dbenchmark.replay.events (default 15000).
 */
@Tag("benchmark")
@QuarkusTest
@WithKafkaAndPostgres
class SpeedBenchmarkTest {

    private static final int RATE = 200;
    private static final int AUTHORITIES = 150;

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static String servers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String code(int i) {
        return String.format("E0900%04d", i % AUTHORITIES);
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void latencyAndReplayThroughput() throws Exception {
        latency();
        replay();
    }

    private void latency() throws Exception {
        int seconds = Integer.getInteger("benchmark.latency.seconds", 20);
        int total = seconds * RATE;
        String round = "bench-latency";
        Map<String, NavigableMap<Integer, Instant>> sentAt = new HashMap<>();
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> consumer = indicatorsConsumer()) {
            // Warm-up: a few hundred returns first, not measured.
            for (int i = 0; i < 300; i++) {
                producer.send(new ProducerRecord<>(Topics.SUBMISSIONS, code(i), Events.accepted(Events.newId(),
                        "bench-warmup", Events.WORKFORCE, 1, "2024", code(i), i / AUTHORITIES + 1,
                        Events.answers("40"), OffsetDateTime.now())));
            }
            producer.flush();
            awaitProcessed("bench-warmup", AUTHORITIES);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + (long) i * 1_000_000_000L / RATE;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String code = code(i);
                int revision = i / AUTHORITIES + 1;
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                String instrument = i % 2 == 0 ? Events.WORKFORCE : Events.EMPLOYER;
                String r = i % 2 == 0 ? round : round + "-ehc";
                sentAt.computeIfAbsent(r + "/" + code, k -> new TreeMap<>()).put(revision, now.toInstant());
                producer.send(new ProducerRecord<>(Topics.SUBMISSIONS, code, Events.accepted(Events.newId(), r,
                        instrument, i % 2 == 0 ? 1 : 2018, "2024", code, revision,
                        i % 2 == 0 ? Events.answers("40") : Events.employerAnswers("yes"), now)));
            }
            producer.flush();
            double sendSeconds = (System.nanoTime() - start) / 1e9;

            List<Long> delays = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (delays.size() < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(200))) {
                    AuthorityIndicators a = EventJson.read(rec.value(), AuthorityIndicators.class).data();
                    // A publication carries every revision up to its own: a revision overtaken within one batch is
                    // published as part of the newer state, and its delay ends there.
                    NavigableMap<Integer, Instant> pending = sentAt.getOrDefault(a.roundId() + "/" + a.authorityCode(),
                            new TreeMap<>()).headMap(a.sourceRevision(), true);
                    pending.values().forEach(sent -> delays.add(rec.timestamp() - sent.toEpochMilli()));
                    pending.clear();
                }
            }
            Collections.sort(delays);
            System.out.printf("%n=== BENCHMARK latency: %d returns at %d/s (sent in %.1f s), %d publications matched%n",
                    total, RATE, sendSeconds, delays.size());
            System.out.printf("=== BENCHMARK latency ms: p50 %d, p95 %d, p99 %d, max %d%n", pct(delays, 50),
                    pct(delays, 95), pct(delays, 99), delays.get(delays.size() - 1));
            assertEquals(total, delays.size(), "every return published, itself or within a newer revision");
        }
    }

    private void replay() throws Exception {
        int events = Integer.getInteger("benchmark.replay.events", 15000);
        long before = processed();
        try (KafkaProducer<String, String> producer = producer()) {
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                String code = code(i);
                String json;
                if (i % 3 == 2) {
                    Map<String, Object> a = new HashMap<>();
                    a.put("std1.clear_framework", i % 5 == 0 ? "disagree" : "agree");
                    a.put("std3.workload_control", i % 7 == 0 ? "neither" : "strongly_agree");
                    a.put("std5.coaching", "agree");
                    a.put("culture.three_words", List.of("busy", "word" + (i % 11), "caring"));
                    json = Events.response(Events.newId(), "bench-practitioners", code, "b-" + i, a);
                } else {
                    json = Events.accepted(Events.newId(), "bench-replay-" + (i % 4), Events.WORKFORCE, 1, "2024",
                            code, i / AUTHORITIES + 1, Events.answers("40"), OffsetDateTime.now());
                }
                producer.send(new ProducerRecord<>(Topics.SUBMISSIONS, code, json));
            }
            producer.flush();
            System.out.printf("=== BENCHMARK backlog: %d events produced in %.1f s%n", events,
                    (System.nanoTime() - start) / 1e9);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (processed() - before < events && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            double live = (System.nanoTime() - start) / 1e9;
            System.out.printf("=== BENCHMARK live consumer: %d events applied in %.1f s = %.0f events/s "
                    + "(each committed and its publication acknowledged before the next)%n",
                    processed() - before, live, (processed() - before) / live);
        }
        long topicRecords = TestDatabase.count("select count(*) from processed_event")
                + TestDatabase.count("select count(*) from processed_response");
        given().post("/api/v1/admin/rebuild").then().statusCode(202);
        Map<String, Object> status;
        do {
            Thread.sleep(250);
            status = given().get("/api/v1/admin/rebuild").then().statusCode(200).extract().jsonPath().getMap("$");
        } while ("running".equals(status.get("state")));
        System.out.printf("=== BENCHMARK rebuild: %s%n", status);
        System.out.printf("=== BENCHMARK replay: %s records in %s s = %s events/s (%d processed rows before)%n",
                status.get("records"), status.get("replaySeconds"), status.get("eventsPerSecond"), topicRecords);
        assertEquals("completed", status.get("state"));
    }

    private static long processed() {
        return TestDatabase.count("select count(*) from processed_event")
                + TestDatabase.count("select count(*) from processed_response");
    }

    private static void awaitProcessed(String round, int authorities) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (TestDatabase.count("select count(*) from authority_round_state where round_id = ?", round) < authorities
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(2000);
    }

    private static KafkaConsumer<String, String> indicatorsConsumer() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATORS).stream()
                .map(i -> new TopicPartition(Topics.INDICATORS, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
