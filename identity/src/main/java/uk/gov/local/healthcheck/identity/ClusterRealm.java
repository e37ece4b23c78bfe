package uk.gov.local.healthcheck.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The realm for a cluster, made by the build from {@code identity/healthcheck-realm.json} (the demo realm) and
 * written as the {@code spec.realm} patch of the Keycloak Operator's {@code KeycloakRealmImport} that
 * {@code k8s/base/keycloak} applies (kustomize cannot read an object field from a plain file; JSON is YAML).
 *
 * <p>What it changes, and nothing else: every person goes (the demo users and their well-known passwords); the
 * service-account users stay, without credentials, because they carry the service accounts' role mappings (the
 * portal's holds {@code survey-relay} only); every client's {@code secret} goes (Keycloak generates one on import);
 * the demo council client, named "(DEMO)", and its service account go (real councils' clients are made per council
 * by {@code deploy/platform add-council-client}); the display name and descriptions lose "DEMO"; the portal client's
 * URLs point at the portal's public address. Roles, clients, protocol mappers and realm settings are kept as they
 * are. {@link #problems} refuses any secret, credential or person left.
 *
 * <p>{@code ClusterRealm <demo realm> <target> [portal URL]}: run by identity's build (exec-maven-plugin,
 * process-classes), so the file in k8s/ is always the one the build made from the realm in identity/.
 */
public final class ClusterRealm {

    static final String DEFAULT_PORTAL_URL = "https://healthcheck.example.gov.uk";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClusterRealm() {
    }

    /** The cluster's realm made from the demo realm (which is not changed). */
    static ObjectNode forCluster(JsonNode demoRealm, String portalUrl) {
        ObjectNode realm = demoRealm.deepCopy();
        Set<String> demoClients = new HashSet<>();
        for (JsonNode client : realm.withArrayProperty("clients")) {
            if (client.path("name").asText("").contains("(DEMO)")) {
                demoClients.add(client.path("clientId").asText());
            }
        }
        realm.put("displayName", "Social Work Health Check");

        ArrayNode clients = JSON.createArrayNode();
        for (JsonNode node : realm.withArrayProperty("clients")) {
            ObjectNode client = (ObjectNode) node;
            if (demoClients.contains(client.path("clientId").asText())) {
                continue;
            }
            client.remove("secret");
            if (client.has("description")) {
                client.put("description", client.get("description").asText().replace("DEMO ONLY (well-known secret): ", ""));
            }
            if (client.get("attributes") instanceof ObjectNode attributes) {
                attributes.remove("client.secret.creation.time");
            }
            if ("portal".equals(client.path("clientId").asText())) {
                String base = portalUrl.replaceAll("/+$", "");
                client.put("baseUrl", base + "/");
                client.set("redirectUris", JSON.createArrayNode().add(base + "/*"));
                client.withObjectProperty("attributes").put("post.logout.redirect.uris", base + "/*");
            }
            clients.add(client);
        }
        realm.set("clients", clients);

        ArrayNode serviceAccounts = JSON.createArrayNode();
        for (JsonNode node : realm.withArrayProperty("users")) {
            String ofClient = node.path("serviceAccountClientId").asText("");
            if (ofClient.isEmpty() || demoClients.contains(ofClient)) {
                continue; // a person, or the demo client's service account
            }
            ObjectNode user = (ObjectNode) node;
            user.remove(List.of("credentials", "attributes"));
            serviceAccounts.add(user);
        }
        realm.set("users", serviceAccounts);
        return realm;
    }

    /** What makes a realm unfit for a cluster; empty when it is fit. */
    static List<String> problems(JsonNode realm) {
        List<String> problems = new ArrayList<>();
        String text = realm.toString();
        if (text.contains("demo-password") || text.contains("demo-secret")) {
            problems.add("a demo password or secret is still in the realm");
        }
        for (JsonNode user : realm.path("users")) {
            if (user.path("serviceAccountClientId").asText("").isEmpty() || user.has("credentials")) {
                problems.add("user " + user.path("username").asText("?") + " is a person or has credentials");
            }
        }
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                problems.add("client " + client.path("clientId").asText("?") + " still has a secret");
            }
        }
        return problems;
    }

    /** The KeycloakRealmImport patch carrying {@code realm}, as written to k8s/. */
    static String importPatch(ObjectNode realm) throws IOException {
        ObjectNode patch = JSON.createObjectNode();
        patch.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        patch.put("kind", "KeycloakRealmImport");
        patch.withObjectProperty("metadata").put("name", "healthcheck");
        patch.withObjectProperty("spec").set("realm", realm);
        return JSON.writeValueAsString(patch) + "\n";
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ClusterRealm <demo realm json> <target patch json> [portal URL, default " + DEFAULT_PORTAL_URL + "]");
            System.exit(2);
        }
        ObjectNode realm = forCluster(JSON.readTree(Path.of(args[0]).toFile()), args.length == 3 ? args[2] : DEFAULT_PORTAL_URL);
        List<String> problems = problems(realm);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The cluster's realm is not fit: " + String.join("; ", problems));
        }
        Path target = Path.of(args[1]);
        Files.createDirectories(target.getParent());
        Files.writeString(target, importPatch(realm), StandardCharsets.UTF_8);
        System.out.printf("%s: %d clients, %d realm roles, %d service-account users, no persons, no secrets%n", target,
                realm.withArrayProperty("clients").size(), realm.path("roles").path("realm").size(), realm.withArrayProperty("users").size());
    }
}
