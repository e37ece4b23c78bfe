package uk.gov.local.healthcheck.benchmark.perf;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.benchmark.aggregation.DfeEvents;
import uk.gov.local.healthcheck.benchmark.api.EventPublisher;
import uk.gov.local.healthcheck.benchmark.support.WithKafkaAndPostgres;
import uk.gov.local.healthcheck.events.AuthorityIndicators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static uk.gov.local.healthcheck.benchmark.api.EventPublisher.rate;

/**
 * Not a test: a benchmark, excluded from the default build (tag {@code benchmark}). Run with
 * <pre>./mvnw -B -o -pl benchmark-service verify -Dbenchmark.excluded=none -Dgroups=benchmark</pre>
 * It publishes the DfE file (~1,370 AuthorityIndicators events, 2017–2025) to the real broker while
 * <ol>
 *   <li>an open-loop load of 200 requests/s (one every 5 ms, independent of answers) alternates the indicator
 *       endpoint (all groups) and a council's comparison, and</li>
 *   <li>a probe publishes an event every 50 ms (at least 100 probes) and polls the benchmark until the new value shows: the delay from
 *       an indicator event to the updated benchmark.</li>
 * </ol>
 * Then it repeats the request load for 30 s with the data loaded. Figures go to stdout and
 * {@code target/benchmark-results.txt}.
 */
@Tag("benchmark")
@QuarkusTest
@WithKafkaAndPostgres
class LatencyBenchmarkTest {

    static final int RATE_PER_SECOND = 200;
    static final String PROBE_AUTHORITY = "E06000001";
    /** England's figure over fewer than 3 authorities is suppressed: two more, at 0 of 1000, keep it shown. */
    static final List<String> PROBE_COMPANIONS = List.of("E06000002", "E06000003");
    static final List<String> INDICATORS = List.of("turnover_rate", "agency_rate", "vacancy_rate", "absence_rate", "average_caseload");
    static final List<String> AUTHORITIES = List.of("E10000031", "E08000025", "E09000007", "E06000001", "E10000016",
            "E08000035", "E06000023", "E09000033", "E10000012", "E08000003");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(16)).connectTimeout(Duration.ofSeconds(5)).build();

    record Sample(String endpoint, long micros, int status) {
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void measure() throws Exception {
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<AuthorityIndicators> events = DfeEvents.all(prefix);
        String base = "http://localhost:" + RestAssured.port;
        StringBuilder report = new StringBuilder();

        // Warm up: a first year, so the endpoints have something to answer, and the JIT has run.
        try (EventPublisher publisher = new EventPublisher()) {
            events.stream().filter(e -> e.roundId().endsWith("2017")).forEach(publisher::publish);
            publisher.flush();
        }
        waitFor(base + "/api/v1/benchmarks/" + prefix + "2017/indicators/turnover_rate");
        runLoad(base, prefix, List.of(2017), Duration.ofSeconds(10), null);

        // Phase 1: the remaining ~1,230 events are loaded while requests and probes run.
        List<Long> probeDelays = Collections.synchronizedList(new ArrayList<>());
        String probeRound = prefix + "probe";
        CountDownLatch loaded = new CountDownLatch(1);
        Thread loader = new Thread(() -> {
            try (EventPublisher publisher = new EventPublisher()) {
                for (AuthorityIndicators e : events) {
                    if (!e.roundId().endsWith("2017")) {
                        publisher.publish(e);
                        Thread.sleep(4);  // ~250 events/s: the whole file in ~5 s, like a burst of returns
                    }
                }
                publisher.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                loaded.countDown();
            }
        });
        List<Throwable> probeFailures = Collections.synchronizedList(new ArrayList<>());
        Thread prober = new Thread(() -> probe(base, probeRound, loaded, probeDelays));
        prober.setUncaughtExceptionHandler((thread, failure) -> probeFailures.add(failure));
        loader.start();
        prober.start();
        List<Sample> during = runLoad(base, prefix, List.of(2017), null, loaded);
        prober.join();
        loader.join();
        if (!probeFailures.isEmpty()) {
            throw new AssertionError("the event -> benchmark probe failed", probeFailures.get(0));
        }
        report.append(summary("while ~1,230 events load (" + during.size() + " requests)", during));
        report.append(delays(probeDelays));

        // Phase 2: steady state, every year loaded.
        waitFor(base + "/api/v1/benchmarks/" + prefix + "2025/indicators/turnover_rate");
        List<Integer> years = List.of(2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025);
        List<Sample> steady = runLoad(base, prefix, years, Duration.ofSeconds(30), null);
        report.append(summary("steady state, 30 s at " + RATE_PER_SECOND + " req/s (" + steady.size() + " requests)", steady));

        System.out.println("\n==== benchmark-service latency ====\n" + report);
        Files.writeString(Path.of("target/benchmark-results.txt"), report.toString());
    }

    /** Open loop: one request every 5 ms whatever the answers, for {@code duration} or until {@code until} opens. */
    List<Sample> runLoad(String base, String prefix, List<Integer> years, Duration duration, CountDownLatch until)
            throws InterruptedException {
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Random random = new Random(42);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        timer.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            int year = years.get(random.nextInt(years.size()));
            boolean comparison = i % 2 == 1;
            String endpoint = comparison ? "comparison" : "indicator";
            String path = comparison
                    ? "/api/v1/benchmarks/" + prefix + year + "/authorities/" + AUTHORITIES.get(random.nextInt(AUTHORITIES.size()))
                    : "/api/v1/benchmarks/" + prefix + year + "/indicators/" + INDICATORS.get(random.nextInt(INDICATORS.size()));
            long start = System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        samples.add(new Sample(endpoint, (System.nanoTime() - start) / 1000,
                                failure == null ? response.statusCode() : -1));
                        done.incrementAndGet();
                    });
        }, 0, 1_000_000 / RATE_PER_SECOND, TimeUnit.MICROSECONDS);
        if (until != null) {
            until.await();
        } else {
            Thread.sleep(duration.toMillis());
        }
        timer.shutdownNow();
        long deadline = System.currentTimeMillis() + 15_000;
        while (done.get() < sent.get() - 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        return new ArrayList<>(samples);
    }

    /** Every 100 ms: publish a new revision with a new value, then poll (every 2 ms) until the benchmark shows it. */
    void probe(String base, String round, CountDownLatch loaded, List<Long> delays) {
        try (EventPublisher publisher = new EventPublisher()) {
            String url = base + "/api/v1/benchmarks/" + round + "/indicators/turnover_rate?group=national";
            for (String companion : PROBE_COMPANIONS) {
                publisher.publish(new AuthorityIndicators(round, "bench-probe", "2025", companion, 1, false,
                        OffsetDateTime.now(), List.of(rate("turnover_rate", "0", "1000", "lower-is-better"))));
            }
            for (int revision = 1; loaded.getCount() > 0 || revision <= 100; revision++) {
                String expected = "\"numerator\":" + revision + ",";
                long start = System.nanoTime();
                publisher.publish(new AuthorityIndicators(round, "bench-probe", "2025", PROBE_AUTHORITY, revision, false,
                        OffsetDateTime.now(), List.of(rate("turnover_rate", Integer.toString(revision), "1000", "lower-is-better"))));
                while (true) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains(expected)) {
                        delays.add((System.nanoTime() - start) / 1000);
                        break;
                    }
                    if (System.nanoTime() - start > 30_000_000_000L) {
                        throw new IllegalStateException("probe " + revision + " never showed: " + r.body());
                    }
                    Thread.sleep(2);
                }
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    void waitFor(String url) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("never answered: " + url);
    }

    static String summary(String title, List<Sample> samples) {
        StringBuilder s = new StringBuilder(title).append('\n');
        for (String endpoint : List.of("indicator", "comparison")) {
            Histogram micros = histogram(samples.stream().filter(x -> x.endpoint().equals(endpoint)).map(Sample::micros).toList());
            long errors = samples.stream().filter(x -> x.endpoint().equals(endpoint) && x.status() != 200).count();
            s.append(String.format(Locale.ROOT, "  %-10s n=%5d  p50=%7.2f ms  p99=%7.2f ms  max=%7.2f ms  non-200=%d%n",
                    endpoint, micros.getTotalCount(), millis(micros, 50), millis(micros, 99), millis(micros, 100), errors));
        }
        return s.toString();
    }

    static String delays(List<Long> delays) {
        Histogram micros = histogram(delays);
        return String.format(Locale.ROOT, "  event -> updated benchmark (probes n=%d): p50=%.1f ms  p99=%.1f ms  max=%.1f ms%n",
                micros.getTotalCount(), millis(micros, 50), millis(micros, 99), millis(micros, 100));
    }

    /** The latencies, in microseconds, in an HdrHistogram of 3 significant digits (a percentile within 0.1%). */
    static Histogram histogram(List<Long> micros) {
        Histogram histogram = new Histogram(3);
        micros.forEach(m -> histogram.recordValue(Math.max(0, m)));
        return histogram;
    }

    /** The percentile (0–100) of the histogram in ms, NaN when it is empty. */
    static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
    }
}
