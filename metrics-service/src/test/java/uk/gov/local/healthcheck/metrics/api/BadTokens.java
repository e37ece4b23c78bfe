package uk.gov.local.healthcheck.metrics.api;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Tokens no request may pass with: none, garbage, alg none, another key, HS256 keyed with the public key, expired. */
final class BadTokens {

    /** The key OIDC verifies with: the test profile's (application.properties, %test.quarkus.oidc.public-key). */
    static final String PUBLIC_KEY = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("quarkus.oidc.public-key", String.class);

    private BadTokens() {
    }

    static List<String> all() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String claims = "{\"iss\":\"http://127.0.0.1:8180/realms/healthcheck\",\"aud\":\"healthcheck-api\","
                + "\"sub\":\"lga1\",\"exp\":" + (now + 600) + ",\"iat\":" + now
                + ",\"realm_access\":{\"roles\":[\"lga-admin\"]}}";
        String expired = claims.replace("\"exp\":" + (now + 600), "\"exp\":" + (now - 3600));
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add("garbage");
        tokens.add("a.b.c");
        tokens.add(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".");
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey other = generator.generateKeyPair().getPrivate();
        tokens.add(rs256(claims, other));
        tokens.add(rs256(expired, other));
        tokens.add(hs256(claims, PUBLIC_KEY.getBytes(StandardCharsets.UTF_8)));
        return tokens;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String rs256(String claims, PrivateKey key) throws Exception {
        String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    private static String hs256(String claims, byte[] secret) throws Exception {
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(
                input.getBytes(StandardCharsets.US_ASCII)));
    }
}
