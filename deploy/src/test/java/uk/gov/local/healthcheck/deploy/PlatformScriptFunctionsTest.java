package uk.gov.local.healthcheck.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/platform's functions one at a time, in a scratch repository and run directory (the script, sourced, only
 * defines them): when a service counts as stale, what a missing or unusable PID file means, and how {@code stop}
 * ends a process that ignores SIGTERM, or says it could not. Nothing here starts the platform or opens a port.
 */
class PlatformScriptFunctionsTest {

    static final String JAR = "survey-service/target/quarkus-app/quarkus-run.jar";
    static final Instant OLD = Instant.now().minus(Duration.ofHours(2));

    @TempDir
    Path repo;
    Path script;
    Map<String, String> env = new HashMap<>();

    /**
     * A repository with the modules contracts, testkit, survey-service and deploy: survey-service uses contracts,
     * uses testkit in its tests only, and packages ../instruments. Every file and folder dates from two hours ago,
     * survey-service's quarkus-run.jar from one hour ago.
     */
    @BeforeEach
    void scratchRepository() throws IOException {
        script = repo.resolve("deploy/platform");
        Files.createDirectories(script.getParent());
        Files.copy(PlatformScriptTest.SCRIPT, script);
        write("pom.xml", "<project><artifactId>healthcheck-parent</artifactId>\n<modules>\n"
                + "<module>contracts</module><module>testkit</module>\n<module>survey-service</module>\n<module>deploy</module>\n"
                + "</modules></project>\n");
        write("contracts/pom.xml", pom("healthcheck-contracts", ""));
        write("testkit/pom.xml", pom("healthcheck-testkit", ""));
        write("deploy/pom.xml", pom("deploy", ""));
        write("survey-service/pom.xml", pom("survey-service", """
                <dependencies>
                  <dependency>
                    <groupId>uk.gov.local.healthcheck</groupId>
                    <artifactId>healthcheck-contracts</artifactId>
                  </dependency>
                  <dependency><groupId>uk.gov.local.healthcheck</groupId><artifactId>healthcheck-testkit</artifactId>
                    <scope>test</scope></dependency>
                </dependencies>
                <build><resources><resource><directory>../instruments</directory></resource></resources></build>
                """));
        write("contracts/src/main/java/Contract.java", "class Contract {}\n");
        write("testkit/src/main/java/Kit.java", "class Kit {}\n");
        write("survey-service/src/main/java/Survey.java", "class Survey {}\n");
        write("survey-service/src/test/java/SurveyTest.java", "class SurveyTest {}\n");
        write("instruments/practitioner.yaml", "statements: []\n");
        write("mvnw", "#!/usr/bin/env bash\necho \"$*\" >>" + repo.resolve("mvnw.calls") + "\n");
        Files.setPosixFilePermissions(repo.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write(JAR, "");
        try (Stream<Path> all = Files.walk(repo)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setLastModifiedTime(p, FileTime.from(OLD));
            }
        }
        Files.setLastModifiedTime(repo.resolve(JAR), FileTime.from(OLD.plus(Duration.ofHours(1))));
        env.put("HEALTHCHECK_RUN_DIR", repo.resolve("run").toString());
    }

    @Test
    void aServiceIsStaleWhenAnythingItIsBuiltFromIsNewerThanItsJar() throws Exception {
        assertEquals("[]", whyBuild(), "up to date");
        List<String> inputs = List.of("survey-service/src/main/java/Survey.java", "survey-service/pom.xml", "pom.xml",
                "contracts/src/main/java/Contract.java", "contracts/pom.xml", "instruments/practitioner.yaml");
        // one bash for all of them (each input made newer than the jar in turn, then old again): seconds, not tens
        PlatformScriptTest.Run run = functions("for input in " + String.join(" ", inputs) + "; do\n"
                + "  touch \"$REPO_DIR/$input\"\n"
                + "  printf '%s -> [%s]\\n' \"$input\" \"$(why_build survey)\"\n"
                + "  touch -d @" + OLD.getEpochSecond() + " \"$REPO_DIR/$input\"\n"
                + "done\n");
        assertEquals(0, run.exit(), run.output());
        for (String input : inputs) {
            assertTrue(run.output().contains(input + " -> [" + input + " is newer than " + JAR + "]"), input + ":\n" + run.output());
        }
        assertEquals("[]", whyBuild(), "up to date again");
        // a new file in a source folder (and so a deleted one) dates the folder
        Files.writeString(repo.resolve("survey-service/src/main/java/Added.java"), "class Added {}\n");
        assertTrue(whyBuild().contains("is newer than " + JAR), whyBuild());
    }

    @Test
    void testsAndTestOnlyModulesDoNotMakeTheJarStale() throws Exception {
        Files.setLastModifiedTime(repo.resolve("survey-service/src/test/java/SurveyTest.java"), FileTime.from(Instant.now()));
        Files.setLastModifiedTime(repo.resolve("testkit/src/main/java/Kit.java"), FileTime.from(Instant.now()));
        assertEquals("[]", whyBuild());
    }

    @Test
    void aBuildStampNewerThanTheSourcesCountsAsBuilt() throws Exception {
        // Maven left the jar alone (same content), but deploy/platform built it after the source changed
        Files.setLastModifiedTime(repo.resolve("survey-service/src/main/java/Survey.java"), FileTime.from(OLD.plusSeconds(7200)));
        Path stamp = write("survey-service/target/.platform-build-stamp", "");
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals("[]", whyBuild());
    }

    @Test
    void buildModes() throws Exception {
        Files.setLastModifiedTime(repo.resolve("survey-service/src/main/java/Survey.java"), FileTime.from(Instant.now()));
        env.put("HEALTHCHECK_BUILD", "missing");
        assertEquals("[]", whyBuild(), "missing: a stale jar is left alone");
        Files.delete(repo.resolve(JAR));
        assertEquals("[missing]", whyBuild());

        env.put("HEALTHCHECK_BUILD", "never");
        Files.setLastModifiedTime(write(JAR, ""), FileTime.from(OLD.plus(Duration.ofHours(1))));
        PlatformScriptTest.Run never = functions("ensure_built survey");
        assertEquals(0, never.exit(), never.output());
        assertTrue(never.output().contains("not built (HEALTHCHECK_BUILD=never): deploy (missing) survey-service ("
                + "survey-service/src/main/java/Survey.java is newer than " + JAR + "); starting what was built before"),
                never.output());
        assertFalse(Files.exists(repo.resolve("mvnw.calls")), "never ran Maven:\n" + never.output());

        PlatformScriptTest.Run typo = PlatformScriptTest.run(Map.of("HEALTHCHECK_BUILD", "always", "HEALTHCHECK_COMPONENTS", "kafka",
                "HEALTHCHECK_RUN_DIR", repo.resolve("run").toString()), Duration.ofSeconds(30), "bash", script.toString(), "up");
        assertEquals(1, typo.exit(), typo.output());
        assertTrue(typo.output().contains("HEALTHCHECK_BUILD=always: use auto"), typo.output());
        assertFalse(Files.exists(repo.resolve("mvnw.calls")), typo.output());
    }

    /** No PID file, an empty one, or no positive number in it: not running, and nothing is signalled. */
    @Test
    void aMissingOrUnusablePidFileMeansNotRunning() throws Exception {
        Path pidFile = repo.resolve("run/pids/kafka.pid");
        Files.createDirectories(pidFile.getParent());
        for (String content : new String[] {null, "", "\n", "0", "-1", "abc", " 12"}) {
            String what = content == null ? "no PID file" : "PID file '" + content + "'";
            if (content == null) {
                Files.deleteIfExists(pidFile);
            } else {
                Files.writeString(pidFile, content);
            }
            // kill, redefined, reports any call: "kill -0 0" or "kill ''" would show here
            PlatformScriptTest.Run run = functions("""
                    kill() { echo "kill called: $*"; }
                    echo "recorded [$(recorded_pid kafka)] pid_of [$(pid_of kafka)]"
                    READY_TIMEOUT=300
                    wait_ready kafka false "$(now_ms)" || echo "wait_ready: $?"
                    stop_component kafka
                    """);
            assertEquals(0, run.exit(), what + ":\n" + run.output());
            assertTrue(run.output().contains("recorded [] pid_of []"), what + ":\n" + run.output());
            assertTrue(run.output().contains("kafka: not running: no PID recorded in " + pidFile), what + ":\n" + run.output());
            assertTrue(run.output().contains("wait_ready: 1"), what + ":\n" + run.output());
            assertTrue(run.output().contains("kafka: already down"), what + ":\n" + run.output());
            assertFalse(run.output().contains("kill called"), what + ":\n" + run.output());
            assertFalse(Files.exists(pidFile), what + ": PID file left behind");
        }
    }

    @Test
    void aProcessThatExitedDuringStartUpIsSeenAtOnce() throws Exception {
        Instant start = Instant.now();
        PlatformScriptTest.Run run = functions("""
                ensure_dirs
                sleep 0 & wait $!
                echo $! >"$(pid_file kafka)"
                READY_TIMEOUT=300
                wait_ready kafka false "$(now_ms)" || echo "wait_ready: $?"
                """);
        assertTrue(run.output().contains("kafka: the process exited during start-up"), run.output());
        assertTrue(run.output().contains("wait_ready: 1"), run.output());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 20, run.output());
    }

    /** SIGTERM ignored: after HEALTHCHECK_STOP_TIMEOUT its process group gets SIGKILL, and it is gone when "stopped" is said. */
    @Test
    void stopKillsAProcessThatIgnoresTerm() throws Exception {
        env.put("HEALTHCHECK_STOP_TIMEOUT", "1");
        PlatformScriptTest.Run run = functions(deaf() + """
                pid=$(recorded_pid survey)
                stop_component survey || echo "stop: $?"
                ps -o stat= -p "$pid" | grep -qv '^Z' && echo "STILL RUNNING $pid"
                [ -f "$(pid_file survey)" ] && echo "PID FILE KEPT"
                exit 0
                """);
        assertTrue(run.output().contains("survey: still running after 1 s; killing its process group (SIGKILL)"), run.output());
        assertTrue(run.output().contains("survey: stopped in"), run.output());
        assertFalse(run.output().contains("stop:"), run.output());
        assertFalse(run.output().contains("STILL RUNNING"), run.output());
        assertFalse(run.output().contains("PID FILE KEPT"), run.output());
    }

    /** SIGKILL not delivered (kill redefined to do nothing): not "stopped" but NOT STOPPED, exit 1, PID file kept. */
    @Test
    void stopSaysSoWhenTheProcessOutlivesKill() throws Exception {
        env.put("HEALTHCHECK_STOP_TIMEOUT", "1");
        PlatformScriptTest.Run run = functions(deaf() + """
                pid=$(recorded_pid survey)
                kill() { :; }
                KILL_TIMEOUT=1
                stop_component survey || echo "stop: $?"
                [ -f "$(pid_file survey)" ] && echo "PID FILE KEPT"
                unset -f kill
                kill -s KILL -- "-$pid"
                """);
        assertTrue(run.output().contains("survey: NOT STOPPED: pid "), run.output());
        assertTrue(run.output().contains("still runs 1 s after SIGTERM and SIGKILL"), run.output());
        assertTrue(run.output().contains("stop: 1"), run.output());
        assertTrue(run.output().contains("PID FILE KEPT"), run.output());
        assertFalse(run.output().contains("survey: stopped"), run.output());
    }

    /**
     * Launches, as survey-service, a process that ignores SIGTERM and whose command line is the one pid_of expects; it
     * ends by itself after a minute at most, should a test fail to kill it.
     */
    private static String deaf() {
        return """
                ensure_dirs
                launch survey bash -c 'trap "" TERM; for _ in $(seq 600); do sleep 0.1; done' "$(service_app survey)/quarkus-run.jar"
                for _ in $(seq 50); do [ -n "$(pid_of survey)" ] && break; sleep 0.1; done
                [ -n "$(pid_of survey)" ] || { echo "the stand-in did not start"; exit 1; }
                """;
    }

    private String whyBuild() throws Exception {
        PlatformScriptTest.Run run = functions("printf '[%s]\\n' \"$(why_build survey)\"");
        assertEquals(0, run.exit(), run.output());
        return run.output().trim();
    }

    /** Runs the snippet in bash after sourcing the scratch repository's copy of deploy/platform. */
    private PlatformScriptTest.Run functions(String snippet) throws Exception {
        return PlatformScriptTest.run(env, Duration.ofSeconds(60), "bash", "-c", "source '" + script + "'\n" + snippet);
    }

    private Path write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static String pom(String artifactId, String rest) {
        return "<project>\n  <parent>\n    <artifactId>healthcheck-parent</artifactId>\n  </parent>\n  <artifactId>" + artifactId
                + "</artifactId>\n" + rest + "</project>\n";
    }
}
