package uk.gov.local.healthcheck.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
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
import java.util.HashMap;
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
    static final Map<String, String> ENV = environment(RUN_DIR, Map.of(
            "SURVEY_PORT", "28081", "METRICS_PORT", "28082", "BENCHMARK_PORT", "28083", "PORTAL_PORT", "28084",
            "KEYCLOAK_PORT", "28180", "KEYCLOAK_MANAGEMENT_PORT", "28190", "KAFKA_PORT", "29092", "POSTGRES_PORT", "25433"));
    static final String SURVEY = address(ENV, "SURVEY_PORT");
    static final String METRICS = address(ENV, "METRICS_PORT");
    static final String BENCHMARK = address(ENV, "BENCHMARK_PORT");
    /** The portal (a web app): the realm's portal client redirects here, RealmTemplate having put PORTAL_PORT in. */
    static final String PORTAL = address(ENV, "PORTAL_PORT");
    static final String KEYCLOAK = address(ENV, "KEYCLOAK_PORT");
    /** DEMO ONLY secret of the realm's portal client (identity/README.md), which deploy/platform gives the portal. */
    static final String PORTAL_SECRET = "portal-demo-secret";
    /** London's date: a round takes submissions from the start of opensOn to the end of closesOn, London time. */
    static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");
    static final Duration EVENTUALLY = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What deploy/platform is given for a test's own platform: its run directory and ports (each a variable of
     * docs/conventions.md, e.g. SURVEY_PORT), and how it waits and builds under a test.
     */
    static Map<String, String> environment(Path runDir, Map<String, String> ports) {
        Map<String, String> env = new HashMap<>(ports);
        env.put("HEALTHCHECK_RUN_DIR", runDir.toString());
        // Keycloak's first start (schema + realm import) takes over 180 s on two cores busy with a build
        env.put("HEALTHCHECK_READY_TIMEOUT", "480");
        // the Maven build running these tests has just packaged the modules: build only what is missing (as with
        // -pl deploy), never a second Maven inside this one because a file is newer than an unchanged artifact
        env.put("HEALTHCHECK_BUILD", "missing");
        return Map.copyOf(env);
    }

    /** The loopback address of the port {@code env} gives in {@code portVariable}. */
    static String address(Map<String, String> env, String portVariable) {
        return "http://127.0.0.1:" + env.get(portVariable);
    }

    /**
     * Whether this repository builds the portal (its module exists and the root pom lists it): until it does,
     * deploy/platform runs without it and the tests do not expect it.
     */
    static boolean portalBuilt() {
        try {
            return Files.isRegularFile(ROOT.resolve("portal/pom.xml"))
                    && Files.readString(ROOT.resolve("pom.xml")).contains("<module>portal</module>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Dates for a test round that takes submissions today: it opened {@code daysOpen} days ago (London) and closes
     * a year from today, so a round the tests create is open whatever day they run.
     */
    static String roundDates(int daysOpen) {
        java.time.LocalDate today = java.time.LocalDate.now(LONDON);
        return "\"opensOn\":\"" + today.minusDays(daysOpen) + "\",\"closesOn\":\"" + today.plusYears(1) + "\"";
    }

    private static boolean started;
    private static boolean teardownRegistered;

    private RunningPlatform() {
    }

    /** Starts the platform unless this JVM already has; registers its teardown once. */
    static synchronized void ensureUp() throws Exception {
        if (started) {
            return;
        }
        if (!teardownRegistered) {
            // registered before up: an up that fails half-way must not leave its components running
            teardownRegistered = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    platform(Duration.ofMinutes(3), "down", "--wipe");
                } catch (Exception e) {
                    System.err.println("Could not stop the test platform: " + e.getMessage());
                }
            }, "platform-teardown"));
        }
        platform(Duration.ofMinutes(20), "up");
        started = true;
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

    /**
     * A real token for a demo user asked of Keycloak as {@code localhost} instead of {@code 127.0.0.1}: Keycloak
     * (--hostname-strict=false) takes the issuer from the request, so it is signed by the realm's own key and carries
     * every right claim except {@code iss}.
     */
    static String wrongIssuerToken(String user) throws Exception {
        return tokenFrom(KEYCLOAK.replace("127.0.0.1", "localhost"), "grant_type=password&client_id=healthcheck-cli&username="
                + encode(user) + "&password=" + encode(user + "-password"));
    }

    /** The test-only client whose tokens live one second; created on the test platform's realm only, never the demo's. */
    static final String SHORT_LIVED_CLIENT = "platform-it-short-lived";
    private static final String SHORT_LIVED_SECRET = "platform-it-short-lived-secret";

    /**
     * A real Keycloak token that has expired: issued (client credentials, with the lga-admin role and the APIs'
     * audience, so nothing but its age is wrong) to a client created through the admin API on the test platform's
     * realm whose access tokens live one second, then waited out. The demo realm file is not touched.
     */
    static String expiredToken() throws Exception {
        String admin = adminToken();
        String client = "{\"clientId\":\"" + SHORT_LIVED_CLIENT + "\",\"enabled\":true,\"protocol\":\"openid-connect\","
                + "\"publicClient\":false,\"clientAuthenticatorType\":\"client-secret\",\"secret\":\"" + SHORT_LIVED_SECRET + "\","
                + "\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false,\"serviceAccountsEnabled\":true,"
                + "\"description\":\"platform tests only: access tokens live 1 s\","
                + "\"attributes\":{\"access.token.lifespan\":\"1\",\"client_credentials.use_refresh_token\":\"false\"},"
                + "\"protocolMappers\":[{\"name\":\"healthcheck-api-audience\",\"protocol\":\"openid-connect\","
                + "\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{\"included.client.audience\":\"healthcheck-api\","
                + "\"access.token.claim\":\"true\",\"id.token.claim\":\"false\"}}]}";
        HttpResponse<String> created = admin(admin, "POST", "/clients", client);
        if (created.statusCode() == 201) {
            String uuid = JSON.readTree(admin(admin, "GET", "/clients?clientId=" + SHORT_LIVED_CLIENT, null).body()).path(0).path("id").asText();
            String user = JSON.readTree(admin(admin, "GET", "/clients/" + uuid + "/service-account-user", null).body()).path("id").asText();
            String role = admin(admin, "GET", "/roles/lga-admin", null).body();
            HttpResponse<String> granted = admin(admin, "POST", "/users/" + user + "/role-mappings/realm", "[" + role + "]");
            if (granted.statusCode() != 204) {
                throw new AssertionError("Keycloak: granting lga-admin answered " + granted.statusCode() + " " + granted.body());
            }
        } else if (created.statusCode() != 409) {
            throw new AssertionError("Keycloak: creating " + SHORT_LIVED_CLIENT + " answered " + created.statusCode() + " " + created.body());
        }
        String token = clientToken(SHORT_LIVED_CLIENT, SHORT_LIVED_SECRET);
        long exp = claims(token).path("exp").asLong();
        if (exp - claims(token).path("iat").asLong() > 5) {
            throw new AssertionError("precondition: the short-lived client's tokens should live 1 s: " + claims(token));
        }
        // past its expiry, with room for a clock-skew allowance
        long wait = (exp + 6) * 1000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        return token;
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("Keycloak refused the (demo) administrator: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static HttpResponse<String> admin(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/healthcheck" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A person signing in to the portal as a browser would, at Keycloak's real login page: the authorization request
     * (client portal, redirect to the test platform's portal address, PKCE S256), the login form posted with the
     * user's password, then the code Keycloak sends back to the portal exchanged (with the client secret and the
     * PKCE verifier) for tokens, as the portal does. Returns Keycloak's token response; fails naming the step.
     */
    static JsonNode signInToPortal(String user, String password) throws Exception {
        Pkce pkce = Pkce.create();
        HttpResponse<String> tokens = exchangeCode(portalCode(user, password, pkce), PORTAL_SIGNED_IN, pkce.verifier());
        if (tokens.statusCode() != 200) {
            throw new AssertionError("Keycloak refused the portal's code exchange for " + user + ": " + tokens.statusCode() + " " + tokens.body());
        }
        return JSON.readTree(tokens.body());
    }

    /** Where the tests' sign-ins send the browser back to: an address of the test platform's portal. */
    static final String PORTAL_SIGNED_IN = PORTAL + "/signed-in";

    /** The authorization code Keycloak sends back to the portal once the user has signed in at its login page. */
    static String portalCode(String user, String password, Pkce pkce) throws Exception {
        String redirect = PORTAL_SIGNED_IN;
        HttpResponse<String> login = browser(authorizationUrl(redirect, pkce.challenge(), "S256"), null, null);
        if (login.statusCode() != 200) {
            throw new AssertionError("Keycloak's login page for the portal answered " + login.statusCode() + " " + abbreviate(login.body()));
        }
        java.util.regex.Matcher form = java.util.regex.Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"").matcher(login.body());
        if (!form.find()) {
            throw new AssertionError("No login form on Keycloak's page: " + abbreviate(login.body()));
        }
        String action = form.group(1).replace("&amp;", "&");
        HttpResponse<String> posted = browser(action, cookies(login), "username=" + encode(user) + "&password=" + encode(password) + "&credentialId=");
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || !location.startsWith(redirect + "?")) {
            throw new AssertionError(user + " was not signed in to the portal: " + posted.statusCode() + " Location " + location + " "
                    + abbreviate(posted.body()));
        }
        return queryParameter(URI.create(location), "code");
    }

    /** The token endpoint's answer to the portal's exchange of an authorization code; {@code verifier} may be null. */
    static HttpResponse<String> exchangeCode(String code, String redirect, String verifier) throws Exception {
        String form = "grant_type=authorization_code&client_id=portal&client_secret=" + encode(PORTAL_SECRET)
                + "&code=" + encode(code) + "&redirect_uri=" + encode(redirect) + (verifier == null ? "" : "&code_verifier=" + encode(verifier));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/healthcheck/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An authorization request of the portal client; {@code method} null sends no PKCE challenge at all. */
    static String authorizationUrl(String redirect, String challenge, String method) {
        return KEYCLOAK + "/realms/healthcheck/protocol/openid-connect/auth?client_id=portal&response_type=code&scope=openid"
                + "&state=" + java.util.UUID.randomUUID() + "&redirect_uri=" + encode(redirect)
                + (method == null ? "" : "&code_challenge=" + encode(challenge) + "&code_challenge_method=" + method);
    }

    /** A PKCE verifier and its S256 challenge (RFC 7636). */
    record Pkce(String verifier, String challenge) {
        static Pkce create() throws Exception {
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        }
    }

    /** One browser request to Keycloak, redirects not followed: GET, or POST of a form when {@code form} is given. */
    static HttpResponse<String> browser(String url, String cookies, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (cookies != null && !cookies.isEmpty()) {
            b.header("Cookie", cookies);
        }
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The cookies a response set, as a Cookie header (Keycloak's login session lives in them). */
    private static String cookies(HttpResponse<?> response) {
        List<String> pairs = new ArrayList<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0].trim();
            if (!pair.endsWith("=")) {
                pairs.add(pair);
            }
        }
        return String.join("; ", pairs);
    }

    static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }

    /** The realm's RS256 signing key as Keycloak publishes it: the kid and the public key (X.509 SubjectPublicKeyInfo, DER). */
    record RealmKey(String kid, byte[] der) {
    }

    static RealmKey realmKey() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(KEYCLOAK + "/realms/healthcheck/protocol/openid-connect/certs")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode key : JSON.readTree(r.body()).path("keys")) {
            if ("RS256".equals(key.path("alg").asText()) && "sig".equals(key.path("use").asText())) {
                byte[] cert = Base64.getDecoder().decode(key.path("x5c").path(0).asText());
                var x509 = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(new java.io.ByteArrayInputStream(cert));
                return new RealmKey(key.path("kid").asText(), x509.getPublicKey().getEncoded());
            }
        }
        throw new AssertionError("No RS256 signing key in the realm's JWKS: " + r.body());
    }

    private static String tokenFrom(String form) throws Exception {
        return tokenFrom(KEYCLOAK, form);
    }

    private static String tokenFrom(String keycloak, String form) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/healthcheck/protocol/openid-connect/token"))
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
        return platform(ENV, "platform-it-commands.log", timeout, args);
    }

    /** deploy/platform with the given environment (ports, run directory), its output appended to target/{@code logName}. */
    static String platform(Map<String, String> env, String logName, Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("deploy/platform").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createDirectories(Path.of("target")).resolve(logName);
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
        return token(ENV, "platform-it-commands.log", user);
    }

    /** A demo user's token from the platform the environment names ({@code deploy/platform token}). */
    static String token(Map<String, String> env, String logName, String user) throws Exception {
        String out = platform(env, logName, Duration.ofMinutes(1), "token", user).trim();
        String[] lines = out.split("\n");
        return lines[lines.length - 1].trim();
    }

    static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** GET {@code url} with the bearer token: it must answer 200, and its body is read as JSON. */
    static JsonNode getJson(String token, String url) throws IOException {
        return JSON.readTree(RestAssured.given().auth().oauth2(token).get(url).then().statusCode(200).extract().asString());
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
