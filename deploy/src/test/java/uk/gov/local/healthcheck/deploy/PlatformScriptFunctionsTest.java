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
        run.assertSays("kafka: the process exited during start-up", "wait_ready: 1");
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
        run.assertSays("survey: still running after 1 s; killing its process group (SIGKILL)", "survey: stopped in");
        run.assertDoesNotSay("stop:", "STILL RUNNING", "PID FILE KEPT");
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
        run.assertSays("survey: NOT STOPPED: pid ", "still runs 1 s after SIGTERM and SIGKILL", "stop: 1", "PID FILE KEPT");
        run.assertDoesNotSay("survey: stopped");
    }

    /** One replica: the names, ports and files of before; two: survey#1 and survey#2 on 8091 and 8101, HAProxy first. */
    @Test
    void replicasNameTheirInstancesPortsAndFiles() throws Exception {
        PlatformScriptTest.Run one = functions("""
                echo "instances [$(instances_of survey | tr '\\n' ' ')] port [$(port_of survey)] log [$(log_of survey)]"
                echo "processes [$(processes_of postgres survey metrics | tr '\\n' ' ')]"
                echo "named [$(named_processes survey#1)]"
                """);
        assertEquals(0, one.exit(), one.output());
        one.assertSays("instances [survey ] port [8081] log [" + repo.resolve("run/logs/survey.log") + "]",
                "processes [postgres survey metrics ]", "named [survey]");

        PlatformScriptTest.Run two = functions("""
                REPLICAS=2
                echo "instances [$(instances_of survey | tr '\\n' ' ')]"
                echo "ports [$(port_of survey#1) $(port_of survey#2) $(port_of metrics#2) $(service_port survey)]"
                echo "files [$(log_of survey#2) $(pid_file survey#1) $(service_app survey#2)]"
                echo "processes [$(processes_of postgres survey metrics | tr '\\n' ' ')]"
                echo "named [$(named_processes survey | tr '\\n' ' ')] [$(named_processes survey#2)] [$(named_processes haproxy)]"
                echo "instance id [$(service_dir survey#2)-$(index_of survey#2)]"
                (named_processes survey#3) || echo "survey#3: $?"
                (named_processes kafka#2) || echo "kafka#2: $?"
                (REPLICAS=1 named_processes haproxy) || echo "haproxy alone: $?"
                """);
        String out = two.output();
        assertTrue(out.contains("instances [survey#1 survey#2 ]"), out);
        assertTrue(out.contains("ports [8091 8101 8102 8081]"), out);
        assertTrue(out.contains("files [" + repo.resolve("run/logs/survey-2.log") + " " + repo.resolve("run/pids/survey.pid") + " "
                + repo.resolve("run/apps/survey-2") + "]"), out);
        assertTrue(out.contains("processes [postgres haproxy survey#1 survey#2 metrics#1 metrics#2 ]"), out);
        assertTrue(out.contains("named [survey#1 survey#2 ] [survey#2] [haproxy]"), out);
        assertTrue(out.contains("instance id [survey-service-2]"), out);
        assertTrue(out.contains("survey#3: the platform runs 2 instance(s) of survey (#1 to #2)") && out.contains("survey#3: 1"), out);
        assertTrue(out.contains("kafka has no instances") && out.contains("kafka#2: 1"), out);
        assertTrue(out.contains("haproxy runs only in front of replicas") && out.contains("haproxy alone: 1"), out);
    }

    /** Every usual port is HAProxy's, each backend lists the instances and checks /q/health/ready; HAProxy accepts it. */
    @Test
    void haproxyBalancesEveryInstanceOnTheUsualPort() throws Exception {
        PlatformScriptTest.Run run = functions("""
                REPLICAS=2
                ensure_dirs
                write_haproxy_config
                cat "$HAPROXY_CONFIG"
                if command -v haproxy >/dev/null; then haproxy -c -q -f "$HAPROXY_CONFIG" && echo "HAPROXY ACCEPTS IT"; fi
                """);
        String cfg = run.output();
        assertEquals(0, run.exit(), cfg);
        for (String[] service : new String[][] {{"survey", "8081"}, {"metrics", "8082"}, {"benchmark", "8083"}}) {
            String name = service[0];
            int port = Integer.parseInt(service[1]);
            assertTrue(cfg.contains("frontend " + name + "\n    bind 127.0.0.1:" + port + "\n    default_backend " + name), cfg);
            assertTrue(cfg.contains("backend " + name + "\n    balance roundrobin\n    option httpchk GET /q/health/ready\n"
                    + "    http-check expect status 200\n    server " + name + "-1 127.0.0.1:" + (port + 10) + " check\n    server "
                    + name + "-2 127.0.0.1:" + (port + 20) + " check"), cfg);
        }
        // the portal is not in this scratch repository's build: no frontend for it
        assertFalse(cfg.contains("frontend portal"), cfg);
        assertTrue(cfg.contains("option redispatch") && cfg.contains("bind 127.0.0.1:8404"), cfg);
        if (PlatformScriptTest.onPath("haproxy").isPresent()) {
            assertTrue(cfg.contains("HAPROXY ACCEPTS IT"), cfg);
        }
    }

    /** While services run with one replica, up --replicas 2 refuses (down first) instead of moving them under their clients. */
    @Test
    void upRefusesAnotherNumberOfReplicasWhileTheServicesRun() throws Exception {
        env.put("HEALTHCHECK_STOP_TIMEOUT", "1");
        PlatformScriptTest.Run run = functions(deaf() + """
                echo 1 >"$REPLICAS_FILE"
                (set_replicas_for_up 2) || echo "up --replicas 2: $?"
                (set_replicas_for_up 1) && echo "up --replicas 1: ok"
                (HEALTHCHECK_REPLICAS=x load_replicas; echo "loaded $REPLICAS") || echo "load: $?"
                load_replicas && echo "loaded $REPLICAS"
                stop_component survey >/dev/null
                """);
        String out = run.output();
        assertTrue(out.contains("up: the services run with 1 replica(s), not 2: deploy/platform down first") && out.contains("up --replicas 2: 1"), out);
        assertTrue(out.contains("up --replicas 1: ok"), out);
        // a running platform keeps the number it was started with, whatever the environment says
        assertTrue(out.contains("loaded 1\n") || out.contains("loaded 1"), out);
        assertFalse(out.contains("load: 1"), out);
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
