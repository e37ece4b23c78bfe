package uk.gov.local.healthcheck.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode demo;
    private static ObjectNode cluster;

    @BeforeAll
    static void load() throws IOException {
        demo = JSON.readTree(Path.of("healthcheck-realm.json").toFile());
        cluster = ClusterRealm.forCluster(demo, "https://portal.example.gov.uk/");
    }

    @Test
    void theDemoRealmIsNotFitForACluster() {
        List<String> problems = ClusterRealm.problems(demo);
        assertTrue(problems.contains("a demo password or secret is still in the realm"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("user ") && p.endsWith("is a person or has credentials")), problems.toString());
    }

    @Test
    void theClusterRealmHasNoPersonNoCredentialAndNoSecret() {
        assertEquals(List.of(), ClusterRealm.problems(cluster));
        assertEquals(List.of("portal"), values(cluster.path("users"), "serviceAccountClientId"));
        assertFalse(cluster.toString().contains("DEMO"), "a DEMO label is left");
    }

    @Test
    void rolesClientsAndTheServiceAccountsRolesAreKept() {
        assertEquals(demo.path("roles"), cluster.path("roles"));
        List<String> demoClients = new ArrayList<>(values(demo.path("clients"), "clientId"));
        demoClients.removeIf(id -> id.startsWith("council-"));
        assertEquals(demoClients, values(cluster.path("clients"), "clientId"));
        JsonNode portalAccount = cluster.path("users").get(0);
        assertEquals(List.of("survey-relay"), JSON.convertValue(portalAccount.path("realmRoles"), List.class));
        for (String setting : List.of("realm", "enabled", "sslRequired", "accessTokenLifespan", "bruteForceProtected")) {
            assertEquals(demo.path(setting), cluster.path(setting), setting);
        }
    }

    @Test
    void thePortalClientPointsAtThePortalsPublicAddress() {
        JsonNode portal = null;
        for (JsonNode client : cluster.path("clients")) {
            if ("portal".equals(client.path("clientId").asText())) {
                portal = client;
            }
        }
        assertEquals("https://portal.example.gov.uk/", portal.path("baseUrl").asText());
        assertEquals("[\"https://portal.example.gov.uk/*\"]", portal.path("redirectUris").toString());
        assertEquals("https://portal.example.gov.uk/*", portal.path("attributes").path("post.logout.redirect.uris").asText());
    }

    @Test
    void theBuildWroteTheImportK8sAppliesFromTheRealmInIdentity() throws IOException {
        JsonNode written = JSON.readTree(Path.of("../k8s/base/keycloak/generated/healthcheck-realm-import.json").toFile());
        assertEquals("KeycloakRealmImport", written.path("kind").asText());
        assertEquals(ClusterRealm.forCluster(demo, ClusterRealm.DEFAULT_PORTAL_URL), written.path("spec").path("realm"));
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }
}
