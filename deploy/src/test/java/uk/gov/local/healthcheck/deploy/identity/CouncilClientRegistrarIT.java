package uk.gov.local.healthcheck.deploy.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy/platform add-council-client} against a real Keycloak: the registrar run as operators run it (the
 * platform's classpath, the administrator from the environment), then the council's HR system asks for a token with
 * the id and secret it printed. Keycloak alone is started, by {@code deploy/platform up} as the platform ITs start
 * theirs, on ports and a run directory of its own, on its own H2 file (no PostgreSQL needed), and wiped afterwards.
 */
class CouncilClientRegistrarIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String KEYCLOAK = "http://127.0.0.1:38180";
    private static final Path RUN_DIR = Path.of("target/registrar-it").toAbsolutePath();
    private static final Map<String, String> ENV = Map.of(
            "HEALTHCHECK_RUN_DIR", RUN_DIR.toString(),
            "HEALTHCHECK_COMPONENTS", "keycloak", "KEYCLOAK_DB", "dev-file",
            "KEYCLOAK_PORT", "38180", "KEYCLOAK_MANAGEMENT_PORT", "38190",
            // a first start (kc.sh build, realm import) on two busy cores; the build running this test packaged deploy
            "HEALTHCHECK_READY_TIMEOUT", "480", "HEALTHCHECK_BUILD", "missing");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one deploy/platform command printed (stdout and stderr) and its exit status. */
    private record Run(int status, String output) {
        String value(String key) {
            return output.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + key + "= in:\n" + output));
        }
    }

    private static Run platform(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("deploy/platform").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(ENV);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("deploy/platform " + String.join(" ", args) + " did not finish:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    @BeforeAll
    static void startKeycloak() throws Exception {
        // a clean slate: with dev-file, Keycloak keeps its database under tools/, which down --wipe leaves alone, and a
        // council registered by an earlier run would already exist
        if (Files.exists(RUN_DIR)) {
            try (Stream<Path> paths = Files.walk(RUN_DIR)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Run up = platform("up");
        assertEquals(0, up.status(), up.output());
    }

    @AfterAll
    static void stopKeycloak() throws Exception {
        platform("down", "--wipe");
    }

    @Test
    void aRegisteredCouncilGetsTokensWithItsClaimsRoleAndAudienceAndIsRegisteredOnce() throws Exception {
        Run registered = platform("add-council-client", "E08000025");   // Birmingham, West Midlands
        assertEquals(0, registered.status(), registered.output());
        assertEquals("council-E08000025", registered.value("client_id"));
        String secret = registered.value("client_secret");
        assertTrue(registered.output().contains("authority=E08000025 (Birmingham), region E12000005"), registered.output());

        JsonNode claims = claims(clientCredentialsToken("council-E08000025", secret));
        assertEquals("E08000025", claims.path("authority_code").asText(), claims.toString());
        assertEquals("E12000005", claims.path("region_code").asText(), claims.toString());
        assertTrue(claims.path("realm_access").path("roles").toString().contains("\"council-submitter\""), claims.toString());
        assertTrue(claims.path("aud").toString().contains("\"healthcheck-api\""), claims.toString());
        assertEquals("council-E08000025", claims.path("azp").asText(), claims.toString());

        // a second registration is refused, and the client keeps the secret it was given
        Run again = platform("add-council-client", "E08000025");
        assertEquals(1, again.status(), again.output());
        assertTrue(again.output().contains("A client council-E08000025 already exists"), again.output());
        assertEquals("E08000025", claims(clientCredentialsToken("council-E08000025", secret)).path("authority_code").asText());
    }

    private static String clientCredentialsToken(String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/healthcheck/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
