package uk.gov.local.healthcheck.survey.security;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import uk.gov.local.healthcheck.api.access.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Signs tokens like Keycloak's with the tests' own key (whose public half the test profile trusts), so the token
 * checks can be tested with expired, mis-addressed and wrongly signed tokens too.
 */
public final class TestTokens {

    private static final PrivateKey KEY = load();

    private TestTokens() {
    }

    public static String token(String subject, List<String> roles, Map<String, String> claims) {
        return sign(subject, roles, claims, "healthcheck-api", 300, KEY);
    }

    /** A valid token of the LGA: every authority. */
    public static String lgaAdmin(String subject) {
        return token(subject, List.of(Roles.LGA_ADMIN), Map.of());
    }

    /** A valid token of a council's people or systems that submit for its authority. */
    public static String councilSubmitter(String subject, String authority) {
        return token(subject, List.of(Roles.COUNCIL_SUBMITTER), Map.of(Roles.AUTHORITY_CLAIM, authority));
    }

    /** A valid token of a council's people who read their authority's figures. */
    public static String councilViewer(String subject, String authority) {
        return token(subject, List.of(Roles.COUNCIL_VIEWER), Map.of(Roles.AUTHORITY_CLAIM, authority));
    }

    /** A valid token of a regional improvement alliance's analyst, for every authority of the region. */
    public static String riaAnalyst(String subject, String region) {
        return token(subject, List.of(Roles.RIA_ANALYST), Map.of(Roles.REGION_CLAIM, region));
    }

    /** A valid token of the portal's service account, which relays invited practitioners' responses. */
    public static String surveyRelay(String subject) {
        return token(subject, List.of(Roles.SURVEY_RELAY), Map.of());
    }

    /** A JSON request sent with this token. */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String expired(String subject, List<String> roles) {
        return sign(subject, roles, Map.of(), "healthcheck-api", -60, KEY);
    }

    public static String forAudience(String audience, String subject, List<String> roles) {
        return sign(subject, roles, Map.of(), audience, 300, KEY);
    }

    public static String signedByAnotherKey(String subject, List<String> roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(subject, roles, Map.of(), "healthcheck-api", 300, generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A well-formed token from another issuer (another realm, another Keycloak), signed with the right key. */
    public static String fromIssuer(String issuer, String subject, List<String> roles) {
        return sign(subject, roles, Map.of(), "healthcheck-api", 300, KEY, issuer);
    }

    /** The claims of a valid token, unsigned: {@code alg: none} with an empty signature. */
    public static String unsigned(String subject, List<String> roles) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims(subject, roles, Map.of(), "healthcheck-api", 300, ISSUER).toJson()) + ".";
    }

    /**
     * The claims of a valid token, HMAC-signed (HS256) with the public key as the secret: the old trick against a
     * verifier that takes whatever algorithm the token names.
     */
    public static String hs256WithPublicKey(String subject, List<String> roles, String publicKeyBase64) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(subject, roles, Map.of(), "healthcheck-api", 300, ISSUER).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new org.jose4j.keys.HmacKey(publicKeyBase64.getBytes(StandardCharsets.US_ASCII)));
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static final String ISSUER = "http://127.0.0.1:8180/realms/healthcheck";

    private static String sign(String subject, List<String> roles, Map<String, String> claims, String audience,
                               int secondsValid, PrivateKey key) {
        return sign(subject, roles, claims, audience, secondsValid, key, ISSUER);
    }

    private static JwtClaims claims(String subject, List<String> roles, Map<String, String> claims, String audience,
                                    int secondsValid, String issuer) {
        JwtClaims jwt = new JwtClaims();
        jwt.setSubject(subject);
        jwt.setAudience(audience, "account");
        jwt.setIssuer(issuer);
        jwt.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 120));
        jwt.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + secondsValid));
        jwt.setClaim("azp", "test-client");
        jwt.setClaim("preferred_username", subject);
        jwt.setClaim("realm_access", Map.of("roles", roles));
        claims.forEach(jwt::setClaim);
        return jwt;
    }

    private static String sign(String subject, List<String> roles, Map<String, String> claims, String audience,
                               int secondsValid, PrivateKey key, String issuer) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(subject, roles, claims, audience, secondsValid, issuer).toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey load() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-signing-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the tests' signing key", e);
        }
    }
}
