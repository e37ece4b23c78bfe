package uk.gov.local.healthcheck.api.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Set;

/**
 * Who is calling, read from the verified token only, never from anything the caller sends in the path or body: the one
 * reader of its claims. What a caller may do with them is each service's {@code access.AccessPolicy}.
 *
 * @param subject       the token's subject (a person, or a council's HR system client)
 * @param clientId      the client the token was issued to ({@code azp}), null when absent
 * @param authorityCode the {@code authority_code} claim, null when absent or blank
 * @param regionCode    the {@code region_code} claim, null when absent or blank
 * @param roles         the realm roles the token carries
 */
public record CallerScope(String subject, String clientId, String authorityCode, String regionCode, Set<String> roles) {

    public CallerScope {
        roles = Set.copyOf(roles);
    }

    public static CallerScope of(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        String subject = principal == null ? null : principal.getName();
        if (principal instanceof JsonWebToken jwt) {
            String sub = jwt.getSubject();
            return new CallerScope(sub != null ? sub : subject, claim(jwt, Roles.CLIENT_CLAIM),
                    claim(jwt, Roles.AUTHORITY_CLAIM), claim(jwt, Roles.REGION_CLAIM), identity.getRoles());
        }
        return new CallerScope(subject, null, null, null, identity.getRoles());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** A claim as text, trimmed; null when absent or blank. */
    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = (value instanceof JsonString json ? json.getString() : value.toString()).replace("\"", "").trim();
        return text.isEmpty() ? null : text;
    }
}
