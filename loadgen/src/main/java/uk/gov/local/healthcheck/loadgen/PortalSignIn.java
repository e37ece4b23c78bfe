package uk.gov.local.healthcheck.loadgen;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in to the portal as a person would, without a browser: {@code /home} redirects to Keycloak's login page
 * (authorization code flow with PKCE, which the portal runs), its form is posted with the user's name and password,
 * and Keycloak's redirect back to the portal makes the portal set its session cookies. Redirects are followed one by
 * one, so that a failure says where the flow stopped.
 */
final class PortalSignIn {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*\\sid\\s*=\\s*[\"']kc-form-login[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\saction\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT_ERROR = Pattern.compile("id=\"input-error[^\"]*\"[^>]*>\\s*([^<]+)<");
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&(?:#(\\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));");
    private static final int MAX_REDIRECTS = 10;

    private final CookieManager cookies = new LoopbackCookieManager();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    private PortalSignIn() {
    }

    /**
     * Keycloak marks its login cookies Secure even over plain HTTP; browsers treat a loopback address as a secure
     * context and send them back, the JDK does not (Keycloak then answers the login form with 400). On a loopback
     * host, this jar keeps them as a browser would; anywhere else Secure means HTTPS only.
     */
    static final class LoopbackCookieManager extends CookieManager {

        private static final Pattern SECURE = Pattern.compile(";\\s*Secure\\s*(?=;|$)", Pattern.CASE_INSENSITIVE);

        LoopbackCookieManager() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            super.put(uri, isLoopback(uri) ? withoutSecure(headers) : headers);
        }

        static boolean isLoopback(URI uri) {
            String host = uri.getHost();
            return "localhost".equalsIgnoreCase(host) || "::1".equals(host) || "[::1]".equals(host)
                    || host != null && host.startsWith("127.");
        }

        static Map<String, List<String>> withoutSecure(Map<String, List<String>> headers) {
            Map<String, List<String>> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> {
                if (name != null) {
                    copy.put(name, "set-cookie".equalsIgnoreCase(name)
                            ? values.stream().map(v -> SECURE.matcher(v).replaceAll("")).toList() : values);
                }
            });
            return copy;
        }
    }

    /** Signs in and returns the portal's cookies; throws {@link IllegalStateException} saying where it failed. */
    static PortalCookies signIn(String portal, String user, String password) throws IOException, InterruptedException {
        return new PortalSignIn().run(URI.create(portal + "/home"), user, password);
    }

    private PortalCookies run(URI home, String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = follow(request(home).GET().build());
        String action = loginFormAction(login.body());
        if (login.statusCode() != 200 || action == null) {
            throw new IllegalStateException("GET " + home + " ended at " + login.uri() + " (" + login.statusCode()
                    + ") without Keycloak's login form");
        }
        String form = Map.of("username", user, "password", password, "credentialId", "").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> signedIn = follow(request(login.uri().resolve(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (loginFormAction(signedIn.body()) != null) {
            Matcher error = INPUT_ERROR.matcher(signedIn.body());
            throw new IllegalStateException("Keycloak did not sign in " + user + (error.find() ? ": " + unescape(error.group(1).trim()) : "")
                    + " (its login form came back)");
        }
        HttpResponse<String> again = http.send(request(home).GET().build(), HttpResponse.BodyHandlers.ofString());
        PortalCookies portalCookies = PortalCookies.of(cookies.get(home, Map.of()).getOrDefault("Cookie", List.of()));
        if (again.statusCode() != 200 || !portalCookies.hasSession()) {
            throw new IllegalStateException("After signing in, GET " + home + " answered " + again.statusCode()
                    + again.headers().firstValue("Location").map(l -> " to " + l).orElse("")
                    + (portalCookies.hasSession() ? "" : ", and the portal set no q_session cookie"));
        }
        return portalCookies;
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
    }

    /** Sends the request and follows redirects (as GETs, as a browser does after a form's 302) to the first answer that is not one. */
    private HttpResponse<String> follow(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < MAX_REDIRECTS; hops++) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return response;
            }
            response = http.send(request(response.uri().resolve(location)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects from " + request.uri() + ", the last to " + response.uri());
    }

    /** The {@code action} of Keycloak's login form ({@code id="kc-form-login"}) with its HTML escapes undone, or null if the page has none. */
    static String loginFormAction(String html) {
        Matcher form = LOGIN_FORM.matcher(html == null ? "" : html);
        if (!form.find()) {
            return null;
        }
        Matcher action = ACTION.matcher(form.group());
        return action.find() ? unescape(action.group(1) != null ? action.group(1) : action.group(2)) : null;
    }

    /** Undoes HTML character references: the named ones Keycloak's templates write, and numeric ones. */
    static String unescape(String text) {
        return CHARACTER_REFERENCE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) != null ? Character.toString(Integer.parseInt(m.group(1)))
                        : m.group(2) != null ? Character.toString(Integer.parseInt(m.group(2), 16))
                        : switch (m.group(3)) {
                            case "amp" -> "&";
                            case "lt" -> "<";
                            case "gt" -> ">";
                            case "quot" -> "\"";
                            default -> "'";
                        }));
    }
}
