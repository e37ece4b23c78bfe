package uk.gov.local.healthcheck.survey.invitations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Invitation codes: 32 bytes (256 bits) from {@link SecureRandom}, URL-safe base64 without padding (43 characters),
 * so a code cannot be guessed or enumerated. Only {@link #sha256} of a code is stored: a fast hash is enough for a
 * secret this long (there is nothing to brute-force), and it lets a code be found by an index look-up.
 */
final class InvitationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private InvitationCodes() {
    }

    static String newCode() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
