package uk.gov.local.healthcheck.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The one platform the integration tests share: started with {@code deploy/platform up} by the first test that
 * needs it, on ports and a run directory of its own, and stopped with {@code down --wipe} when the test JVM ends,
 * so its two-minute start is paid once per build.
 */
final class RunningPlatform {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path RUN_DIR = Path.of("target/platform-it").toAbsolutePath();
    static final Map<String, String> ENV = Map.of(
            "HEALTHCHECK_RUN_DIR", RUN_DIR.toString(),
            "SURVEY_PORT", "28081", "METRICS_PORT", "28082", "BENCHMARK_PORT", "28083",
            "KEYCLOAK_PORT", "28180", "KEYCLOAK_MANAGEMENT_PORT", "28190",
            "KAFKA_PORT", "29092", "POSTGRES_PORT", "25433");
    static final String SURVEY = "http://127.0.0.1:28081";
    static final String METRICS = "http://127.0.0.1:28082";
    static final String BENCHMARK = "http://127.0.0.1:28083";
    static final String KEYCLOAK = "http://127.0.0.1:28180";
    static final Duration EVENTUALLY = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();

    private static boolean started;

    private RunningPlatform() {
    }

    /** Starts the platform unless this JVM already has; registers its teardown once. */
    static synchronized void ensureUp() throws Exception {
        if (started) {
            return;
        }
        platform(Duration.ofMinutes(15), "up");
        started = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                platform(Duration.ofMinutes(3), "down", "--wipe");
            } catch (Exception e) {
                System.err.println("Could not stop the test platform: " + e.getMessage());
            }
        }, "platform-teardown"));
    }

    /** A token for a council's HR system (client credentials grant on its confidential client). */
    static String clientToken(String clientId, String secret) throws Exception {
        return tokenFrom("grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret));
    }

    /** A token from the password grant on any public client of the realm (e.g. admin-cli, which is not the APIs'). */
    static String passwordToken(String clientId, String user, String password) throws Exception {
        return tokenFrom("grant_type=password&client_id=" + encode(clientId) + "&username=" + encode(user)
                + "&password=" + encode(password));
    }

    private static String tokenFrom(String form) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/healthcheck/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("Keycloak refused a token: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String platform(Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("deploy/platform").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(ENV);
        Path log = Files.createDirectories(Path.of("target")).resolve("platform-it-commands.log");
        Process p = pb.start();
        String output;
        try (var in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("deploy/platform " + String.join(" ", args) + " did not finish in " + timeout);
        }
        Files.writeString(log, "$ deploy/platform " + String.join(" ", args) + "\n" + output + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        if (p.exitValue() != 0) {
            throw new AssertionError("deploy/platform " + String.join(" ", args) + " exited " + p.exitValue() + ":\n" + output);
        }
        return output;
    }

    static String token(String user) throws Exception {
        String out = platform(Duration.ofMinutes(1), "token", user).trim();
        String[] lines = out.split("\n");
        return lines[lines.length - 1].trim();
    }

    static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static JsonNode eventually(java.util.function.Supplier<Response> call, Predicate<Response> ready) throws Exception {
        Instant deadline = Instant.now().plus(EVENTUALLY);
        Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (ready.test(last)) {
                return JSON.readTree(last.asString());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not ready within " + EVENTUALLY + "; last answer " + (last == null ? "none" : last.statusCode() + " " + last.asString()));
    }
}
