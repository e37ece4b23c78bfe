package uk.gov.local.healthcheck.deploy.browser;

import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One person at a headless Chromium (Selenium 4, Debian's Chromium and chromedriver as {@link Chromium} finds them; never
 * Selenium Manager): a fresh profile each, so a new browser is a new person with no session. Close it (try-with-resources).
 *
 * <p>What a page test needs: {@link #open}, {@link #waitFor}, {@link #waitUntilUrlLeaves}, {@link #signInWithKeycloak},
 * {@link #screenshot} (full-page PNGs in {@code portal/target/screenshots}, numbered in the order taken),
 * {@link #checkAccessibility} (axe-core; fails on a serious or critical violation; every page checked goes into
 * {@link AxeSummary}), both at once ({@link #screenshotAndCheckAccessibility}), and the keyboard: {@link #pressTab()}, {@link #tabTo}, {@link #activeElement()}, {@link #type}.
 */
public final class Browser implements AutoCloseable {

    /** The repository's root (the folder with mvnw and deploy/), whichever module's folder the tests run in. */
    public static final Path ROOT = root();
    /** Where screenshots and the axe summary go. */
    public static final Path SCREENSHOTS = ROOT.resolve("portal/target/screenshots");
    /** How long {@link #waitFor(By)} and {@link #waitUntilUrlLeaves(String)} wait: long enough for a busy two-core machine. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
            "--window-size=1280,1600");
    private static final Map<String, AtomicInteger> SHOTS = new ConcurrentHashMap<>();

    private final String test;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(String test) {
        this.test = fileName(test);
        Chromium.Installation chromium = Chromium.find();
        try {
            this.profile = Files.createTempDirectory("healthcheck-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.binary().toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
    }

    /** A new browser (a new person) for the test named so; its screenshots are named after it. */
    public static Browser start(String testName) {
        return new Browser(testName);
    }

    /** A new browser for this JUnit test: screenshots are named {@code <TestClass>.<method>-<nn>-<name>.png}. */
    public static Browser start(TestInfo test) {
        return new Browser(test.getTestClass().map(Class::getSimpleName).orElse("test") + "."
                + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse(test.getDisplayName()));
    }

    /** Selenium's driver, for whatever these helpers do not cover. */
    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /** The element once it is on the page and shown, waiting up to {@link #WAIT}. */
    public WebElement waitFor(By by) {
        return waitFor(by, WAIT);
    }

    public WebElement waitFor(By by, Duration timeout) {
        return waitUntil(by, timeout, e -> true, "");
    }

    /**
     * The element once its text contains {@code text}, waiting up to {@link #WAIT}: after a click that submits a form
     * and shows the same page again, the element of the page before is there at once, with the old text.
     */
    public WebElement waitForText(By by, String text) {
        return waitUntil(by, WAIT, e -> e.getText().contains(text), " with '" + text + "'");
    }

    /** The element once it is shown and {@code matches}; a stale one (of the page a click is replacing) is looked for again. */
    private WebElement waitUntil(By by, Duration timeout, Predicate<WebElement> matches, String what) {
        try {
            return new WebDriverWait(driver, timeout).ignoring(NoSuchElementException.class)
                    .ignoring(StaleElementReferenceException.class).until(d -> {
                        WebElement e = d.findElement(by);
                        return e.isDisplayed() && matches.test(e) ? e : null;
                    });
        } catch (TimeoutException e) {
            throw new AssertionError("No " + by + what + " shown within " + timeout.toSeconds() + " s at " + url()
                    + " (title '" + title() + "')" + (what.isEmpty() ? "" : ": " + text()));
        }
    }

    /** Waits (up to {@link #WAIT}) until the address no longer contains {@code part}; the address then. */
    public String waitUntilUrlLeaves(String part) {
        return waitUntilUrlLeaves(part, WAIT);
    }

    public String waitUntilUrlLeaves(String part, Duration timeout) {
        try {
            new WebDriverWait(driver, timeout).until(d -> !d.getCurrentUrl().contains(part));
            return url();
        } catch (TimeoutException e) {
            throw new AssertionError("Still at " + url() + " after " + timeout.toSeconds() + " s (waiting to leave " + part + ")");
        }
    }

    /**
     * Signs in on Keycloak's login page (default theme: {@code #username}, {@code #password}, {@code #kc-login}), which the
     * browser is on or is being sent to: waits for {@code #username} (a page may reach Keycloak by a script redirect), types,
     * submits, and waits until the address has left {@code /protocol/openid-connect/} (and {@code /login-actions/}, where
     * Keycloak shows a refused password or a required action), so the page signed in to is loaded. Fails with Keycloak's
     * message when it stays on its own pages.
     */
    public void signInWithKeycloak(String username, String password) {
        WebElement user = waitFor(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        try {
            new WebDriverWait(driver, WAIT).until(d -> {
                String at = d.getCurrentUrl();
                return !at.contains("/protocol/openid-connect/") && !at.contains("/login-actions/");
            });
        } catch (TimeoutException e) {
            List<String> messages = driver.findElements(By.cssSelector("[id^='input-error'], .kc-feedback-text, .alert-error, [role=alert]"))
                    .stream().map(WebElement::getText).filter(t -> !t.isBlank()).distinct().toList();
            throw new AssertionError("Signing in to Keycloak as " + username + " did not get past its pages in " + WAIT.toSeconds()
                    + " s: still at " + url() + (messages.isEmpty() ? "" : ", saying: " + String.join(" / ", messages)));
        }
    }

    /**
     * A download as the signed-in person makes it: {@code url} fetched with the browser's cookies (headless Chromium's
     * own downloads land in a directory, without status or headers to check).
     */
    public java.net.http.HttpResponse<byte[]> download(String url) throws java.io.IOException, InterruptedException {
        StringBuilder cookies = new StringBuilder();
        for (org.openqa.selenium.Cookie c : driver.manage().getCookies()) {
            cookies.append(cookies.isEmpty() ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        }
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Cookie", cookies.toString()).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * The whole page (not only the window) as a PNG, {@code portal/target/screenshots/<test>-<nn>-<name>.png}, nn counting this
     * test's screenshots in the order taken.
     */
    public Path screenshot(String name) {
        int n = SHOTS.computeIfAbsent(test, t -> new AtomicInteger()).incrementAndGet();
        Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", test, n, fileName(name)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, fullPage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Chrome's own full-page capture (DevTools Page.captureScreenshot clipped to the content); the window alone if that fails. */
    @SuppressWarnings("unchecked")
    private byte[] fullPage() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
            double width = Math.max(number(content.get("width")), number(viewport.get("clientWidth")));
            double height = Math.min(Math.max(number(content.get("height")), number(viewport.get("clientHeight"))), 16_000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException e) {
            System.out.println("[browser] full-page screenshot failed (" + e.getMessage().lines().findFirst().orElse("") + "); the window only");
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    /**
     * What a page test does at each page it reaches: a {@link #screenshot} named {@code shot}, then
     * {@link #checkAccessibility} of the page under {@code page}.
     */
    public Axe.Result screenshotAndCheckAccessibility(String shot, String page) {
        screenshot(shot);
        return checkAccessibility(page);
    }

    /**
     * Runs axe-core on the current page, records it in {@link AxeSummary} under {@code <test> / <name>}, and fails the test when
     * any violation is serious or critical, listing each (rule id, impact, help, the failing elements' selectors). Minor and
     * moderate ones are recorded and returned, not failed.
     */
    public Axe.Result checkAccessibility(String name) {
        Axe.Result result = accessibility(name);
        List<Axe.Violation> bad = result.seriousOrCritical();
        if (!bad.isEmpty()) {
            throw new AssertionError(result.describe(bad));
        }
        return result;
    }

    /** Runs axe-core on the current page and records what it found, failing nothing (to look at a page known to have faults). */
    public Axe.Result accessibility(String name) {
        Axe.Result result = Axe.run(driver, name, url());
        AxeSummary.record(test + " / " + name, result);
        System.out.println("[axe] " + test + " / " + name + ": " + result.countsByImpact()
                + (result.violations().isEmpty() ? "" : " " + result.ruleIds()));
        return result;
    }

    /** The element that has the keyboard focus ({@code document.activeElement}; the body when nothing has). */
    public WebElement activeElement() {
        return (WebElement) ((JavascriptExecutor) driver).executeScript("return document.activeElement;");
    }

    /** Presses Tab once; the element focused then. */
    public WebElement pressTab() {
        return press(Keys.TAB);
    }

    /** Presses Tab {@code times} times; the element focused then. */
    public WebElement pressTab(int times) {
        WebElement focused = activeElement();
        for (int i = 0; i < times; i++) {
            focused = pressTab();
        }
        return focused;
    }

    public WebElement pressShiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        return activeElement();
    }

    /** Presses a key (Enter, Space, an arrow...) on whatever has the focus; the element focused then. */
    public WebElement press(Keys key) {
        new Actions(driver).sendKeys(key).perform();
        return activeElement();
    }

    /** Types into whatever has the focus, as a keyboard would. */
    public void type(CharSequence text) {
        new Actions(driver).sendKeys(text).perform();
    }

    /**
     * Presses Tab until {@code target} has the focus, at most 50 times; how many presses it took. Fails listing where the focus
     * went when it never got there (the element cannot be reached with the keyboard).
     */
    public int tabTo(WebElement target) {
        List<String> stops = new ArrayList<>();
        for (int presses = 1; presses <= 50; presses++) {
            WebElement focused = pressTab();
            if (focused.equals(target)) {
                return presses;
            }
            stops.add(describe(focused));
        }
        throw new AssertionError("Tab never reached " + describe(target) + " in 50 presses; the focus went to: " + String.join(", ", stops));
    }

    /** The element in a few words for a message: {@code input#name[name=name]}, {@code button "Continue"}. */
    public static String describe(WebElement e) {
        String id = e.getDomAttribute("id");
        String name = e.getDomAttribute("name");
        String text = e.getText() == null ? "" : e.getText().strip();
        return e.getTagName() + (id == null || id.isEmpty() ? "" : "#" + id) + (name == null || name.isEmpty() ? "" : "[name=" + name + "]")
                + (text.isEmpty() || text.length() > 40 ? "" : " \"" + text + "\"");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a profile Chromium is still letting go of: a temporary folder, left to the system
            }
        }
    }

    private static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw")) && Files.isDirectory(d.resolve("deploy"))) {
                return d;
            }
        }
        return dir.getParent() == null ? dir : dir.getParent();
    }
}
