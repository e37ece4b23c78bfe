package uk.gov.local.healthcheck.deploy.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import uk.gov.local.healthcheck.deploy.CommandLines;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Onboards a council's HR system: creates, in the running Keycloak, a confidential client {@code council-<code>}
 * that uses the client credentials grant and whose tokens carry the council's {@code authority_code} and
 * {@code region_code} and the {@code council-submitter} role, then prints its id and secret.
 *
 * <p>{@code CouncilClientRegistrar --keycloak URL --register authority-register.csv --authority E10000031}
 * ({@code --help} lists the options); the Keycloak administrator's name and password come from the environment
 * ({@code KEYCLOAK_ADMIN_USER}, {@code KEYCLOAK_ADMIN_PASSWORD}), never the command line. Keycloak records the
 * creation in its admin events.
 */
public final class CouncilClientRegistrar {

    static final String REALM = "healthcheck";
    static final String ROLE = "council-submitter";
    static final String AUDIENCE = "healthcheck-api";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final String keycloak;
    private String adminToken;

    CouncilClientRegistrar(String keycloak) {
        this.keycloak = keycloak;
    }

    /** A current authority of the register (one that still exists), or empty. */
    record Council(String code, String name, String regionCode) {
    }

    public static void main(String[] args) {
        System.exit(CommandLines.of(new Command()).execute(args));
    }

    /** The command line; {@code --help} lists it. */
    @CommandLine.Command(name = "CouncilClientRegistrar", sortOptions = false, usageHelpAutoWidth = true,
            description = {"Creates the Keycloak client council-<code> of a council's HR system and prints its id and secret.",
                    "The Keycloak administrator comes from KEYCLOAK_ADMIN_USER (default admin) and KEYCLOAK_ADMIN_PASSWORD.",
                    "Exit status: 0 when the client was created, 1 when it was not, 2 on bad usage."})
    static final class Command implements Callable<Integer> {

        @CommandLine.Option(names = "--keycloak", required = true, paramLabel = "URL", description = "Keycloak")
        String keycloak;
        @CommandLine.Option(names = "--register", required = true, paramLabel = "FILE", description = "reference-data/authority-register.csv")
        Path register;
        @CommandLine.Option(names = "--authority", required = true, paramLabel = "CODE", description = "the council's GSS code, e.g. E10000031")
        String authority;
        @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "prints this and exits")
        boolean help;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Optional<Council> council = findCurrent(register, authority);
            if (council.isEmpty()) {
                System.err.println("add-council-client: " + authority + " is not a current authority in the register (use a GSS code such as E10000031)");
                return 1;
            }
            String user = System.getenv().getOrDefault("KEYCLOAK_ADMIN_USER", "admin");
            String password = System.getenv("KEYCLOAK_ADMIN_PASSWORD");
            if (password == null) {
                System.err.println("add-council-client: set KEYCLOAK_ADMIN_PASSWORD");
                return 2;
            }
            CouncilClientRegistrar registrar = new CouncilClientRegistrar(keycloak);
            registrar.login(user, password);
            String secret = registrar.register(council.get());
            System.out.println("client_id=" + clientId(council.get().code()));
            System.out.println("client_secret=" + secret);
            System.out.println("authority=" + council.get().code() + " (" + council.get().name() + "), region " + council.get().regionCode());
            return 0;
        }
    }

    static String clientId(String authorityCode) {
        return "council-" + authorityCode;
    }

    static Optional<Council> findCurrent(Path register, String code) throws IOException {
        try (Reader reader = Files.newBufferedReader(register)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (r.get("gss_code").equals(code) && r.get("valid_to_year").isBlank()) {
                    return Optional.of(new Council(code, r.get("name"), r.get("region_code")));
                }
            }
        }
        return Optional.empty();
    }

    /** The client's representation: confidential, client credentials only, claims fixed to the council. */
    static ObjectNode clientRepresentation(Council council) {
        ObjectNode client = JSON.createObjectNode()
                .put("clientId", clientId(council.code()))
                .put("name", council.name() + " HR system")
                .put("description", "Submits " + council.name() + "'s returns machine-to-machine (client credentials).")
                .put("enabled", true).put("protocol", "openid-connect").put("publicClient", false)
                .put("clientAuthenticatorType", "client-secret")
                .put("standardFlowEnabled", false).put("implicitFlowEnabled", false).put("directAccessGrantsEnabled", false)
                .put("serviceAccountsEnabled", true).put("frontchannelLogout", false);
        client.putObject("attributes").put("access.token.lifespan", "300").put("client_credentials.use_refresh_token", "false");
        ArrayNode mappers = client.putArray("protocolMappers");
        mappers.add(claim("authority_code", council.code()));
        mappers.add(claim("region_code", council.regionCode()));
        ObjectNode audience = mappers.addObject().put("name", "healthcheck-api-audience").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper");
        audience.putObject("config").put("included.client.audience", AUDIENCE).put("access.token.claim", "true")
                .put("id.token.claim", "false").put("introspection.token.claim", "true");
        return client;
    }

    private static ObjectNode claim(String name, String value) {
        ObjectNode mapper = JSON.createObjectNode().put("name", name).put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-hardcoded-claim-mapper");
        mapper.putObject("config").put("claim.name", name).put("claim.value", value).put("jsonType.label", "String")
                .put("access.token.claim", "true").put("id.token.claim", "false").put("introspection.token.claim", "true");
        return mapper;
    }

    void login(String user, String password) throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", "admin-cli", "username", user, "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the administrator login (" + r.statusCode() + "): " + r.body());
        }
        adminToken = JSON.readTree(r.body()).path("access_token").asText();
    }

    String register(Council council) throws IOException, InterruptedException {
        String clientId = clientId(council.code());
        HttpResponse<String> created = call("POST", "/clients", clientRepresentation(council).toString());
        if (created.statusCode() == 409) {
            throw new IllegalStateException("A client " + clientId + " already exists; rotate its secret in the Keycloak admin console");
        }
        expect(created, 201, "create client " + clientId);
        String uuid = JSON.readTree(expect(call("GET", "/clients?clientId=" + clientId, null), 200, "find " + clientId).body()).path(0).path("id").asText();
        String serviceUser = JSON.readTree(expect(call("GET", "/clients/" + uuid + "/service-account-user", null), 200, "service account").body())
                .path("id").asText();
        JsonNode role = JSON.readTree(expect(call("GET", "/roles/" + ROLE, null), 200, "role " + ROLE).body());
        expect(call("POST", "/users/" + serviceUser + "/role-mappings/realm", "[" + role + "]"), 204, "grant " + ROLE);
        return JSON.readTree(expect(call("GET", "/clients/" + uuid + "/client-secret", null), 200, "secret").body()).path("value").asText();
    }

    private HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("Keycloak: " + what + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }
}
