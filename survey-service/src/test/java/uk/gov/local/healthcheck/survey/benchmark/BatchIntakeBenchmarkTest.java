package uk.gov.local.healthcheck.survey.benchmark;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Speed of the NDJSON batch endpoint, not a timed test (excluded from the default run):
 * <pre>cd /work/main && ./mvnw -B -o -pl survey-service verify -Dgroups=benchmark -DexcludedGroups= -Dtest=BatchIntakeBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Batches of full practitioner responses (every question answered), each with new responseIds, sent one after
 * another after a warm-up; prints seconds per batch and responses accepted per second; then batches from
 * -Dbenchmark.clients (default 2) clients at once; then the first batches repeated as they stand (every line a
 * duplicate). The relay publishes to Kafka meanwhile, as in production. The client is a plain
 * {@link HttpClient} reading only the counts: REST Assured's body matchers cost more than the server does.
 * Sizes: -Dbenchmark.batches (default 20), -Dbenchmark.lines (default 1000), -Dbenchmark.warmup (default 10).
 */
@Tag("benchmark")
@QuarkusTest
@WithKafkaAndPostgres
class BatchIntakeBenchmarkTest {

    private static final String[] LIKERT = {"strongly_agree", "agree", "neither", "disagree", "strongly_disagree"};
    private static final String[] QUESTIONS = {"std1.clear_framework", "std1.safe_practice", "std1.senior_managers_accessible",
            "std2.effective_induction", "std3.workload_control", "std3.fair_allocation", "std4.safety_concerns",
            "std4.wellbeing_help", "std4.wellbeing_time", "std5.skilled_supervisor", "std5.coaching", "std5.cared_for",
            "std5.raise_concerns", "std6.cpd_needs", "std6.cpd_time", "std6.cpd_satisfied", "std6.educator_policies",
            "std7.registration_support", "std8.partnership_opportunities"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/api/v1/rounds/bench-2024/responses/batch")
    URI batchUri;

    @Test
    @TestSecurity(user = "bench", roles = "lga-admin")
    void batchThroughput() throws Exception {
        int batches = Integer.getInteger("benchmark.batches", 20);
        int lines = Integer.getInteger("benchmark.lines", 1000);
        int warmup = Integer.getInteger("benchmark.warmup", 10);
        given().contentType(ContentType.JSON).body("{\"id\":\"bench-2024\",\"instrument\":\"practitioner-survey\",\"period\":\"2024\","
                + "\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}").post("/api/v1/rounds").then().statusCode(201);
        for (int b = 0; b < warmup; b++) {
            send(batch("w" + b, lines), lines, 0);
        }
        byte[][] bodies = new byte[batches][];
        for (int b = 0; b < batches; b++) {
            bodies[b] = batch("m" + b, lines);
        }
        long start = System.nanoTime();
        for (byte[] body : bodies) {
            send(body, lines, 0);
        }
        report("new responses, one client", batches, lines, (System.nanoTime() - start) / 1e9);

        int clients = Integer.getInteger("benchmark.clients", 2);
        start = System.nanoTime();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(CompletableFuture.runAsync(() -> {
                for (int b = 0; b < batches; b++) {
                    send(batch("c" + client + "-" + b, lines), lines, 0);
                }
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        report("new responses, " + clients + " clients at once", clients * batches, lines, (System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        for (byte[] body : bodies) {
            send(body, 0, lines);
        }
        report("repeated batches (all duplicates)", batches, lines, (System.nanoTime() - start) / 1e9);
    }

    private void send(byte[] body, int accepted, int duplicates) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(batchUri)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
            JsonNode result = JSON.readTree(response.body());
            assertEquals(accepted, result.get("accepted").asInt());
            assertEquals(duplicates, result.get("duplicates").asInt());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, int batches, int lines, double seconds) {
        System.out.printf("%n=== BENCHMARK %s: %d batches of %d lines in %.2f s = %.3f s per batch, %.0f responses/s%n",
                what, batches, lines, seconds, seconds / batches, batches * (double) lines / seconds);
    }

    static byte[] batch(String prefix, int lines) {
        StringJoiner ndjson = new StringJoiner("\n");
        for (int i = 0; i < lines; i++) {
            StringBuilder answers = new StringBuilder("{\"profile.role\":\"social_worker\",\"profile.service\":\"")
                    .append(i % 2 == 0 ? "children" : "adults").append("\",\"profile.employment\":\"permanent\"");
            for (int q = 0; q < QUESTIONS.length; q++) {
                answers.append(",\"").append(QUESTIONS[q]).append("\":\"").append(LIKERT[(i + q) % LIKERT.length]).append('"');
            }
            answers.append(",\"culture.three_words\":[\"busy\",\"caring\",\"word").append(i % 13).append("\"]}");
            ndjson.add("{\"responseId\":\"" + prefix + "-" + i + "\",\"authorityCode\":\"" + (i % 3 == 0 ? "E10000031" : "E08000025")
                    + "\",\"answers\":" + answers + "}");
        }
        return ndjson.toString().getBytes(StandardCharsets.UTF_8);
    }
}
