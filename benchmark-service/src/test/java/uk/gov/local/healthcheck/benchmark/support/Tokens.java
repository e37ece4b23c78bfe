package uk.gov.local.healthcheck.benchmark.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bearer tokens that must all be refused: crafted here, since the test profile's verification key belongs to a key
 * pair whose private half was discarded (so no token can pass).
 */
public final class Tokens {

    public static final String ISSUER = "http://127.0.0.1:8180/realms/healthcheck";

    private Tokens() {
    }

    /** name → token, every one invalid in its own way. */
    public static Map<String, String> invalid(String publicKeyBase64) {
        long now = Instant.now().getEpochSecond();
        String claims = claims(ISSUER, now - 60, now + 300);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("garbage", "garbage");
        tokens.put("three garbage parts", "abc.def.ghi");
        tokens.put("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".");
        tokens.put("HS256 keyed with the public key", hs256(claims, publicKeyBase64));
        tokens.put("expired", rs256(claims(ISSUER, now - 7200, now - 3600)));
        tokens.put("wrong issuer", rs256(claims("http://evil.example/realms/healthcheck", now - 60, now + 300)));
        tokens.put("signed by another key", rs256(claims));
        return tokens;
    }

    private static String claims(String issuer, long issuedAt, long expires) {
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"lga1\",\"aud\":\"healthcheck-api\",\"iat\":" + issuedAt
                + ",\"exp\":" + expires + ",\"preferred_username\":\"lga1\","
                + "\"realm_access\":{\"roles\":[\"lga-admin\"]},\"groups\":[\"lga-admin\"]}";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hs256(String claims, String secret) {
        try {
            String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with a fresh key pair: well-formed, but not by the realm's key. */
    private static String rs256(String claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test\"}") + "." + b64(claims);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(pair.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
