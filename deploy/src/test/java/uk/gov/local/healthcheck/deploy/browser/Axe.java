package uk.gov.local.healthcheck.deploy.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * axe-core (Deque's accessibility rules, the npm package's {@code axe.min.js}, which Maven Central carries as a resource of
 * {@code com.deque.html.axe-core:selenium}; nothing else of that jar is used) run on the page a browser shows.
 */
public final class Axe {

    /** axe's impacts, least to most severe. */
    public static final List<String> IMPACTS = List.of("minor", "moderate", "serious", "critical");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String script;

    private Axe() {
    }

    /** One rule that failed, and the elements (their CSS selectors) it failed on. */
    public record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {

        public boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " [" + helpUrl + "]\n      on " + String.join("\n         ", targets);
        }
    }

    /** What axe found on one page: its name in the test, its address, and the rules that failed. */
    public record Result(String page, String url, List<Violation> violations) {

        /** Violations counted by impact, every impact present (minor, moderate, serious, critical), zero where none. */
        public Map<String, Integer> countsByImpact() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            IMPACTS.forEach(i -> counts.put(i, 0));
            violations.forEach(v -> counts.merge(v.impact() == null ? "minor" : v.impact(), 1, Integer::sum));
            return counts;
        }

        public List<Violation> seriousOrCritical() {
            return violations.stream().filter(Violation::seriousOrCritical).toList();
        }

        public List<String> ruleIds() {
            return violations.stream().map(Violation::id).toList();
        }

        /** Readable: one block per violation, rule id, impact, help and the failing elements' selectors. */
        public String describe(List<Violation> which) {
            return "axe-core on '" + page + "' (" + url + "): " + which.size() + " violation(s)"
                    + which.stream().map(v -> "\n  - " + v).collect(Collectors.joining());
        }
    }

    /** Runs axe on the whole current document (injecting axe first where the page does not have it yet). */
    public static Result run(JavascriptExecutor page, String name, String url) {
        Object loaded = page.executeScript("return typeof window.axe !== 'undefined' && typeof window.axe.run === 'function';");
        if (!Boolean.TRUE.equals(loaded)) {
            page.executeScript(script());
        }
        Object answer = page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " helpUrl: v.helpUrl, targets: v.nodes.map(n => n.target)})))))"
                        + ".catch(e => done('axe failed: ' + e));");
        String text = String.valueOf(answer);
        if (!text.startsWith("[")) {
            throw new AssertionError("axe-core could not check '" + name + "' (" + url + "): " + text);
        }
        try {
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : JSON.readTree(text)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode target : v.path("targets")) {
                    targets.add(selector(target));
                }
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText("minor"), v.path("help").asText(),
                        v.path("helpUrl").asText(), targets));
            }
            return new Result(name, url, violations);
        } catch (IOException e) {
            throw new AssertionError("axe-core's answer on '" + name + "' could not be read: " + text, e);
        }
    }

    /** A target is a list of selectors, one per frame or shadow root crossed (each itself possibly a list). */
    private static String selector(JsonNode target) {
        if (target.isArray()) {
            List<String> parts = new ArrayList<>();
            target.forEach(t -> parts.add(selector(t)));
            return String.join(" >>> ", parts);
        }
        return target.asText();
    }

    static synchronized String script() {
        if (script == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new AssertionError("axe.min.js is not on the test classpath: deploy/pom.xml must have the test dependency "
                            + "com.deque.html.axe-core:selenium, which carries it");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
