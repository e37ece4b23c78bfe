package uk.gov.local.healthcheck.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Submits practitioner responses (one per request, or NDJSON batches) or workforce returns to a running platform at
 * a fixed rate, and reports the throughput achieved and latency percentiles. Open-loop: each request's latency is
 * measured from when it was due, not when it was sent, so a slow server cannot hide its queueing (coordinated
 * omission). Every run creates its own round, so runs never collide. Usage: docs/load-testing.md.
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LIKERT = List.of("strongly_agree", "agree", "neither", "disagree", "strongly_disagree", "not_applicable");
    private static final List<String> STATEMENTS = List.of("std1.clear_framework", "std1.safe_practice", "std1.senior_managers_accessible",
            "std2.effective_induction", "std3.workload_control", "std3.fair_allocation", "std4.safety_concerns", "std4.wellbeing_help",
            "std4.wellbeing_time", "std5.skilled_supervisor", "std5.coaching", "std5.cared_for", "std5.raise_concerns",
            "std6.cpd_needs", "std6.cpd_time", "std6.cpd_satisfied", "std6.educator_policies", "std7.registration_support",
            "std8.partnership_opportunities");
    /** Authorities that existed in 2025, the year of the rounds this tool creates. */
    private static final List<String> AUTHORITIES = List.of("E10000031", "E08000025", "E09000001", "E06000001", "E10000003");

    private static final long REQUEST_TIMEOUT_MILLIS = 60_000;

    private final Options options;
    /** For the few set-up calls (token, round). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * For the load itself: Netty on one event loop, keep-alive connections up to --max-in-flight. The JDK's client
     * used half a core at 300 requests/s, taken from the two cores the platform under test runs on.
     */
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final io.vertx.core.http.HttpClient requests;
    private LatencyRecorder recorder = new LatencyRecorder();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile String token;
    private Instant tokenFetched;

    LoadGenerator(Options options) {
        this.options = options;
        this.requests = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(options.pacing().maxInFlight()));
    }

    /** Exit status 0 after the run, 1 if it failed, 2 on bad usage ({@code --help} lists the options). */
    public static void main(String[] args) {
        System.exit(Cli.of(new Options()).execute(args));
    }

    void run() throws Exception {
        token = fetchToken();
        String round = createRound();
        int perRequest = options.mode().equals("batch") ? options.batchSize() : 1;
        double requestsPerSecond = options.pacing().rate() / perRequest;
        System.out.printf("mode=%s round=%s target=%.0f submissions/s (%.1f requests/s of %d) for %ds after %ds of warm-up, max %d in flight%n",
                options.mode(), round, options.pacing().rate(), requestsPerSecond, perRequest, options.pacing().duration().toSeconds(),
                options.pacing().warmup().toSeconds(), options.pacing().maxInFlight());
        if (!options.pacing().warmup().isZero()) {
            // The same load, unrecorded: lets the server's JIT compile its hot paths before anything is measured.
            drive(round, perRequest, requestsPerSecond, options.pacing().warmup());
            recorder = new LatencyRecorder();
        }
        double elapsed = drive(round, perRequest, requestsPerSecond, options.pacing().duration());
        report(elapsed, perRequest);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Sends at the fixed rate for the duration and waits for every answer; returns the seconds it took. */
    private double drive(String round, int perRequest, double requestsPerSecond, Duration duration) throws Exception {
        return OpenLoop.drive(requestsPerSecond, duration, options.pacing().maxInFlight(), (i, due) -> {
            renewOldToken();
            return send(round, perRequest, due);
        });
    }

    private void renewOldToken() {
        if (Duration.between(tokenFetched, Instant.now()).toSeconds() > 240) {   // tokens live 300 s
            try {
                token = fetchToken();
            } catch (Exception e) {
                throw new IllegalStateException("Could not renew the token", e);
            }
        }
    }

    /** One request of the load: where it goes and what it carries. */
    private record Call(RequestOptions request, String body) {
    }

    private CompletableFuture<Void> send(String round, int perRequest, long dueNanos) {
        String rounds = "/api/v1/rounds/" + round;
        Call call = switch (options.mode()) {
            case "responses" -> new Call(request(HttpMethod.POST, rounds + "/responses", "application/json"), response());
            case "batch" -> new Call(request(HttpMethod.POST, rounds + "/responses/batch", "application/x-ndjson"),
                    java.util.stream.IntStream.range(0, perRequest).mapToObj(i -> response()).collect(Collectors.joining("\n")));
            default -> new Call(request(HttpMethod.PUT, rounds + "/returns/"
                    + AUTHORITIES.get(sequence.getAndIncrement() % AUTHORITIES.size()), "application/json"), workforceReturn());
        };
        CompletableFuture<Void> done = new CompletableFuture<>();
        requests.request(call.request())
                .compose(r -> r.send(Buffer.buffer(call.body())))
                .compose(r -> r.body().map(ignored -> r.statusCode()))
                .onComplete(outcome -> {
                    long micros = (System.nanoTime() - dueNanos) / 1000;
                    recorder.record(micros, outcome.succeeded() ? String.valueOf(outcome.result())
                            : outcome.cause().getClass().getSimpleName());
                    done.complete(null);
                });
        return done;
    }

    private RequestOptions request(HttpMethod method, String path, String contentType) {
        return new RequestOptions().setMethod(method).setAbsoluteURI(options.survey() + path).setTimeout(REQUEST_TIMEOUT_MILLIS)
                .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", contentType);
    }

    private String response() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder answers = new StringBuilder("{\"profile.role\":\"social_worker\",\"profile.service\":\"children\"");
        for (String statement : STATEMENTS) {
            answers.append(",\"").append(statement).append("\":\"").append(LIKERT.get(r.nextInt(LIKERT.size()))).append('"');
        }
        answers.append('}');
        return "{\"responseId\":\"" + UUID.randomUUID() + "\",\"authorityCode\":\"" + options.authority() + "\",\"answers\":" + answers + "}";
    }

    private String workforceReturn() {
        int leavers = 20 + sequence.get() % 50;   // a different body each time, so each is a new revision
        return "{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":180,\"staff.fte\":170.5,\"staff.agency_headcount\":20,"
                + "\"staff.agency_fte\":18.5,\"staff.vacancies_fte\":25,\"flows.leavers_fte\":" + leavers + "." + sequence.get() % 10 + "}}";
    }

    private String createRound() throws Exception {
        String id = "load-" + options.mode() + "-" + System.currentTimeMillis();
        String instrument = options.mode().equals("returns") ? "workforce-return" : "practitioner-survey";
        // a round takes submissions only from opensOn to the end of closesOn, London time: this one does today
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String body = "{\"id\":\"" + id + "\",\"instrument\":\"" + instrument + "\",\"period\":\"2025\",\"opensOn\":\""
                + today.minusDays(1) + "\",\"closesOn\":\"" + today.plusDays(30) + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(options.survey() + "/api/v1/rounds"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("Could not create round " + id + ": " + r.statusCode() + " " + r.body());
        }
        return id;
    }

    private String fetchToken() throws Exception {
        tokenFetched = Instant.now();
        String form = Map.of("grant_type", "password", "client_id", "healthcheck-cli", "username", options.signIn().user(), "password", options.signIn().password())
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(options.keycloak() + "/realms/healthcheck/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !body.has("access_token")) {
            throw new IllegalStateException("Could not get a token for " + options.signIn().user() + ": " + r.statusCode() + " " + r.body());
        }
        return body.get("access_token").asText();
    }

    private void report(double elapsedSeconds, int perRequest) {
        Map<String, Integer> outcomes = recorder.outcomes();
        int requests = recorder.count();
        int ok = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("2")).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("requests=%d outcomes=%s elapsed=%.1fs%n", requests, outcomes, elapsedSeconds);
        System.out.printf("throughput: %.0f requests/s, %.0f submissions/s accepted%n", requests / elapsedSeconds, ok * perRequest / elapsedSeconds);
        System.out.printf("latency ms (from due time): %s%n", recorder.percentiles());
    }
}
