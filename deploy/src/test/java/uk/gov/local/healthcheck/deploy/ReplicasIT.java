package uk.gov.local.healthcheck.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.JSON;

/**
 * Issue 14: the whole platform with two replicas of each service and of the portal, behind HAProxy
 * ({@code deploy/platform up --replicas 2}), on ports and a run directory of its own (its own failsafe execution, so the
 * other ITs' platform is down by then). In order:
 * <ol>
 *   <li>the partitions of both consumer groups are shared: each metrics and benchmark replica owns some;</li>
 *   <li>6,000 practitioner responses and 300 workforce returns go through the load balancer while one metrics replica is
 *       killed ({@code kill -9}; the survivor then owns every partition) and later restarted, and one survey replica is
 *       killed in the middle of a batch sent to it; every request that got no 2xx is sent again, and survey must say it
 *       had stored none or all of it (never half a batch); then every response and return is counted exactly once in
 *       metrics-service and in the benchmarks;</li>
 *   <li>both benchmark replicas answer the same figures (byte-identical JSON) for every indicator of both rounds within
 *       2 s of the moment either first shows the final counts;</li>
 *   <li>the outbox relay, one replica at a time, published every event (each return's revisions in order), each once
 *       but for at most one batch in flight when its replica was killed;</li>
 *   <li>a rebuild through the load balancer, with both metrics replicas running, ends with the state it started from.</li>
 * </ol>
 * The figures go to stdout and {@code target/replicas-report.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    static final int REPLICAS = 2;
    /** deploy/platform: with replicas, instance i of a service listens on the service's port + i * 10. */
    static final int INSTANCE_PORT_STEP = 10;
    static final Path RUN_DIR = Path.of("target/replicas-it").toAbsolutePath();
    static final String LOG = "replicas-it-commands.log";
    // every port below 32768, out of Linux's ephemeral range: a client's local port there once took PostgreSQL's (35434)
    static final Map<String, String> ENV = RunningPlatform.environment(RUN_DIR, Map.of(
            "SURVEY_PORT", "18081", "METRICS_PORT", "18082", "BENCHMARK_PORT", "18083", "PORTAL_PORT", "18084",
            "KEYCLOAK_PORT", "18180", "KEYCLOAK_MANAGEMENT_PORT", "18190", "KAFKA_PORT", "19093", "POSTGRES_PORT", "15434",
            "HAPROXY_STATS_PORT", "18404"));
    static final String SURVEY = RunningPlatform.address(ENV, "SURVEY_PORT");
    static final String METRICS = RunningPlatform.address(ENV, "METRICS_PORT");
    static final String BENCHMARK = RunningPlatform.address(ENV, "BENCHMARK_PORT");
    static final String KAFKA_BOOTSTRAP = "127.0.0.1:" + ENV.get("KAFKA_PORT");

    /** 6,000 responses: 2,000 single, 60 batches of 50, and one batch of 1,000 sent to the survey replica that is killed. */
    static final int SINGLES = 2000;
    static final int BATCHES = 60;
    static final int BATCH_LINES = 50;
    static final int BIG_BATCH = 1000;
    static final int RESPONSES = SINGLES + BATCHES * BATCH_LINES + BIG_BATCH;
    /** 300 returns: three revisions from each of 100 councils. */
    static final int RETURN_AUTHORITIES = 100;
    static final int REVISIONS = 3;
    static final int OUTBOX_BATCH_SIZE = 500;
    static final Duration SAME_FIGURES_WITHIN = Duration.ofSeconds(2);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    static final List<String> REPORT = Collections.synchronizedList(new ArrayList<>());
    static final String STAMP = Long.toString(System.currentTimeMillis(), 36);
    static final String PRACTITIONER_ROUND = "replicas-practitioner-" + STAMP;
    static final String WORKFORCE_ROUND = "replicas-workforce-" + STAMP;
    private static String token;
    private static long tokenTakenAt;
    /** What survey stored in the end: responses per authority, and each council's last return (agency FTE). */
    static final Map<String, Integer> RESPONSES_STORED = new TreeMap<>();
    static final Map<String, Double> AGENCY_FTE = new TreeMap<>();

    /** lga1's access token, renewed every 3 minutes: the realm's tokens live 5, and this test runs longer. */
    static synchronized String token() throws Exception {
        if (token == null || System.nanoTime() - tokenTakenAt > TimeUnit.MINUTES.toNanos(3)) {
            token = RunningPlatform.token(ENV, LOG, "lga1");
            tokenTakenAt = System.nanoTime();
        }
        return token;
    }

    /** The address of a service's instance i (1-based), bypassing HAProxy: the service's port (a variable of ENV) + i * 10. */
    static String instance(String portVariable, int i) {
        return "http://127.0.0.1:" + (Integer.parseInt(ENV.get(portVariable)) + i * INSTANCE_PORT_STEP);
    }

    @BeforeAll
    static void startTwoReplicasOfEverything() throws Exception {
        // REPLICAS_IT_KEEP_PLATFORM=true leaves it running for the next run (to work on the test; its up is then instant)
        if (!"true".equals(System.getenv("REPLICAS_IT_KEEP_PLATFORM"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(ReplicasIT::down, "replicas-teardown"));
        }
        String up = platform(Duration.ofMinutes(30), "up", "--replicas", "" + REPLICAS);
        report("deploy/platform up --replicas 2:\n" + up.lines().filter(l -> l.contains("ready in") || l.startsWith("up:"))
                .map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
        createRound(PRACTITIONER_ROUND, "practitioner-survey", "2026");
        createRound(WORKFORCE_ROUND, "workforce-return", "2024");
    }

    @AfterAll
    static void writeReport() throws IOException {
        String text = String.join("\n", REPORT) + "\n";
        System.out.println("\n===== ReplicasIT =====\n" + text);
        Files.writeString(Path.of("target/replicas-report.txt"), text);
    }

    static void down() {
        try {
            platform(Duration.ofMinutes(4), "down", "--wipe");
        } catch (Exception e) {
            System.err.println("Could not stop the replicas platform: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ 1. partitions

    @Test
    @Order(1)
    void eachConsumerReplicaOwnsSomePartitions() throws Exception {
        try (Admin admin = kafkaAdmin()) {
            for (String group : List.of("metrics-service", "benchmark-service")) {
                Map<String, Integer> owned = until(Duration.ofSeconds(90), () -> {
                    Map<String, Integer> o = partitionsByMember(admin, group);
                    return o.size() == REPLICAS && o.values().stream().allMatch(n -> n > 0) ? o : null;
                }, group + ": two members each owning partitions");
                report("partitions of " + group + ": " + owned);
                assertEquals(6, owned.values().stream().mapToInt(Integer::intValue).sum(), group + ": " + owned);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ 2. load and kills

    @Test
    @Order(2)
    void everyResponseAndReturnIsCountedOnceThroughKills() throws Exception {
        Load load = new Load();
        long started = System.nanoTime();
        load.start();
        Thread.sleep(8000);

        // a metrics replica dies; the survivor takes its partitions (after the session timeout), then it comes back
        long metricsPid = kill9("metrics#2");
        report("kill -9 metrics#2 (pid " + metricsPid + ") at " + seconds(started) + " s");
        try (Admin admin = kafkaAdmin()) {
            long killed = System.nanoTime();
            Map<String, Integer> survivor = until(Duration.ofSeconds(60), () -> {
                Map<String, Integer> o = partitionsByMember(admin, "metrics-service");
                return o.size() == 1 && o.values().iterator().next() == 6 ? o : null;
            }, "the surviving metrics replica owning all 6 partitions");
            report("  the survivor owned all partitions " + seconds(killed) + " s after the kill: " + survivor);
        }

        // a survey replica dies while a large batch sent to it is being stored
        Sent big = new Sent(load.lines(BIG_BATCH), true, instance("SURVEY_PORT", 2));
        load.send(big);
        Thread.sleep(700);
        boolean answered = big.done.isDone();
        long surveyPid = kill9("survey#2");
        report("kill -9 survey#2 (pid " + surveyPid + ") at " + seconds(started) + " s; its " + BIG_BATCH + "-line batch "
                + (answered ? "was answered before the kill: " + big.outcome() : "was in flight"));

        long restart = System.nanoTime();
        platform(Duration.ofMinutes(5), "start", "metrics#2");
        report("metrics#2 ready again in " + seconds(restart) + " s");
        restart = System.nanoTime();
        platform(Duration.ofMinutes(5), "start", "survey#2");
        report("survey#2 ready again in " + seconds(restart) + " s");

        load.finish();
        report("load: " + load.sent.size() + " requests (" + RESPONSES + " responses, " + RETURN_AUTHORITIES * REVISIONS
                + " returns) in " + seconds(started) + " s; outcomes " + load.outcomes());

        // every request that got no 2xx is sent again: survey must have stored all or none of it
        Map<String, Integer> resent = new TreeMap<>();
        for (Sent s : load.sent) {
            if (!s.succeeded()) {
                String again = s.resentAs != null ? s.resentAs : load.resend(s);
                resent.merge(again, s.lines.size(), Integer::sum);
                assertTrue(again.equals(Resubmission.ABSENT) || again.equals(Resubmission.STORED_ALREADY) || again.equals(Resubmission.RETURN_STORED),
                        "a request answered " + s.outcome() + " and sent again: " + again);
            }
        }
        report("sent again (no 2xx the first time), by what survey had: " + resent);
        for (Sent s : load.sent) {
            if (!s.isReturn) {
                for (Line line : s.lines) {
                    RESPONSES_STORED.merge(line.authority(), 1, Integer::sum);
                }
            }
        }
        assertEquals(RESPONSES, RESPONSES_STORED.values().stream().mapToInt(Integer::intValue).sum());
        AGENCY_FTE.putAll(load.lastAgencyFte);
        assertEquals(RETURN_AUTHORITIES, AGENCY_FTE.size());
        for (Map.Entry<String, Double> e : AGENCY_FTE.entrySet()) {
            JsonNode stored = json(SURVEY + "/api/v1/rounds/" + WORKFORCE_ROUND + "/returns/" + e.getKey());
            assertEquals(e.getValue(), stored.path("answers").path("staff.agency_fte").asDouble(-1), e.getKey() + ": the return survey holds");
        }

        long counting = System.nanoTime();
        String[] last = {""};
        String mismatch = until(Duration.ofSeconds(120), () -> {
            last[0] = countMismatch(METRICS, BENCHMARK);
            return last[0].isEmpty() ? last[0] : null;
        }, () -> "metrics and benchmark counting every response and return once; last seen: " + last[0]);
        report("every response and return counted in metrics and benchmark " + seconds(counting) + " s after the last resend" + mismatch);
        Thread.sleep(3000);
        assertEquals("", countMismatch(METRICS, BENCHMARK), "the counts changed after agreeing (counted twice?)");
    }

    /**
     * "" when metrics-service counts exactly what survey stored (each authority's responses; each council's return at the
     * revision survey holds) and the benchmark's England figures agree (respondents; agency FTE summed over the councils).
     */
    static String countMismatch(String metrics, String benchmark) {
        List<String> wrong = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Integer> e : RESPONSES_STORED.entrySet()) {
            total += e.getValue();
            int counted = json(metrics + "/api/v1/authorities/" + e.getKey() + "/indicators?round=" + PRACTITIONER_ROUND).path("revision").asInt(-1);
            if (counted != e.getValue()) {
                wrong.add(e.getKey() + ": metrics counts " + counted + " of " + e.getValue() + " responses");
            }
        }
        int respondents = FaultIT.respondents(json(benchmark + "/api/v1/benchmarks/" + PRACTITIONER_ROUND + "/indicators/"
                + Load.STATEMENT), "national");
        if (respondents != total) {
            wrong.add("England's respondents in the benchmark " + respondents + " of " + total);
        }
        double agency = 0;
        int councils = 0;
        for (Map.Entry<String, Double> e : AGENCY_FTE.entrySet()) {
            agency += e.getValue();
            councils++;
            int stored = json(SURVEY + "/api/v1/rounds/" + WORKFORCE_ROUND + "/returns/" + e.getKey()).path("revision").asInt(-2);
            int counted = json(metrics + "/api/v1/authorities/" + e.getKey() + "/indicators?round=" + WORKFORCE_ROUND).path("revision").asInt(-1);
            if (counted != stored) {
                wrong.add(e.getKey() + ": metrics has return revision " + counted + ", survey " + stored);
            }
        }
        JsonNode england = json(benchmark + "/api/v1/benchmarks/" + WORKFORCE_ROUND + "/indicators/agency_rate").path("national");
        if (england.path("n").asInt(-1) != councils || Math.abs(england.path("numerator").asDouble(-1) - agency) > 1e-6) {
            wrong.add("England's agency_rate in the benchmark: n " + england.path("n") + " numerator " + england.path("numerator")
                    + ", expected " + councils + " and " + agency);
        }
        return wrong.isEmpty() ? "" : String.join("; ", wrong.subList(0, Math.min(8, wrong.size())));
    }

    // ------------------------------------------------------------------------------------------------ 3. same figures

    @Test
    @Order(3)
    void bothBenchmarkReplicasAnswerTheSameFigures() throws Exception {
        String one = instance("BENCHMARK_PORT", 1);
        String two = instance("BENCHMARK_PORT", 2);
        List<String> urls = new ArrayList<>();
        for (String indicator : indicatorsOf(WORKFORCE_ROUND)) {
            urls.add("/api/v1/benchmarks/" + WORKFORCE_ROUND + "/indicators/" + indicator);
        }
        for (String indicator : indicatorsOf(PRACTITIONER_ROUND)) {
            urls.add("/api/v1/benchmarks/" + PRACTITIONER_ROUND + "/indicators/" + indicator);
        }
        assertTrue(urls.size() > 10, "indicators of the two rounds: " + urls);
        assertEquals("", firstDifference(urls, one, two), "the benchmark replicas differ after the load");

        // one last event: a council's fourth revision. The replica that owns its partition applies it; the other must
        // serve the same figures (it reads the shared tables through its catalog refresh) within 2 s of that.
        String council = AGENCY_FTE.keySet().iterator().next();
        double agency = AGENCY_FTE.get(council) + 7;
        HttpResponse<String> put = send("PUT", SURVEY + "/api/v1/rounds/" + WORKFORCE_ROUND + "/returns/" + council,
                "{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":180,\"staff.fte\":170.5,\"staff.agency_headcount\":40,"
                        + "\"staff.agency_fte\":" + agency + ",\"staff.vacancies_fte\":25,\"flows.leavers_fte\":30.2}}", "application/json");
        assertEquals(200, put.statusCode(), put.body());
        long sent = System.nanoTime();
        AGENCY_FTE.put(council, agency);
        String agencyRate = "/api/v1/benchmarks/" + WORKFORCE_ROUND + "/indicators/agency_rate";
        double expected = AGENCY_FTE.values().stream().mapToDouble(Double::doubleValue).sum();
        long first = until(Duration.ofSeconds(60), () -> hasNumerator(one + agencyRate, expected) || hasNumerator(two + agencyRate, expected)
                ? System.nanoTime() : null, "a benchmark replica applying the last event");
        long same = until(Duration.ofSeconds(30), () -> withoutTimestamps(body(one + agencyRate)).equals(withoutTimestamps(body(two + agencyRate)))
                ? System.nanoTime() : null, "both benchmark replicas serving the same agency_rate");
        double lag = (same - first) / 1e9;
        report(String.format(java.util.Locale.ROOT, "last event: applied by one benchmark replica %.2f s after survey's answer; the other"
                + " served the same agency_rate %.2f s later", (first - sent) / 1e9, lag));
        assertTrue(lag <= SAME_FIGURES_WITHIN.toMillis() / 1000.0, "the second benchmark replica caught up after " + lag + " s");
        assertEquals("", firstDifference(urls, one, two), "the benchmark replicas differ after the last event");
        report("both benchmark replicas serve byte-identical JSON for " + urls.size() + " indicators of the two rounds (every group)");
        assertEquals("", countMismatch(METRICS, BENCHMARK));
    }

    static boolean hasNumerator(String url, double expected) {
        return Math.abs(json(url).path("national").path("numerator").asDouble(-1) - expected) < 1e-6;
    }

    static String firstDifference(List<String> urls, String one, String two) {
        for (String url : urls) {
            String a = withoutTimestamps(body(one + url));
            String b = withoutTimestamps(body(two + url));
            if (!a.equals(b)) {
                return url + ": benchmark#1 " + abbreviate(a) + " / benchmark#2 " + abbreviate(b);
            }
        }
        return "";
    }

    /** The indicators the benchmark has for a round (from an authority's comparison, which lists them all). */
    static List<String> indicatorsOf(String round) {
        String authority = round.equals(WORKFORCE_ROUND) ? AGENCY_FTE.keySet().iterator().next() : RESPONSES_STORED.keySet().iterator().next();
        Set<String> ids = new TreeSet<>();
        json(BENCHMARK + "/api/v1/benchmarks/" + round + "/authorities/" + authority).path("indicators")
                .forEach(i -> ids.add(i.path("indicator").asText()));
        ids.remove("");
        return List.copyOf(ids);
    }

    // ------------------------------------------------------------------------------------------------ 4. the outbox

    @Test
    @Order(4)
    void theOutboxPublishedEveryEventOnceAndInOrder() throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        Map<String, List<Integer>> revisionsOnTopic = new TreeMap<>();
        int records = 0;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA_BOOTSTRAP);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor("survey.submissions.v1").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode event = JSON.readTree(r.value());
                    String subject = event.path("subject").asText();
                    if (!subject.startsWith("rounds/" + PRACTITIONER_ROUND + "/") && !subject.startsWith("rounds/" + WORKFORCE_ROUND + "/")) {
                        continue;
                    }
                    records++;
                    if (copies.merge(event.path("id").asText(), 1, Integer::sum) == 1 && subject.contains("/returns/")) {
                        revisionsOnTopic.computeIfAbsent(subject, k -> new ArrayList<>()).add(event.path("data").path("revision").asInt());
                    }
                }
            }
        }
        int expected = RESPONSES;
        for (String authority : AGENCY_FTE.keySet()) {
            expected += json(SURVEY + "/api/v1/rounds/" + WORKFORCE_ROUND + "/returns/" + authority).path("revision").asInt();
        }
        long twice = copies.values().stream().filter(n -> n > 1).count();
        report("outbox: " + records + " records on survey.submissions.v1 for the two rounds, " + copies.size()
                + " distinct events (expected " + expected + "); published more than once: " + twice);
        assertEquals(expected, copies.size(), "every stored response and return revision published");
        assertTrue(copies.values().stream().allMatch(n -> n <= 2) && twice <= OUTBOX_BATCH_SIZE,
                "at most the one batch in flight when a relay was killed is published again: " + twice + " events");
        revisionsOnTopic.forEach((subject, revisions) -> {
            List<Integer> sorted = new ArrayList<>(revisions);
            Collections.sort(sorted);
            assertEquals(sorted, revisions, subject + ": revisions published out of order (two relays at once?)");
        });
    }

    // ------------------------------------------------------------------------------------------------ 5. rebuild

    @Test
    @Order(5)
    void aRebuildWithTwoMetricsReplicasEndsWhereItStarted() throws Exception {
        Map<String, String> before = metricsState();
        HttpResponse<String> started = send("POST", METRICS + "/api/v1/admin/rebuild", null, null);
        assertEquals(202, started.statusCode(), started.body());
        String id = JSON.readTree(started.body()).path("id").asText();
        long t0 = System.nanoTime();
        JsonNode status = until(Duration.ofMinutes(5), () -> {
            JsonNode s = json(METRICS + "/api/v1/admin/rebuild");
            return id.equals(s.path("id").asText()) && !"running".equals(s.path("state").asText()) ? s : null;
        }, "the rebuild to finish (its status asked through the load balancer)");
        report("rebuild through HAProxy with 2 metrics replicas: " + status.path("state").asText() + " in " + seconds(t0) + " s, "
                + status.path("records").asText() + " records");
        assertEquals("completed", status.path("state").asText(), status.toString());
        assertEquals(before, metricsState(), "metrics' state after the rebuild");
        assertEquals("", countMismatch(METRICS, BENCHMARK));
    }

    /** Every authority's indicators in both rounds as metrics serves them, without the time they were computed. */
    static Map<String, String> metricsState() {
        Map<String, String> state = new TreeMap<>();
        for (String authority : RESPONSES_STORED.keySet()) {
            state.put(PRACTITIONER_ROUND + "/" + authority, withoutTimestamps(body(METRICS + "/api/v1/authorities/" + authority
                    + "/indicators?round=" + PRACTITIONER_ROUND)));
        }
        for (String authority : AGENCY_FTE.keySet()) {
            state.put(WORKFORCE_ROUND + "/" + authority, withoutTimestamps(body(METRICS + "/api/v1/authorities/" + authority
                    + "/indicators?round=" + WORKFORCE_ROUND)));
        }
        return state;
    }

    // ------------------------------------------------------------------------------------------------ the load

    record Line(String authority, String id, String json) {
    }

    /** One request: a single response, a batch, or a return (PUT). */
    static final class Sent {
        final List<Line> lines;
        final boolean batch;
        final boolean isReturn;
        final String url;
        final String body;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile int status = -1;
        volatile String error;
        volatile String answer = "";
        /** For a return without a 2xx: what sending it again found, at once, before the council's next revision. */
        volatile String resentAs;

        Sent(List<Line> lines, boolean batch, String base) {
            this.lines = lines;
            this.batch = batch;
            this.isReturn = false;
            this.url = base + "/api/v1/rounds/" + PRACTITIONER_ROUND + "/responses" + (batch ? "/batch" : "");
            this.body = batch ? String.join("\n", lines.stream().map(Line::json).toList()) + "\n" : lines.get(0).json();
        }

        Sent(String authority, String body) {
            this.lines = List.of(new Line(authority, "", body));
            this.batch = false;
            this.isReturn = true;
            this.url = SURVEY + "/api/v1/rounds/" + WORKFORCE_ROUND + "/returns/" + authority;
            this.body = body;
        }

        boolean succeeded() {
            if (status < 200 || status >= 300) {
                return false;
            }
            if (!batch) {
                return true;
            }
            try {
                for (JsonNode line : JSON.readTree(answer).path("results")) {
                    if (!"accepted".equals(line.path("status").asText())) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        String outcome() {
            return error != null ? error : Integer.toString(status);
        }
    }

    /**
     * Responses (singles and batches from nine councils, three per region, so the regions' figures are shown) and returns
     * (each council's three revisions in turn), through HAProxy, at a bounded rate, from a few client threads.
     */
    static final class Load {
        static final String STATEMENT = "std1.clear_framework";
        final List<String> authorities = List.copyOf(FaultIT.REGION_OF.keySet());
        final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Double> lastAgencyFte = new java.util.concurrent.ConcurrentHashMap<>();
        final ExecutorService clients = Executors.newFixedThreadPool(12);
        final List<java.util.concurrent.Future<?>> streams = new ArrayList<>();
        int seq;

        synchronized List<Line> lines(int n) {
            List<Line> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = seq++;
                String authority = authorities.get(k % authorities.size());
                String id = "replicas-" + STAMP + "-" + k;
                lines.add(new Line(authority, id, "{\"responseId\":\"" + id + "\",\"authorityCode\":\"" + authority + "\",\"answers\":{"
                        + "\"profile.role\":\"social_worker\",\"profile.service\":\"children\",\"" + STATEMENT + "\":\""
                        + (k % 3 == 0 ? "disagree" : "agree") + "\"}}"));
            }
            return lines;
        }

        void start() {
            // singles, ~40 a second; batches, ~1.5 a second; returns, ~6 a second: about 50 s in all
            streams.add(clients.submit(() -> paced(SINGLES, 25, () -> send(new Sent(lines(1), false, SURVEY)))));
            streams.add(clients.submit(() -> paced(BATCHES, 650, () -> send(new Sent(lines(BATCH_LINES), true, SURVEY)))));
            List<String> councils = councilsIn(2024, RETURN_AUTHORITIES);
            for (int r = 1; r <= REVISIONS; r++) {
                int revision = r;
                streams.add(clients.submit(() -> {
                    for (String council : councils) {
                        Thread.sleep(50);
                        // a council's revision r+1 only once its revision r was answered (as an HR system would)
                        double agency = 5 + (council.hashCode() & 0xf) + revision;
                        Sent s = new Sent(council, "{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":180,\"staff.fte\":170.5,"
                                + "\"staff.agency_headcount\":40,\"staff.agency_fte\":" + agency + ",\"staff.vacancies_fte\":25,"
                                + "\"flows.leavers_fte\":30.2}}");
                        waitForRevision(council, revision - 1);
                        send(s).join();
                        if (!s.succeeded()) {
                            // as an HR system would: this revision again, until stored, before the next one
                            s.resentAs = resend(s);
                        }
                        if (revision == REVISIONS) {
                            lastAgencyFte.put(council, agency);
                        }
                        revisionsDone.merge(council, revision, Math::max);
                    }
                    return null;
                }));
            }
        }

        final Map<String, Integer> revisionsDone = new java.util.concurrent.ConcurrentHashMap<>();

        void waitForRevision(String council, int revision) throws InterruptedException {
            while (revision > 0 && revisionsDone.getOrDefault(council, 0) < revision) {
                Thread.sleep(20);
            }
        }

        CompletableFuture<Void> send(Sent s) {
            sent.add(s);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + bearer())
                    .header("Content-Type", s.isReturn || !s.batch ? "application/json" : "application/x-ndjson");
            b = s.isReturn ? b.PUT(HttpRequest.BodyPublishers.ofString(s.body)) : b.POST(HttpRequest.BodyPublishers.ofString(s.body));
            HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e != null) {
                    s.error = Resubmission.classify(e);
                } else {
                    s.status = r.statusCode();
                    s.answer = r.body();
                }
                s.done.complete(null);
            });
            return s.done;
        }

        /** Sends {@code n} requests {@code everyMs} apart (without waiting for the answers). */
        static Void paced(int n, long everyMs, Runnable send) throws InterruptedException {
            for (int i = 0; i < n; i++) {
                send.run();
                Thread.sleep(everyMs);
            }
            return null;
        }

        void finish() throws Exception {
            for (java.util.concurrent.Future<?> stream : streams) {
                stream.get(10, TimeUnit.MINUTES);
            }
            List<CompletableFuture<Void>> pending;
            synchronized (sent) {
                pending = sent.stream().map(s -> s.done).toList();
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            clients.shutdown();
        }

        Map<String, Integer> outcomes() {
            Map<String, Integer> o = new TreeMap<>();
            synchronized (sent) {
                sent.forEach(s -> o.merge((s.isReturn ? "return " : s.batch ? "batch " : "single ") + s.outcome(), 1, Integer::sum));
            }
            return o;
        }

        /**
         * Sends a request that got no 2xx again through HAProxy until survey takes it ({@link Resubmission}): "absent" when
         * survey had stored none of it, "stored already" when all of it, "half stored" when a batch was partly stored; for
         * a return, "return stored".
         */
        String resend(Sent s) throws Exception {
            String url = s.isReturn ? s.url : SURVEY + "/api/v1/rounds/" + PRACTITIONER_ROUND + "/responses" + (s.batch ? "/batch" : "");
            Resubmission.Outcome again = Resubmission.sendAgain(
                    s.isReturn ? Resubmission.Kind.RETURN : s.batch ? Resubmission.Kind.BATCH : Resubmission.Kind.RESPONSE,
                    () -> ReplicasIT.send(s.isReturn ? "PUT" : "POST", url, s.body, s.isReturn || !s.batch ? "application/json" : "application/x-ndjson"));
            if (!again.taken()) {
                return "not stored again: " + again.lastAnswer();
            }
            return again.had().size() == 1 ? again.had().keySet().iterator().next() : "half stored " + again.had();
        }
    }

    /** The first {@code n} councils (GSS code order) that exist in the return's period, from the reference module's register. */
    static List<String> councilsIn(int year, int n) {
        return uk.gov.local.healthcheck.reference.authorities.AuthorityRegister.fromClasspath().all().stream()
                .filter(a -> uk.gov.local.healthcheck.reference.authorities.AuthorityRegister.existsIn(a, year))
                .map(a -> a.gssCode()).sorted().limit(n).toList();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static String platform(Duration timeout, String... args) throws Exception {
        return RunningPlatform.platform(ENV, LOG, timeout, args);
    }

    /** kill -9 of one instance (by its PID file), waiting until it is gone; returns its PID. */
    static long kill9(String instance) throws Exception {
        String file = instance.replace('#', '-');
        long pid = Long.parseLong(Files.readAllLines(RUN_DIR.resolve("pids/" + file + ".pid")).get(0).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(instance + " (pid " + pid + ") is not running"));
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor());
        process.onExit().get(30, TimeUnit.SECONDS);
        return pid;
    }

    static Admin kafkaAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA_BOOTSTRAP));
    }

    /** The group's members (client id and host) and how many partitions each is assigned. */
    static Map<String, Integer> partitionsByMember(Admin admin, String group) {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
            Map<String, Integer> owned = new LinkedHashMap<>();
            for (MemberDescription m : d.members()) {
                owned.put(m.groupInstanceId().orElse(m.consumerId()), m.assignment().topicPartitions().size());
            }
            return owned;
        } catch (Exception e) {
            return Map.of();
        }
    }

    static void createRound(String id, String instrument, String period) throws Exception {
        HttpResponse<String> r = send("POST", SURVEY + "/api/v1/rounds", "{\"id\":\"" + id + "\",\"instrument\":\"" + instrument
                + "\",\"period\":\"" + period + "\"," + RunningPlatform.roundDates(1) + "}", "application/json");
        assertEquals(201, r.statusCode(), "round " + id + ": " + r.body());
    }

    static HttpResponse<String> send(String method, String url, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + bearer());
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** token(), for callers that cannot throw: a token that cannot be had fails the test at once. */
    static String bearer() {
        try {
            return token();
        } catch (Exception e) {
            throw new AssertionError("no token for lga1: " + e.getMessage(), e);
        }
    }

    static String body(String url) {
        try {
            HttpResponse<String> r = send("GET", url, null, null);
            return r.statusCode() + " " + r.body();
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    static JsonNode json(String url) {
        try {
            HttpResponse<String> r = send("GET", url, null, null);
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
        } catch (IOException | InterruptedException e) {
            return JSON.createObjectNode();
        }
    }

    /** The JSON with every field whose name ends in "At" (computedAt, updatedAt...) removed. */
    static String withoutTimestamps(String statusAndBody) {
        int space = statusAndBody.indexOf(' ');
        try {
            JsonNode node = JSON.readTree(statusAndBody.substring(space + 1));
            strip(node);
            return statusAndBody.substring(0, space) + " " + JSON.writeValueAsString(node);
        } catch (Exception e) {
            return statusAndBody;
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> times = new ArrayList<>();
            o.fieldNames().forEachRemaining(f -> {
                if (f.endsWith("At")) {
                    times.add(f);
                }
            });
            o.remove(times);
        }
        node.forEach(ReplicasIT::strip);
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls every 100 ms until the probe answers non-null; fails naming what did not happen. */
    static <T> T until(Duration limit, Probe<T> probe, String what) throws Exception {
        return until(limit, probe, () -> what);
    }

    /** The same, the failure saying {@code what} as it stands then (e.g. the last difference seen). */
    static <T> T until(Duration limit, Probe<T> probe, java.util.function.Supplier<String> what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        return fail("not within " + limit.toSeconds() + " s: " + what.get());
    }

    static void report(String line) {
        REPORT.add(line);
        System.out.println("[replicas] " + line);
    }

    static String seconds(long since) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
