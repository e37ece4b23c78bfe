package uk.gov.local.healthcheck.loadgen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A portal and a Keycloak, each on its own port, that do the code flow's redirects and cookies as the real ones do
 * (only as far as a client can see them): enough to run the sign-in and the benchmark without the platform.
 */
final class FakePortal implements AutoCloseable {

    static {
        // the JDK's server writes a response's head and body apart: without this, Nagle and delayed ACKs add 40 ms to each
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final HttpServer portal;
    final HttpServer keycloak;

    FakePortal() throws IOException {
        portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String kc = "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/healthcheck";
        String home = "http://127.0.0.1:" + portal.getAddress().getPort();
        portal.createContext("/", x -> {
            String cookies = String.join("; ", x.getRequestHeaders().getOrDefault("Cookie", List.of()));
            String path = x.getRequestURI().getPath();
            if (path.equals("/signed-in")) {
                boolean ok = cookies.contains("q_auth_s1=pkce") && x.getRequestURI().getQuery().equals("state=s1&code=c1");
                x.getResponseHeaders().add("Set-Cookie", "q_session=token1; Path=/; HttpOnly");
                x.getResponseHeaders().add("Set-Cookie", "q_auth_s1=; Path=/; Max-Age=0");
                redirect(x, ok ? "/home" : "/error");
            } else if (!cookies.contains("q_session=token1")) {
                x.getResponseHeaders().add("Set-Cookie", "q_auth_s1=pkce; Path=/; HttpOnly");
                redirect(x, kc + "/protocol/openid-connect/auth?response_type=code&client_id=portal&state=s1");
            } else if (path.endsWith(".pdf")) {
                answer(x, 200, "%PDF-1.7 fake");
            } else {
                answer(x, path.equals("/home") || path.startsWith("/councils/") ? 200 : 404, "<html>" + path + "</html>");
            }
        });
        keycloak.createContext("/", x -> {
            String cookies = String.join("; ", x.getRequestHeaders().getOrDefault("Cookie", List.of()));
            if (x.getRequestURI().getPath().endsWith("/openid-connect/auth")) {
                x.getResponseHeaders().add("Set-Cookie", "AUTH_SESSION_ID=a1; Path=/realms/healthcheck/; HttpOnly");
                answer(x, 200, "<form id=\"kc-form-login\" action=\"" + kc + "/login-actions/authenticate?session_code=x&amp;client_id=portal\" method=\"post\">");
            } else {
                String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (cookies.contains("AUTH_SESSION_ID=a1") && x.getRequestURI().getQuery().equals("session_code=x&client_id=portal")
                        && form.contains("username=lga1") && form.contains("password=lga1-password") && form.contains("credentialId=")) {
                    redirect(x, home + "/signed-in?state=s1&code=c1");
                } else {
                    answer(x, 200, "<span id=\"input-error\">Invalid username or password.</span>"
                            + "<form id=\"kc-form-login\" action=\"" + kc + "/login-actions/authenticate\">");
                }
            }
        });
        portal.start();
        keycloak.start();
    }

    String url() {
        return "http://127.0.0.1:" + portal.getAddress().getPort();
    }

    private static void redirect(HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().add("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        portal.stop(0);
        keycloak.stop(0);
    }
}
