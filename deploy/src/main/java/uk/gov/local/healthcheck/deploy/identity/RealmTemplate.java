package uk.gov.local.healthcheck.deploy.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realm as this platform's Keycloak imports it: {@code identity/healthcheck-realm.json} with the {@code portal}
 * client's addresses on the platform's portal port and, when one is given, its secret.
 *
 * <p>The realm file names the portal's default address (port {@value #DEFAULT_PORTAL_PORT}, on 127.0.0.1 and
 * localhost). {@code deploy/platform} runs
 * {@code RealmTemplate <realm.json> <import copy> <PORTAL_PORT>} before each Keycloak start, with
 * {@code PORTAL_CLIENT_SECRET} in the environment (never on the command line). The redirect URIs, post-logout
 * redirect URIs, base URL and web origins on the default port move to the given port; nothing else changes. It edits
 * the JSON, not its text, so no other port or client can be touched by accident. The copy is readable by its owner
 * only (it holds client secrets).
 *
 * <p>Exit status 0, 1 if the realm cannot be read or written or has no {@code portal} client, 2 on bad usage.
 */
public final class RealmTemplate {

    static final String PORTAL_CLIENT = "portal";
    static final int DEFAULT_PORTAL_PORT = 8084;
    /** An address of the portal on the default port: scheme, loopback host, then the port, then the end or a path. */
    private static final Pattern PORTAL_ADDRESS =
            Pattern.compile("^(https?://(?:127\\.0\\.0\\.1|localhost)):" + DEFAULT_PORTAL_PORT + "(?=/|$)");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RealmTemplate() {
    }

    public static void main(String[] args) {
        if (args.length != 3 || !args[2].matches("[0-9]{1,5}") || Integer.parseInt(args[2]) < 1 || Integer.parseInt(args[2]) > 65535) {
            System.err.println("usage: RealmTemplate <realm.json> <output.json> <portal port>   (PORTAL_CLIENT_SECRET from the environment)");
            System.exit(2);
            return;
        }
        try {
            JsonNode realm = JSON.readTree(Path.of(args[0]).toFile());
            apply(realm, Integer.parseInt(args[2]), System.getenv("PORTAL_CLIENT_SECRET"));
            write(realm, Path.of(args[1]));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("RealmTemplate: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Moves the portal client's addresses to {@code portalPort} and sets its secret (unless {@code secret} is null or
     * empty). Throws IllegalArgumentException when the realm has no portal client.
     */
    static void apply(JsonNode realm, int portalPort, String secret) {
        ObjectNode portal = null;
        for (JsonNode client : realm.path("clients")) {
            if (PORTAL_CLIENT.equals(client.path("clientId").asText())) {
                portal = (ObjectNode) client;
            }
        }
        if (portal == null) {
            throw new IllegalArgumentException("the realm has no client '" + PORTAL_CLIENT + "'");
        }
        for (String field : List.of("redirectUris", "webOrigins")) {
            if (portal.get(field) instanceof ArrayNode uris) {
                List<String> moved = new ArrayList<>();
                uris.forEach(uri -> moved.add(onPort(uri.asText(), portalPort)));
                uris.removeAll();
                moved.forEach(uris::add);
            }
        }
        if (portal.hasNonNull("baseUrl")) {
            portal.put("baseUrl", onPort(portal.get("baseUrl").asText(), portalPort));
        }
        if (portal.get("attributes") instanceof ObjectNode attributes && attributes.hasNonNull("post.logout.redirect.uris")) {
            List<String> moved = new ArrayList<>();
            for (String uri : attributes.get("post.logout.redirect.uris").asText().split("##")) {
                moved.add(onPort(uri, portalPort));
            }
            attributes.put("post.logout.redirect.uris", String.join("##", moved));
        }
        if (secret != null && !secret.isEmpty()) {
            portal.put("secret", secret);
        }
    }

    /** The address on {@code port} if it is the portal's on the default port; otherwise unchanged. */
    static String onPort(String address, int port) {
        Matcher m = PORTAL_ADDRESS.matcher(address);
        return m.find() ? m.replaceFirst(Matcher.quoteReplacement(m.group(1) + ":" + port)) : address;
    }

    /** Written beside the target and moved into place, readable by its owner only. */
    static void write(JsonNode realm, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".realm", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            JSON.writeValue(tmp.toFile(), realm);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
