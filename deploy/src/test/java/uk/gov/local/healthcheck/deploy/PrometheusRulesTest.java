package uk.gov.local.healthcheck.deploy;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The alerting rules in deploy/observability: each alert is documented in docs/operations.md, has a severity and a
 * description pointing at the playbook, and uses only the metric names the services agreed to expose (FaultIT checks
 * that the running services do expose them). Where {@code promtool} is installed, the rules also pass
 * {@code promtool check rules} and their unit tests ({@code prometheus-rules-test.yaml}); the build does not need it.
 */
class PrometheusRulesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path RULES = ROOT.resolve("deploy/observability/prometheus-rules.yaml");
    static final Path RULE_TESTS = ROOT.resolve("deploy/observability/prometheus-rules-test.yaml");
    static final Path OPERATIONS = ROOT.resolve("docs/operations.md");

    /** The names of issue 10's design (Prometheus form), plus kube-state-metrics' readiness. */
    static final Set<String> KNOWN = Set.of(
            "healthcheck_submissions_accepted_total", "healthcheck_submissions_refused_total",
            "healthcheck_outbox_backlog", "healthcheck_outbox_oldest_unpublished_age_seconds", "healthcheck_outbox_published_total",
            "healthcheck_events_applied_total", "healthcheck_dead_letters_total", "healthcheck_dead_letters_open",
            "healthcheck_consumer_partitions_assigned", "kafka_consumer_fetch_manager_records_lag",
            "healthcheck_rebuild_running", "healthcheck_rebuild_failures_total", "healthcheck_rebuild_last_success_timestamp_seconds",
            "healthcheck_database_unavailable_total", "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_bucket", "http_server_requests_seconds_max",
            "kube_pod_status_ready");

    @Test
    void everyAlertIsDocumentedHasASeverityAndUsesOnlyAgreedMetrics() throws Exception {
        String rules = Files.readString(RULES);
        String operations = Files.readString(OPERATIONS);
        List<String> alerts = new ArrayList<>();
        Matcher alert = Pattern.compile("(?m)^\\s*- alert: (\\w+)$").matcher(rules);
        while (alert.find()) {
            alerts.add(alert.group(1));
        }
        assertTrue(alerts.size() >= 6, "alerts: " + alerts);
        List<String> problems = new ArrayList<>();
        String[] blocks = rules.split("(?m)^\\s*- alert: ");
        for (int i = 1; i < blocks.length; i++) {
            String name = blocks[i].lines().findFirst().orElse("").trim();
            if (!blocks[i].contains("expr:")) {
                problems.add(name + ": no expr");
            }
            if (!blocks[i].matches("(?s).*severity: (page|ticket)\\b.*")) {
                problems.add(name + ": severity is not page or ticket");
            }
            if (!blocks[i].contains("summary:") || !blocks[i].contains("description:")) {
                problems.add(name + ": summary and description needed");
            }
            if (!operations.contains("`" + name + "`")) {
                problems.add(name + ": not explained in docs/operations.md");
            }
        }
        Set<String> used = new LinkedHashSet<>();
        Matcher metric = Pattern.compile("\\b(healthcheck_[a-z0-9_]+|http_server_[a-z0-9_]+|kafka_consumer_[a-z0-9_]+|kube_[a-z0-9_]+)\\b").matcher(rules);
        while (metric.find()) {
            used.add(metric.group(1));
        }
        for (String name : used) {
            if (!KNOWN.contains(name)) {
                problems.add("metric " + name + " is not one the services agreed to expose");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        String promtool = onPath("promtool");
        assumeTrue(promtool != null, "promtool is not installed (Debian: apt-get install prometheus); skipped");
        run(promtool, "check", "rules", RULES.toString());
        run(promtool, "test", "rules", RULE_TESTS.toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(RULES.getParent().toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + output);
    }

    private static String onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
