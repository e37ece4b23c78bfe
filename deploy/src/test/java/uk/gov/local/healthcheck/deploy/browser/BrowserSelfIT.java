package uk.gov.local.healthcheck.deploy.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser-test tools on pages of their own, with no platform: a small local server serves an accessible form, a page
 * with known accessibility faults, and a stand-in for Keycloak's login page. The form passes axe-core and is filled in and
 * sent with the keyboard alone; the faulty page fails the check, naming its rules; the sign-in helper gets through the
 * stand-in login and reports a refused password in Keycloak's words.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserSelfIT {

    private static HttpServer server;
    private static String base;
    private static final List<String> POSTS = new CopyOnWriteArrayList<>();

    static final String ACCESSIBLE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Your team - Social Work Health Check</title>
            <style>
              body { font-family: Arial, sans-serif; margin: 2em; color: #0b0c0c; }
              label { display: block; font-weight: bold; margin: 1em 0 .3em; }
              input { font-size: 1.2em; padding: .2em; border: 2px solid #0b0c0c; }
              button { display: block; margin-top: 1em; background: #00703c; color: #fff; border: 0; padding: .5em 1em; font-size: 1.2em; }
              :focus { outline: 3px solid #fd0; }
              a { color: #1d70b8; }
            </style></head>
            <body><main>
              <h1>Your team</h1>
              <p><a href="/help">Help with this question</a></p>
              <form method="post" action="/team">
                <label for="team">Team name</label>
                <input id="team" name="team" type="text" autocomplete="organization">
                <button id="continue" type="submit">Continue</button>
              </form>
            </main></body></html>
            """;

    /** A text box without a label and an image without alt text (both critical for axe), below a tall block. */
    static final String FAULTY = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>A faulty page</title></head>
            <body><main>
              <h1>A faulty page</h1>
              <div style="height: 2400px; background: linear-gradient(#fff, #b1b4b6)">A tall block: the screenshot shows all of the page</div>
              <input id="nameless" type="text" name="nameless">
              <img id="wordless" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" width="40" height="40">
            </main></body></html>
            """;

    static final String THANKS = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Thank you</title></head>
            <body><main><h1>Thank you</h1><p>We have your team's name.</p></main></body></html>
            """;

    /** As Keycloak's account console does: the page reaches the login page by a script, after a moment. */
    static final String APP = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Loading</title></head>
            <body><main><h1>Loading</h1><script>
              setTimeout(() => location.href = '/realms/test/protocol/openid-connect/auth?client_id=portal', 800);
            </script></main></body></html>
            """;

    static String login(String error) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign in to test</title></head>
                <body><main><h1>Sign in to your account</h1>
                <form id="kc-form-login" method="post" action="/realms/test/login-actions/authenticate?session_code=x">
                  <label for="username">Username or email</label><input id="username" name="username" type="text">
                  <label for="password">Password</label><input id="password" name="password" type="password">
                  %s
                  <input id="kc-login" type="submit" value="Sign In">
                </form></main></body></html>
                """.formatted(error == null ? "" : "<span id=\"input-error\" class=\"kc-feedback-text\" aria-live=\"polite\">" + error + "</span>");
    }

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (method + " " + path) {
                case "GET /accessible" -> html(exchange, 200, ACCESSIBLE);
                case "GET /faulty" -> html(exchange, 200, FAULTY);
                case "POST /team" -> {
                    POSTS.add(body);
                    redirect(exchange, "/thanks");
                }
                case "GET /thanks" -> html(exchange, 200, THANKS);
                case "GET /app" -> html(exchange, 200, APP);
                case "GET /realms/test/protocol/openid-connect/auth" -> html(exchange, 200, login(null));
                case "POST /realms/test/login-actions/authenticate" -> {
                    if (body.contains("username=alice&") && body.endsWith("password=alice-password")) {
                        redirect(exchange, "/app/home");
                    } else {
                        html(exchange, 200, login("Invalid username or password."));
                    }
                }
                case "GET /app/home" -> html(exchange, 200, "<!DOCTYPE html><html lang=\"en\"><head><title>Home</title></head>"
                        + "<body><main><h1>Signed in as alice</h1></main></body></html>");
                default -> html(exchange, 404, "<!DOCTYPE html><html lang=\"en\"><head><title>Not found</title></head>"
                        + "<body><main><h1>Not found</h1></main></body></html>");
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        System.out.println(AxeSummary.text());
        assertTrue(Files.readString(AxeSummary.file()).contains("BrowserSelfIT.accessiblePage / team question"), AxeSummary.file().toString());
    }

    @Test
    @Order(1)
    void accessiblePagePassesAxeAndIsFilledInAndSentWithTheKeyboardAlone() throws IOException {
        try (Browser browser = Browser.start("BrowserSelfIT.accessiblePage")) {
            browser.open(base + "/accessible");
            assertEquals("Your team - Social Work Health Check", browser.title());
            Path first = browser.screenshot("team-question");
            Axe.Result result = browser.checkAccessibility("team question");
            assertEquals(List.of(), result.seriousOrCritical(), result.describe(result.violations()));

            // no mouse from here: Tab to the text box (past the help link), type, Tab to the button, Enter
            WebElement team = browser.find(By.id("team"));
            assertEquals(2, browser.tabTo(team), "the help link, then the text box");
            browser.type("Children's services East");
            WebElement button = browser.pressTab();
            assertEquals("continue", button.getDomAttribute("id"), "Tab after the text box: " + Browser.describe(button));
            browser.screenshot("continue-focused");
            browser.press(Keys.ENTER);
            assertEquals(base + "/thanks", browser.waitUntilUrlLeaves("/accessible"));
            browser.waitFor(By.tagName("h1"));
            assertEquals(List.of("team=Children%27s+services+East"), POSTS);
            assertEquals("Children's services East", URLDecoder.decode(POSTS.get(0).substring("team=".length()), StandardCharsets.UTF_8));
            browser.checkAccessibility("thank you");
            Path last = browser.screenshot("thank-you");

            assertTrue(first.getFileName().toString().matches("BrowserSelfIT\\.accessiblePage-01-team-question\\.png"), first.toString());
            assertTrue(last.getFileName().toString().startsWith("BrowserSelfIT.accessiblePage-03-"), last.toString());
            assertEquals(Browser.ROOT.resolve("portal/target/screenshots"), first.getParent());
            assertPng(first, 0);
        }
    }

    @Test
    @Order(2)
    void aPageWithAnUnlabelledInputAndAnImageWithoutAltFailsTheCheckNamingItsRules() throws IOException {
        try (Browser browser = Browser.start("BrowserSelfIT.faultyPage")) {
            browser.open(base + "/faulty");
            Path shot = browser.screenshot("faulty");
            assertPng(shot, 2400);

            Axe.Result found = browser.accessibility("faulty (looked at)");
            assertTrue(found.ruleIds().containsAll(List.of("label", "image-alt")), found.describe(found.violations()));
            assertTrue(found.countsByImpact().get("critical") + found.countsByImpact().get("serious") >= 2, found.countsByImpact().toString());

            AssertionError failure = assertThrows(AssertionError.class, () -> browser.checkAccessibility("faulty"));
            String message = failure.getMessage();
            System.out.println("[BrowserSelfIT] the check fails, saying:\n" + message);
            for (String expected : List.of("label (critical)", "image-alt (critical)", "#nameless", "#wordless", "Images must have alternative text",
                    "https://dequeuniversity.com/rules/axe/")) {
                assertTrue(message.contains(expected), "'" + expected + "' missing from:\n" + message);
            }
        }
    }

    @Test
    @Order(3)
    void signsInOnAKeycloakStyleLoginPageReachedByAScriptAndReportsARefusedPassword() {
        try (Browser alice = Browser.start("BrowserSelfIT.signIn")) {
            alice.open(base + "/app");
            alice.signInWithKeycloak("alice", "alice-password");
            assertEquals(base + "/app/home", alice.url());
            assertEquals("Signed in as alice", alice.waitFor(By.tagName("h1")).getText());
            alice.screenshot("signed-in");
        }
        try (Browser mallory = Browser.start("BrowserSelfIT.signInRefused")) {
            mallory.open(base + "/app");
            AssertionError refused = assertThrows(AssertionError.class, () -> mallory.signInWithKeycloak("alice", "guess"));
            assertTrue(refused.getMessage().contains("Invalid username or password."), refused.getMessage());
            assertTrue(refused.getMessage().contains("/login-actions/authenticate"), refused.getMessage());
            mallory.screenshot("refused");
        }
    }

    /** A PNG of the whole page: as wide as the window (less a scroll bar), at least as high as the page's content. */
    private static void assertPng(Path png, int minHeight) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, png + " is not a PNG");
        assertTrue(image.getWidth() > 1200 && image.getWidth() <= 1280, png + ": " + image.getWidth() + " px wide");
        assertTrue(image.getHeight() >= minHeight, png + ": " + image.getHeight() + " px high, the page is at least " + minHeight);
    }

    private static void html(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().set("Location", to);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }
}
