package uk.gov.local.healthcheck.k8s;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's image really runs: its layers unpacked into a directory, its entrypoint started there as its own root
 * (util-linux {@code unshare}: new mount and PID namespaces, a fresh /proc, the image's working directory and user),
 * with only the image's environment - so the JVM, the libraries it loads and the app all come from the image, none
 * from this machine. Healthy when {@code /q/health/live} says UP. The portal is the one application that starts without
 * PostgreSQL or Kafka; for Keycloak it gets a stand-in that answers OIDC discovery.
 */
class PortalImageRunsTest {

    private static final Duration START = Duration.ofMinutes(3);

    @Test
    void theImageStartsThePortalAsUser185AndItIsLive(@TempDir Path work) throws Exception {
        ImageTarball image = ImageTarball.of("portal");
        Path root = unpack(image, work);
        HttpServer keycloak = oidcDiscovery();
        int port = freePort();
        Process portal = start(image, root, port, "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/healthcheck", work.resolve("portal.log"));
        try {
            HttpResponse<String> live = awaitLive(portal, port, work.resolve("portal.log"));
            assertEquals(200, live.statusCode(), live.body());
            assertTrue(live.body().contains("\"UP\""), live.body());
            if (isRoot()) {
                // the JVM runs as the image's user (with the map-user fallback it is this user outside the namespace)
                ProcessHandle java = portal.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                        .findFirst().orElseThrow(() -> new AssertionError("no java process under unshare"));
                String status = Files.readString(Path.of("/proc", String.valueOf(java.pid()), "status"));
                assertTrue(status.lines().anyMatch(l -> l.matches("Uid:\\s+185\\s+185\\s+185\\s+185")), status);
            }
        } finally {
            portal.descendants().forEach(ProcessHandle::destroy);
            portal.destroy();
            portal.waitFor(30, TimeUnit.SECONDS);
            keycloak.stop(0);
        }
    }

    /** The image's file system: its layers in order, unpacked with tar (which keeps modes and owners). */
    private static Path unpack(ImageTarball image, Path work) throws Exception {
        Path blobs = Files.createDirectories(work.resolve("blobs"));
        Path root = Files.createDirectories(work.resolve("root"));
        run(List.of("tar", "-xf", image.file().toAbsolutePath().toString(), "-C", blobs.toString()));
        for (ImageTarball.Layer layer : image.layers()) {
            run(List.of("tar", "-xzf", blobs.resolve(layer.name()).toString(), "-C", root.toString()));
        }
        Files.createDirectories(root.resolve("proc")); // where the runtime mounts /proc (the JVM reads it)
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Process start(ImageTarball image, Path root, int port, String oidc, Path log) throws IOException {
        Map<String, Object> config = image.config();
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child",
                "--mount-proc", "--root=" + root, "--wd=" + config.get("WorkingDir")));
        String user = (String) config.get("User");
        command.addAll(isRoot() ? List.of("--setuid", user, "--setgid", user) : List.of("--map-user=" + user, "--map-group=" + user));
        command.addAll((List<String>) config.get("Entrypoint"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        for (String variable : (List<String>) config.get("Env")) {
            env.put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        }
        env.put("PORTAL_PORT", String.valueOf(port));
        env.put("OIDC_AUTH_SERVER_URL", oidc);
        // unshare itself is this machine's, found on this machine's PATH; what it starts uses the image's PATH
        builder.command().set(0, which("unshare"));
        return builder.start();
    }

    private static HttpResponse<String> awaitLive(Process portal, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            if (!portal.isAlive()) {
                throw new AssertionError("the portal's image stopped (exit " + portal.exitValue() + "):\n" + Files.readString(log));
            }
            try {
                return http.send(live, HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("the portal's image did not answer /q/health/live within " + START + ":\n" + Files.readString(log));
    }

    /** Enough of Keycloak for the portal's OIDC start-up: discovery and an empty key set. */
    private static HttpServer oidcDiscovery() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String realm = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/healthcheck";
        String openid = realm + "/protocol/openid-connect";
        respond(server, "/realms/healthcheck/.well-known/openid-configuration", """
                {"issuer":"%1$s","authorization_endpoint":"%2$s/auth","token_endpoint":"%2$s/token",
                 "jwks_uri":"%2$s/certs","end_session_endpoint":"%2$s/logout"}""".formatted(realm, openid));
        respond(server, "/realms/healthcheck/protocol/openid-connect/certs", "{\"keys\":[]}");
        server.start();
        return server;
    }

    private static void respond(HttpServer server, String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program).toString();
            }
        }
        throw new AssertionError(program + " (util-linux) is needed to run the image's file system and is not on the PATH");
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
