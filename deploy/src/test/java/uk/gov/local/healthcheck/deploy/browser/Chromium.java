package uk.gov.local.healthcheck.deploy.browser;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Chromium and its chromedriver are: from {@value #BINARY_ENV} and {@value #DRIVER_ENV} when set, else from the
 * PATH. Where they are missing on a Debian machine on which we are root, they are installed (Debian's
 * {@code chromium} and {@code chromium-driver}, always of one version), once per machine: under a file lock, so two
 * test JVMs do not run apt-get at once. Anywhere else the test fails and says how to install them: a missing browser
 * is a failure, never a skip. Selenium Manager is never used (it downloads browsers, which cannot be done here).
 */
public final class Chromium {

    /** The Chromium (or Chrome) executable to use instead of the one on the PATH. */
    public static final String BINARY_ENV = "CHROME_BINARY";
    /** The chromedriver executable to use instead of the one on the PATH; its major version must be the browser's. */
    public static final String DRIVER_ENV = "CHROMEDRIVER";
    /** What installs both on Debian (and what the failure says to run). */
    public static final String INSTALL_COMMAND = "apt-get update && apt-get install -y chromium chromium-driver";

    static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    static final String DRIVER_NAME = "chromedriver";
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "healthcheck-chromium-install.lock");

    /** The browser and driver found, and their versions as they report them. */
    public record Installation(Path binary, Path driver, String browserVersion, String driverVersion) {
    }

    private static Installation found;

    private Chromium() {
    }

    /** The browser and its driver, installed first where that is possible; an AssertionError (the test fails) if not. */
    public static synchronized Installation find() {
        if (found == null) {
            Path binary = locate(BINARY_ENV, BROWSER_NAMES).orElse(null);
            Path driver = locate(DRIVER_ENV, List.of(DRIVER_NAME)).orElse(null);
            if (binary == null || driver == null) {
                install(binary == null ? "Chromium" + (driver == null ? " and chromedriver are" : " is") : "chromedriver is");
                binary = locate(BINARY_ENV, BROWSER_NAMES).orElseThrow(() -> new AssertionError(how("apt-get installed chromium, but no "
                        + String.join("/", BROWSER_NAMES) + " is on the PATH")));
                driver = locate(DRIVER_ENV, List.of(DRIVER_NAME)).orElseThrow(() -> new AssertionError(how("apt-get installed "
                        + "chromium-driver, but chromedriver is not on the PATH")));
            }
            String browserVersion = version(binary);
            String driverVersion = version(driver);
            if (!major(browserVersion).equals(major(driverVersion))) {
                throw new AssertionError("The browser and its driver are of different major versions: " + binary + " is '" + browserVersion
                        + "', " + driver + " is '" + driverVersion + "'. Use a matching pair (set " + BINARY_ENV + " and " + DRIVER_ENV
                        + ", or on Debian: " + INSTALL_COMMAND + ", whose two packages always match).");
            }
            found = new Installation(binary, driver, browserVersion, driverVersion);
            System.out.println("[browser] " + browserVersion + " (" + binary + "), " + driverVersion.split(" \\(")[0] + " (" + driver + ")");
        }
        return found;
    }

    /** From the variable when set (which must then name an executable), else the first of the names on the PATH. */
    private static Optional<Path> locate(String variable, List<String> names) {
        String override = System.getenv(variable);
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override.trim());
            if (!Files.isExecutable(path)) {
                throw new AssertionError(variable + "=" + override + " is not an executable file. Point it at one, or unset it to use "
                        + String.join("/", names) + " from the PATH.");
            }
            return Optional.of(path.toAbsolutePath());
        }
        for (String name : names) {
            Optional<Path> onPath = onPath(name);
            if (onPath.isPresent()) {
                return onPath;
            }
        }
        return Optional.empty();
    }

    static Optional<Path> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static String how(String what) {
        return what + ": the browser tests need Chromium and its chromedriver. Install them (Debian/Ubuntu, as root: " + INSTALL_COMMAND
                + "; Fedora: dnf install chromium chromedriver; macOS: brew install --cask chromium && brew install --cask chromedriver)"
                + " or point " + BINARY_ENV + " and " + DRIVER_ENV + " at a browser and driver of one version, and run the build again";
    }

    /**
     * apt-get update, then apt-get install -y chromium chromium-driver, its output in the test log; or a failure saying how.
     * Under a file lock: a JVM that waited for another's install finds them installed and installs nothing.
     */
    private static void install(String missing) {
        String how = how(missing + " not installed");
        boolean debian = Files.exists(Path.of("/etc/debian_version"));
        boolean root = "root".equals(System.getProperty("user.name")) || uid().equals("0");
        if (!debian || !root || onPath("apt-get").isEmpty()) {
            throw new AssertionError(how + (debian ? " (not installed automatically: not root)" : ""));
        }
        try (FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (locate(BINARY_ENV, BROWSER_NAMES).isPresent() && locate(DRIVER_ENV, List.of(DRIVER_NAME)).isPresent()) {
                System.out.println("[browser] installed meanwhile by another test JVM");
                return;
            }
            System.out.println("[browser] " + missing + " not installed; this is a Debian machine and we are root: " + INSTALL_COMMAND);
            Instant start = Instant.now();
            apt(how, "update");
            apt(how, "install", "-y", "chromium", "chromium-driver");
            System.out.println("[browser] installed Chromium and chromedriver in " + Duration.between(start, Instant.now()).toSeconds() + " s");
        } catch (IOException e) {
            throw new AssertionError(how + " (" + e + ")", e);
        }
    }

    private static void apt(String how, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("apt-get", "-q"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        p.getOutputStream().close();
        StringBuilder tail = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                System.out.println("[apt-get] " + line);
                tail.append(line).append('\n');
                if (tail.length() > 8000) {
                    tail.delete(0, tail.length() - 4000);
                }
            }
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(how + " (" + String.join(" ", command) + " did not finish in 15 minutes)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(how + " (interrupted)", e);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(how + "\n(" + String.join(" ", command) + " exited " + p.exitValue() + ":\n" + tail + ")");
        }
    }

    private static String uid() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** What {@code <executable> --version} prints, e.g. "Chromium 150.0.7871.100 built on Debian ...". */
    private static String version(Path executable) {
        try {
            Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(executable + " --version did not answer in 60 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(executable + " --version exited " + p.exitValue() + ": " + out);
            }
            return out.lines().reduce((a, b) -> b).orElse("").trim();
        } catch (IOException e) {
            throw new AssertionError(executable + " cannot be run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String major(String version) {
        Matcher m = Pattern.compile("(\\d+)\\.\\d+").matcher(version);
        return m.find() ? m.group(1) : version;
    }
}
