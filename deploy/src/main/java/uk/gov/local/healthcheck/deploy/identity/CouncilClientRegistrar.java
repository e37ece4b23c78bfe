package uk.gov.local.healthcheck.deploy.identity;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import picocli.CommandLine;
import uk.gov.local.healthcheck.deploy.CommandLineTool;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Onboards a council's HR system: creates, in the running Keycloak, a confidential client {@code council-<code>}
 * that uses the client credentials grant and whose tokens carry the council's {@code authority_code} and
 * {@code region_code} and the {@code council-submitter} role, then prints its id and secret.
 *
 * <p>{@code CouncilClientRegistrar --keycloak URL --register authority-register.csv --authority E10000031}
 * ({@code --help} lists the options); the Keycloak administrator's name and password come from the environment
 * ({@code KEYCLOAK_ADMIN_USER}, {@code KEYCLOAK_ADMIN_PASSWORD}), never the command line. Keycloak records the
 * creation in its admin events.
 *
 * <p>It talks to Keycloak through Keycloak's own admin client ({@code keycloak-admin-client}, typed representations,
 * RESTEasy underneath) rather than {@code kcadm.sh} from the unpacked distribution: {@code kcadm.sh} takes the
 * administrator's password on its command line (visible to every user of the machine) and would start a JVM per step.
 */
public final class CouncilClientRegistrar {

    static final String REALM = "healthcheck";
    static final String ROLE = "council-submitter";
    static final String AUDIENCE = "healthcheck-api";

    private final RealmResource realm;

    CouncilClientRegistrar(Keycloak keycloak) {
        this.realm = keycloak.realm(REALM);
    }

    /** A current authority of the register (one that still exists), or empty. */
    record Council(String code, String name, String regionCode) {
    }

    public static void main(String[] args) {
        new Command().runAndExit(args);
    }

    /** The command line; {@code --help} lists it. */
    @CommandLine.Command(name = "CouncilClientRegistrar",
            description = {"Creates the Keycloak client council-<code> of a council's HR system and prints its id and secret.",
                    "The Keycloak administrator comes from KEYCLOAK_ADMIN_USER (default admin) and KEYCLOAK_ADMIN_PASSWORD."},
            exitCodeList = {"0:the client was created", "1:the client was not created", "2:bad usage"})
    static final class Command extends CommandLineTool {

        @CommandLine.Option(names = "--keycloak", required = true, paramLabel = "URL", description = "Keycloak")
        String keycloak;
        @CommandLine.Option(names = "--register", required = true, paramLabel = "FILE", description = "reference-data/authority-register.csv")
        Path register;
        @CommandLine.Option(names = "--authority", required = true, paramLabel = "CODE", description = "the council's GSS code, e.g. E10000031")
        String authority;

        @Override
        public Integer call() throws IOException {
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
            String secret;
            try (Keycloak admin = login(keycloak, user, password)) {
                secret = new CouncilClientRegistrar(admin).register(council.get());
            }
            System.out.println("client_id=" + clientId(council.get().code()));
            System.out.println("client_secret=" + secret);
            System.out.println("authority=" + council.get().code() + " (" + council.get().name() + "), region " + council.get().regionCode());
            return 0;
        }
    }

    static String clientId(String authorityCode) {
        return "council-" + authorityCode;
    }

    /** The authority of the register (read with reference's {@link AuthorityRegister}, its one reader) if it still exists. */
    static Optional<Council> findCurrent(Path register, String code) throws IOException {
        try (Reader reader = Files.newBufferedReader(register)) {
            return AuthorityRegister.parse(reader).find(code)
                    .filter(a -> a.validToYear().isEmpty())
                    .map(a -> new Council(a.gssCode(), a.name(), a.region().code()));
        }
    }

    /** The client's representation: confidential, client credentials only, claims fixed to the council. */
    static ClientRepresentation clientRepresentation(Council council) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId(council.code()));
        client.setName(council.name() + " HR system");
        client.setDescription("Submits " + council.name() + "'s returns machine-to-machine (client credentials).");
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(true);
        client.setFrontchannelLogout(false);
        client.setAttributes(Map.of("access.token.lifespan", "300", "client_credentials.use_refresh_token", "false"));
        client.setProtocolMappers(List.of(
                claim("authority_code", council.code()),
                claim("region_code", council.regionCode()),
                mapper("healthcheck-api-audience", "oidc-audience-mapper", Map.of("included.client.audience", AUDIENCE))));
        return client;
    }

    /** A claim with a fixed value in the access token (and in introspection, not in the ID token). */
    private static ProtocolMapperRepresentation claim(String name, String value) {
        return mapper(name, "oidc-hardcoded-claim-mapper", Map.of("claim.name", name, "claim.value", value, "jsonType.label", "String"));
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> settings) {
        Map<String, String> config = new LinkedHashMap<>(settings);
        config.putAll(Map.of("access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true"));
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }

    /** The master realm's administrator, signed in (password grant on admin-cli) before anything is asked. */
    static Keycloak login(String keycloak, String user, String password) {
        // bounded waits, so a Keycloak that hangs fails the command instead of holding it; the admin client's own
        // Jackson provider, which ignores fields a newer Keycloak adds to its representations
        Client http = ClientBuilder.newBuilder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                .register(new JacksonProvider()).build();
        Keycloak admin = KeycloakBuilder.builder().serverUrl(keycloak).realm("master").clientId("admin-cli")
                .username(user).password(password).grantType(OAuth2Constants.PASSWORD).resteasyClient(http).build();
        try {
            admin.tokenManager().getAccessToken();
        } catch (WebApplicationException e) {
            admin.close();
            throw new IllegalStateException("Keycloak refused the administrator login (" + e.getResponse().getStatus() + "): " + body(e));
        }
        return admin;
    }

    /** Creates the council's client, grants its service account the role and returns the client's secret. */
    String register(Council council) {
        String clientId = clientId(council.code());
        String uuid;
        try (Response created = realm.clients().create(clientRepresentation(council))) {
            if (created.getStatus() == 409) {
                throw new IllegalStateException("A client " + clientId + " already exists; rotate its secret in the Keycloak admin console");
            }
            uuid = asked("create client " + clientId, () -> CreatedResponseUtil.getCreatedId(created));
        }
        ClientResource client = realm.clients().get(uuid);
        String serviceUser = asked("service account", () -> client.getServiceAccountUser().getId());
        RoleRepresentation role = asked("role " + ROLE, () -> realm.roles().get(ROLE).toRepresentation());
        asked("grant " + ROLE, () -> {
            realm.users().get(serviceUser).roles().realmLevel().add(List.of(role));
            return role;
        });
        return asked("secret", () -> client.getSecret().getValue());
    }

    /** The answer to one step, or a failure naming the step and what Keycloak answered. */
    private static <T> T asked(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (WebApplicationException e) {
            throw new IllegalStateException("Keycloak: " + what + " answered " + e.getResponse().getStatus() + ": " + body(e));
        }
    }

    private static String body(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(String.class);
        } catch (RuntimeException unreadable) {
            return e.getMessage();
        }
    }
}
