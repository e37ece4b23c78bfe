package uk.gov.local.healthcheck.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the realm that deploy/platform imports into Keycloak against docs/conventions.md: realm roles, the
 * claims authority_code / region_code, the healthcheck-api audience, the clients and the demo users.
 */
class HealthcheckRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode realm;
    private static final int KEYCLOAK_COLUMN_LENGTH = 255;
    /** DEMO ONLY, documented in identity/README.md; deploy/platform gives it to the portal as PORTAL_CLIENT_SECRET. */
    static final String PORTAL_SECRET = "portal-demo-secret";

    @BeforeAll
    static void load() throws IOException {
        // surefire runs with the module directory as working directory
        Path file = Path.of("healthcheck-realm.json");
        assertTrue(Files.isRegularFile(file), "identity/healthcheck-realm.json must exist");
        realm = JSON.readTree(file.toFile());
    }

    @Test
    void realmIsNamedHealthcheckAndEnabled() {
        assertEquals("healthcheck", realm.path("realm").asText());
        assertTrue(realm.path("enabled").asBoolean());
        assertFalse(realm.path("registrationAllowed").asBoolean(true), "self-registration must be off");
        assertTrue(realm.path("displayName").asText().contains("DEMO"), "the realm is marked as a demo realm");
    }

    /**
     * Keycloak stores names and descriptions of clients and roles in VARCHAR(255) columns; a longer one makes
     * the import fail at start-up (it once did, in CI), so the realm file is checked before Keycloak sees it.
     */
    @Test
    void clientAndRoleTextsFitKeycloaksColumns() {
        List<String> tooLong = new ArrayList<>();
        List<JsonNode> described = new ArrayList<>();
        realm.path("clients").forEach(described::add);
        realm.path("roles").path("realm").forEach(described::add);
        for (JsonNode node : described) {
            for (String field : List.of("clientId", "name", "description", "rootUrl", "baseUrl")) {
                String text = node.path(field).asText("");
                if (text.length() > KEYCLOAK_COLUMN_LENGTH) {
                    tooLong.add(node.path("clientId").asText(node.path("name").asText()) + "." + field
                            + " has " + text.length() + " characters");
                }
            }
        }
        assertEquals(List.of(), tooLong, "fields longer than Keycloak's " + KEYCLOAK_COLUMN_LENGTH + "-character columns");
    }

    @Test
    void accessTokensAreShortLived() {
        int lifespan = realm.path("accessTokenLifespan").asInt(-1);
        assertTrue(lifespan > 0 && lifespan <= 300, "access token lifespan is deliberately short: " + lifespan);
    }

    /** The four people's roles of docs/conventions.md, and the portal's relay role (held by its service account only). */
    @Test
    void realmRolesAreTheFourConventionRolesAndThePortalsRelay() {
        Set<String> roles = new TreeSet<>();
        for (JsonNode role : realm.path("roles").path("realm")) {
            roles.add(role.path("name").asText());
            assertFalse(role.path("description").asText().isBlank(), "role " + role + " has a description");
        }
        assertEquals(new TreeSet<>(List.of("lga-admin", "council-submitter", "council-viewer", "ria-analyst", "survey-relay")), roles);
        for (JsonNode user : realm.path("users")) {
            if (texts(user.path("realmRoles")).contains("survey-relay")) {
                assertEquals("portal", user.path("serviceAccountClientId").asText(),
                        user.path("username").asText() + " must not hold survey-relay: only the portal's service account does");
            }
        }
    }

    @Test
    void userProfileDeclaresTheScopeAttributesAndKeepsUnmanagedOnes() throws IOException {
        JsonNode component = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0);
        assertEquals("declarative-user-profile", component.path("providerId").asText());
        String config = component.path("config").path("kc.user.profile.config").path(0).asText();
        JsonNode profile = JSON.readTree(config);
        assertEquals("ENABLED", profile.path("unmanagedAttributePolicy").asText());
        for (String name : List.of("authority_code", "region_code")) {
            JsonNode attribute = find(profile.path("attributes"), "name", name)
                    .orElseThrow(() -> new AssertionError("user profile lacks " + name));
            List<String> editors = texts(attribute.path("permissions").path("edit"));
            assertEquals(List.of("admin"), editors, name + " must be editable by administrators only (it becomes a claim)");
            assertTrue(texts(attribute.path("permissions").path("view")).contains("admin"));
        }
        // the demo users' codes satisfy the profile's own validation patterns
        String authorityPattern = pattern(profile, "authority_code");
        String regionPattern = pattern(profile, "region_code");
        assertTrue("E10000031".matches(authorityPattern));
        assertTrue("E09000021".matches(authorityPattern));
        assertFalse("Warwickshire".matches(authorityPattern));
        assertTrue("E12000005".matches(regionPattern));
        assertTrue("E12000007".matches(regionPattern));
        assertTrue("E13000002".matches(regionPattern), "inner/outer London sub-regions are region codes in the DfE data");
    }

    @Test
    void apiClientIsConfidentialAndHasNoFlows() {
        JsonNode api = client("healthcheck-api");
        assertTrue(api.path("enabled").asBoolean());
        assertFalse(api.path("publicClient").asBoolean(true), "healthcheck-api is confidential");
        for (String flow : List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled",
                "serviceAccountsEnabled")) {
            assertTrue(api.has(flow), flow + " is set explicitly");
            assertFalse(api.path(flow).asBoolean(true), "healthcheck-api must not have " + flow);
        }
        assertFalse(api.has("secret"), "no client secret is committed; Keycloak generates one");
    }

    @Test
    void cliClientIsPublicWithPasswordGrantOnly() {
        JsonNode cli = client("healthcheck-cli");
        assertTrue(cli.path("enabled").asBoolean());
        assertTrue(cli.path("publicClient").asBoolean());
        assertTrue(cli.path("directAccessGrantsEnabled").asBoolean());
        assertFalse(cli.path("standardFlowEnabled").asBoolean(true));
        assertFalse(cli.path("implicitFlowEnabled").asBoolean(true));
        assertFalse(cli.path("serviceAccountsEnabled").asBoolean(true));
    }

    /** People's access tokens, from the CLI's password grant or the portal's sign-in, carry the claims that scope them. */
    @ParameterizedTest
    @ValueSource(strings = {"healthcheck-cli", "portal"})
    void peoplesTokensCarryTheScopeClaims(String clientId) {
        JsonNode mappers = client(clientId).path("protocolMappers");
        for (String claim : List.of("authority_code", "region_code")) {
            JsonNode mapper = find(mappers, "name", claim).orElseThrow(() -> new AssertionError(clientId + " has no mapper " + claim));
            assertEquals("openid-connect", mapper.path("protocol").asText());
            assertEquals("oidc-usermodel-attribute-mapper", mapper.path("protocolMapper").asText());
            JsonNode config = mapper.path("config");
            assertEquals(claim, config.path("user.attribute").asText());
            assertEquals(claim, config.path("claim.name").asText());
            assertEquals("String", config.path("jsonType.label").asText());
            assertEquals("true", config.path("access.token.claim").asText());
            assertEquals("false", config.path("multivalued").asText());
        }
    }

    /** People's access tokens name the APIs' audience, so the portal calls them with the signed-in person's own token. */
    @ParameterizedTest
    @ValueSource(strings = {"healthcheck-cli", "portal"})
    void peoplesTokensNameTheApiAudience(String clientId) {
        List<JsonNode> audienceMappers = new ArrayList<>();
        for (JsonNode mapper : client(clientId).path("protocolMappers")) {
            if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())) {
                audienceMappers.add(mapper);
            }
        }
        assertEquals(1, audienceMappers.size(), "one audience mapper");
        JsonNode config = audienceMappers.get(0).path("config");
        assertEquals("healthcheck-api", config.path("included.client.audience").asText());
        assertEquals("true", config.path("access.token.claim").asText());
        // the audience names a client that exists in the realm
        assertNotNull(client("healthcheck-api"));
    }

    @Test
    void demoUsersHaveTheirRolesAndAttributes() {
        Map<String, String> roleByUser = Map.of("lga1", "lga-admin", "council1", "council-submitter", "ria1", "ria-analyst",
                "viewer1", "council-viewer");
        Set<String> people = new TreeSet<>(texts(realm.path("users"), "username"));
        people.removeIf(name -> name.startsWith("service-account-"));
        assertEquals(new TreeSet<>(roleByUser.keySet()), people);
        for (var entry : roleByUser.entrySet()) {
            JsonNode user = user(entry.getKey());
            assertTrue(user.path("enabled").asBoolean());
            List<String> roles = texts(user.path("realmRoles"));
            assertTrue(roles.contains(entry.getValue()), entry.getKey() + " has " + entry.getValue());
            for (String other : roleByUser.values()) {
                if (!other.equals(entry.getValue())) {
                    assertFalse(roles.contains(other), entry.getKey() + " must not have " + other);
                }
            }
            JsonNode credential = user.path("credentials").path(0);
            assertEquals("password", credential.path("type").asText());
            assertEquals(entry.getKey() + "-password", credential.path("value").asText());
            assertFalse(credential.path("temporary").asBoolean(true));
            assertTrue(user.path("attributes").path("demo_only").path(0).asText().startsWith("DEMO ONLY"),
                    entry.getKey() + " is marked as a demo user");
            // required by the user profile: a user missing them cannot get a token with the password grant
            for (String field : List.of("email", "firstName", "lastName")) {
                assertFalse(user.path(field).asText().isBlank(), entry.getKey() + " has " + field);
            }
        }
        assertEquals(List.of("E10000031"), texts(user("council1").path("attributes").path("authority_code")));
        assertEquals(List.of("E12000005"), texts(user("council1").path("attributes").path("region_code")));
        assertEquals(List.of("E12000007"), texts(user("ria1").path("attributes").path("region_code")));
        assertTrue(user("ria1").path("attributes").path("authority_code").isMissingNode());
        assertTrue(user("lga1").path("attributes").path("authority_code").isMissingNode());
        assertTrue(user("lga1").path("attributes").path("region_code").isMissingNode());
    }

    @Test
    void aCouncilsHrSystemIsAConfidentialClientWhoseTokensNameItsAuthority() {
        JsonNode client = client("council-E10000031");
        assertFalse(client.path("publicClient").asBoolean(true), "confidential");
        assertTrue(client.path("serviceAccountsEnabled").asBoolean(), "client credentials grant");
        for (String flow : List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled")) {
            assertFalse(client.path(flow).asBoolean(true), flow + " is off: the client only uses client credentials");
        }
        assertTrue(client.path("description").asText().startsWith("DEMO ONLY"), "its well-known secret is marked demo-only");
        Map<String, String> claims = new java.util.HashMap<>();
        boolean audience = false;
        for (JsonNode mapper : client.path("protocolMappers")) {
            if ("oidc-hardcoded-claim-mapper".equals(mapper.path("protocolMapper").asText())) {
                claims.put(mapper.path("config").path("claim.name").asText(), mapper.path("config").path("claim.value").asText());
                assertEquals("true", mapper.path("config").path("access.token.claim").asText());
            }
            audience |= "healthcheck-api".equals(mapper.path("config").path("included.client.audience").asText());
        }
        assertEquals(Map.of("authority_code", "E10000031", "region_code", "E12000005"), claims);
        assertTrue(audience, "its tokens name the APIs' audience");
        JsonNode account = find(realm.path("users"), "serviceAccountClientId", "council-E10000031")
                .orElseThrow(() -> new AssertionError("no service account user for the council client"));
        assertEquals(List.of("default-roles-healthcheck", "council-submitter"), texts(account.path("realmRoles")));
    }

    /** The portal signs people in with the authorization code flow and PKCE (S256), as a confidential client. */
    @Test
    void portalIsAConfidentialClientSigningInWithTheCodeFlowAndPkceS256Only() {
        JsonNode portal = client("portal");
        assertTrue(portal.path("enabled").asBoolean());
        assertFalse(portal.path("publicClient").asBoolean(true), "the portal is confidential (it keeps its secret server-side)");
        assertEquals("client-secret", portal.path("clientAuthenticatorType").asText());
        assertEquals(PORTAL_SECRET, portal.path("secret").asText(), "the DEMO ONLY secret documented in identity/README.md");
        assertTrue(portal.path("description").asText().startsWith("DEMO ONLY"), "its well-known secret is marked demo-only");
        assertTrue(portal.path("standardFlowEnabled").asBoolean(), "authorization code flow");
        for (String flow : List.of("implicitFlowEnabled", "directAccessGrantsEnabled")) {
            assertTrue(portal.has(flow), flow + " is set explicitly");
            assertFalse(portal.path(flow).asBoolean(true), "the portal must not have " + flow);
        }
        assertFalse(portal.path("consentRequired").asBoolean(true), "the demo users sign in without a consent screen");
        JsonNode attributes = portal.path("attributes");
        assertEquals("S256", attributes.path("pkce.code.challenge.method").asText(), "PKCE is required, with S256 (never plain)");
        assertEquals("false", attributes.path("oauth2.device.authorization.grant.enabled").asText());
        assertEquals("false", attributes.path("oidc.ciba.grant.enabled").asText());
    }

    /**
     * After sign-in and sign-out Keycloak sends the browser back to the portal's own address and nowhere else. The
     * realm holds the default address (port 8084); deploy/platform's RealmTemplate puts PORTAL_PORT in when it differs.
     */
    @Test
    void portalRedirectsOnlyToThePortalsAddress() {
        JsonNode portal = client("portal");
        List<String> portalUris = List.of("http://127.0.0.1:8084/*", "http://localhost:8084/*");
        assertEquals(portalUris, texts(portal.path("redirectUris")));
        assertEquals(String.join("##", portalUris), portal.path("attributes").path("post.logout.redirect.uris").asText(),
                "post-logout redirects: the portal's address only (not '+', which would follow any later redirect URI)");
        for (JsonNode origin : portal.path("webOrigins")) {
            assertTrue(List.of("+", "http://127.0.0.1:8084", "http://localhost:8084").contains(origin.asText()),
                    "web origin beyond the portal's address: " + origin);
        }
        String base = portal.path("baseUrl").asText("");
        assertTrue(base.isEmpty() || base.startsWith("http://127.0.0.1:8084/"), "baseUrl " + base);
    }

    /**
     * The portal's own token (client credentials: anonymous practitioner responses with an invitation code) holds
     * survey-relay and nothing else: no default roles, none of the people's roles, no authority of its own.
     */
    @Test
    void portalsServiceAccountHoldsSurveyRelayOnly() {
        assertTrue(client("portal").path("serviceAccountsEnabled").asBoolean(), "client credentials for the survey relay");
        JsonNode account = find(realm.path("users"), "serviceAccountClientId", "portal")
                .orElseThrow(() -> new AssertionError("no service account user for the portal"));
        assertEquals("service-account-portal", account.path("username").asText());
        assertEquals(List.of("survey-relay"), texts(account.path("realmRoles")));
        assertTrue(account.path("clientRoles").isMissingNode() || account.path("clientRoles").isEmpty(), "no client roles");
        assertTrue(account.path("groups").isMissingNode() || account.path("groups").isEmpty(), "no groups");
        assertTrue(account.path("attributes").path("authority_code").isMissingNode(), "the relay acts for no authority");
    }

    @Test
    void writesToTheRealmAreAudited() {
        assertTrue(realm.path("adminEventsEnabled").asBoolean(), "client creation and other admin changes are recorded");
        assertTrue(realm.path("eventsEnabled").asBoolean(), "logins and token grants are recorded");
    }

    private static JsonNode client(String clientId) {
        return find(realm.path("clients"), "clientId", clientId)
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static JsonNode user(String username) {
        return find(realm.path("users"), "username", username)
                .orElseThrow(() -> new AssertionError("no user " + username));
    }

    private static String pattern(JsonNode profile, String attribute) {
        return find(profile.path("attributes"), "name", attribute).orElseThrow()
                .path("validations").path("pattern").path("pattern").asText();
    }

    private static Optional<JsonNode> find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
