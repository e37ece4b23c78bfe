package uk.gov.local.healthcheck.portal.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Keeps a practitioner's answers between pages in one cookie, encrypted and authenticated (AES-GCM), scoped to the
 * invitation's path and short-lived, so the portal stores nothing about the person anywhere: the cookie is the only
 * copy until the response is sent, and it is deleted then. A cookie that does not decrypt (tampered, or from
 * before a key change) is simply no session.
 */
@ApplicationScoped
public class SurveyCookie {

    public static final String NAME = "survey-answers";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final Duration maxAge;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    public SurveyCookie(@ConfigProperty(name = "portal.survey.session-key") String secret,
                        @ConfigProperty(name = "portal.survey.session-max-age") Duration maxAge, ObjectMapper json) {
        this.key = new SecretKeySpec(sha256(secret), "AES");
        this.maxAge = maxAge;
        this.json = json;
    }

    public NewCookie write(String path, SurveyState state, boolean secure) {
        ObjectNode body = json.createObjectNode();
        body.put("r", state.responseId());
        body.set("a", state.answers());
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(path.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(body));
            byte[] value = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return cookie(path, Base64.getUrlEncoder().withoutPadding().encodeToString(value), (int) maxAge.toSeconds(), secure);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot seal the survey cookie", e);
        }
    }

    public Optional<SurveyState> read(String path, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(value);
            if (raw.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(path.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            JsonNode body = json.readTree(plain);
            if (!body.path("r").isTextual() || !body.path("a").isObject()) {
                return Optional.empty();
            }
            return Optional.of(new SurveyState(body.get("r").asText(), (ObjectNode) body.get("a")));
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** The cookie that deletes the session (sent on submit). */
    public NewCookie delete(String path, boolean secure) {
        return cookie(path, "", 0, secure);
    }

    private static NewCookie cookie(String path, String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path(path).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("portal-survey-cookie:" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
