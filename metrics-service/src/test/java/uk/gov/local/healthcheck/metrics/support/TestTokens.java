package uk.gov.local.healthcheck.metrics.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens as the realm issues them, signed with the tests' own key
 * ({@code src/test/resources/test-signing-key.pem}).
 * The module's test profile verifies with a key whose private half was discarded, so that no token passes; a test
 * class whose callers are such tokens runs under {@link Trusted}, which makes this key's public half the one OIDC
 * verifies with.
 */
public final class TestTokens {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/healthcheck";
    private static final RSAPrivateCrtKey KEY = load();

    private TestTokens() {
    }

    /** A valid token of {@code subject} holding {@code roles}, with scoping claims such as authority_code. */
    public static String token(String subject, List<String> roles, Map<String, String> claims) {
        JwtClaimsBuilder token = Jwt.issuer(ISSUER).audience("healthcheck-api").subject(subject)
                .claim("realm_access", Map.of("roles", roles));
        claims.forEach(token::claim);
        return token.expiresIn(300).sign(KEY);
    }

    /** The test profile under which {@link #token}'s tokens verify: OIDC trusts the public half of the tests' key. */
    public static final class Trusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.public-key", publicKey());
        }
    }

    /** The public half, derived from the private key so that the two cannot drift apart. */
    private static String publicKey() {
        try {
            var spec = new RSAPublicKeySpec(KEY.getModulus(), KEY.getPublicExponent());
            return Base64.getEncoder().encodeToString(KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the public half of the tests' signing key", e);
        }
    }

    private static RSAPrivateCrtKey load() {
        try {
            return (RSAPrivateCrtKey) KeyUtils.readPrivateKey("/test-signing-key.pem");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the tests' signing key", e);
        }
    }
}
