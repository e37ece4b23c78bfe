package uk.gov.local.healthcheck.deploy.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The realm deploy/platform imports: the repository's realm with the portal client's addresses on PORTAL_PORT. */
class RealmTemplateTest {

    static final Path REALM = Path.of("..").toAbsolutePath().normalize().resolve("identity/healthcheck-realm.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void movesThePortalsAddressesToItsPortAndNothingElse(@TempDir Path tmp) throws Exception {
        JsonNode original = JSON.readTree(REALM.toFile());
        JsonNode realm = original.deepCopy();
        RealmTemplate.apply(realm, 28084, "a-real-secret");

        JsonNode portal = client(realm, "portal");
        assertEquals(List.of("http://127.0.0.1:28084/*", "http://localhost:28084/*"), texts(portal.path("redirectUris")));
        assertEquals("http://127.0.0.1:28084/*##http://localhost:28084/*", portal.path("attributes").path("post.logout.redirect.uris").asText());
        assertEquals("http://127.0.0.1:28084/", portal.path("baseUrl").asText());
        assertEquals("a-real-secret", portal.path("secret").asText());
        assertEquals("S256", portal.path("attributes").path("pkce.code.challenge.method").asText());

        // everything but those fields of the portal client is as in the repository's realm
        JsonNode expected = original.deepCopy();
        JsonNode expectedPortal = client(expected, "portal");
        for (String field : List.of("redirectUris", "baseUrl", "secret", "webOrigins")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) expectedPortal).set(field, portal.get(field));
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) expectedPortal.path("attributes"))
                .set("post.logout.redirect.uris", portal.path("attributes").get("post.logout.redirect.uris"));
        assertEquals(expected, realm);

        Path out = tmp.resolve("import/healthcheck-realm.json");
        RealmTemplate.write(realm, out);
        assertEquals(realm, JSON.readTree(out.toFile()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)), "the copy holds client secrets");
    }

    @Test
    void theDefaultPortAndNoSecretLeaveTheRealmAsItIs() throws Exception {
        JsonNode original = JSON.readTree(REALM.toFile());
        JsonNode realm = original.deepCopy();
        RealmTemplate.apply(realm, RealmTemplate.DEFAULT_PORTAL_PORT, null);
        assertEquals(original, realm);
        RealmTemplate.apply(realm, RealmTemplate.DEFAULT_PORTAL_PORT, "");
        assertEquals(original, realm);
    }

    @Test
    void onlyThePortalsOwnAddressesMove() {
        assertEquals("http://127.0.0.1:9000/*", RealmTemplate.onPort("http://127.0.0.1:8084/*", 9000));
        assertEquals("http://localhost:9000", RealmTemplate.onPort("http://localhost:8084", 9000));
        assertEquals("+", RealmTemplate.onPort("+", 9000));
        assertEquals("http://127.0.0.1:80840/*", RealmTemplate.onPort("http://127.0.0.1:80840/*", 9000));
        assertEquals("https://evil.example:8084/*", RealmTemplate.onPort("https://evil.example:8084/*", 9000));
        assertEquals("http://127.0.0.1:8081/*", RealmTemplate.onPort("http://127.0.0.1:8081/*", 9000));
    }

    @Test
    void aRealmWithoutThePortalIsRefused() throws Exception {
        JsonNode realm = JSON.readTree("{\"realm\":\"healthcheck\",\"clients\":[{\"clientId\":\"healthcheck-cli\"}]}");
        assertThrows(IllegalArgumentException.class, () -> RealmTemplate.apply(realm, 28084, null));
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        assertTrue(array.isArray());
        return out;
    }
}
