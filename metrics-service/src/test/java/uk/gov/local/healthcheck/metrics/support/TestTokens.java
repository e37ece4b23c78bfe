package uk.gov.local.healthcheck.metrics.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens as the realm issues them, signed with the tests' own key
 * ({@code src/test/resources/test-signing-key.pem}).
 * The module's test profile verifies with this key's public half (application.properties,
 * {@code %test.quarkus.oidc.public-key}).
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

    private static RSAPrivateCrtKey load() {
        try {
            return (RSAPrivateCrtKey) KeyUtils.readPrivateKey("/test-signing-key.pem");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the tests' signing key", e);
        }
    }
}
