package uk.gov.local.healthcheck.deploy.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every page axe-core checked in this test run (this JVM), in the order checked: page name, counts per impact. Rewritten to
 * {@code portal/target/screenshots/axe-summary.txt} after every check, so the file is whole even if the run stops half-way,
 * and begins afresh with each run.
 */
public final class AxeSummary {

    private static final Map<String, Axe.Result> PAGES = new LinkedHashMap<>();

    private AxeSummary() {
    }

    static synchronized void record(String key, Axe.Result result) {
        PAGES.put(key, result);
        try {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the summary is written. */
    public static Path file() {
        return Browser.SCREENSHOTS.resolve("axe-summary.txt");
    }

    /** The counts recorded so far, by page (test name / page name), each impact present. */
    public static synchronized Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        PAGES.forEach((page, result) -> counts.put(page, result.countsByImpact()));
        return counts;
    }

    /** One line per page: "page: critical 0, serious 0, moderate 1, minor 0 (rule ids)", then the totals. */
    public static synchronized String text() {
        Map<String, Integer> total = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder("axe-core " + version() + " violations by impact, per page checked\n");
        PAGES.forEach((page, result) -> {
            Map<String, Integer> c = result.countsByImpact();
            c.forEach((impact, n) -> total.merge(impact, n, Integer::sum));
            out.append(page).append(": ").append(line(c));
            if (!result.violations().isEmpty()) {
                out.append(" (").append(result.violations().stream().map(v -> v.id() + " " + v.impact())
                        .collect(Collectors.joining(", "))).append(')');
            }
            out.append('\n');
        });
        return out.append("total, ").append(PAGES.size()).append(" page(s): ").append(line(total)).append('\n').toString();
    }

    private static String line(Map<String, Integer> counts) {
        return "critical " + counts.getOrDefault("critical", 0) + ", serious " + counts.getOrDefault("serious", 0) + ", moderate "
                + counts.getOrDefault("moderate", 0) + ", minor " + counts.getOrDefault("minor", 0);
    }

    private static String version() {
        String script = Axe.script();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("axe v(\\d+\\.\\d+\\.\\d+)").matcher(script.substring(0, Math.min(500, script.length())));
        return m.find() ? m.group(1) : "";
    }
}
