package uk.gov.local.healthcheck.loadgen;

import java.net.HttpCookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The portal's cookies after signing in (its session, {@code q_session} and its parts), sent as one {@code Cookie}
 * header. Kept up to date from the portal's {@code Set-Cookie} answers: it renews the session's tokens in them when
 * they near expiry, and a client that kept the old ones would have them renewed on every request after that.
 */
final class PortalCookies {

    private final Map<String, String> values = new LinkedHashMap<>();

    /** From {@code name=value} pairs, as a cookie store gives them for a URI. */
    static PortalCookies of(List<String> pairs) {
        PortalCookies cookies = new PortalCookies();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return cookies;
    }

    synchronized boolean hasSession() {
        return values.keySet().stream().anyMatch(name -> name.startsWith("q_session"));
    }

    synchronized String header() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** Applies {@code Set-Cookie} header values: a cookie set is replaced, one expired (as {@code Max-Age=0}) removed. */
    synchronized void update(List<String> setCookies) {
        for (String setCookie : setCookies) {
            for (HttpCookie cookie : HttpCookie.parse(setCookie)) {
                if (cookie.hasExpired()) {
                    values.remove(cookie.getName());
                } else {
                    values.put(cookie.getName(), cookie.getValue());
                }
            }
        }
    }
}
