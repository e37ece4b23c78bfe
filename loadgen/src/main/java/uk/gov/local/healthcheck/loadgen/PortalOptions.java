package uk.gov.local.healthcheck.loadgen;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The portal page benchmark's options, {@code --name value} ({@code --page} and {@code --pdf} repeatable); defaults in docs/load-testing.md. */
record PortalOptions(String portal, String user, String password, List<String> pages, double rate, Duration duration,
                     Duration warmup, int maxInFlight, List<String> pdfs, int pdfRuns) {

    static final List<String> DEFAULT_PAGES = List.of("/councils/E10000031/rounds/workforce-2024", "/regions/E12000007/rounds/workforce-2024");
    static final List<String> DEFAULT_PDFS = List.of("/reports/workforce-2024.pdf");

    private static final Set<String> NAMES = Set.of("portal", "user", "password", "page", "rate", "seconds", "warmup-seconds",
            "max-in-flight", "pdf", "pdf-runs");

    static PortalOptions parse(String[] args) {
        Map<String, List<String>> pairs = Options.pairs(args, NAMES);
        Map<String, String> o = Options.last(pairs);
        List<String> pages = paths(pairs.getOrDefault("page", DEFAULT_PAGES));
        List<String> pdfs = paths(pairs.getOrDefault("pdf", DEFAULT_PDFS));
        return new PortalOptions(
                o.getOrDefault("portal", "http://127.0.0.1:8084").replaceAll("/+$", ""),
                o.getOrDefault("user", "lga1"),
                Options.password(o),
                pages,
                Double.parseDouble(o.getOrDefault("rate", "50")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "60"))),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup-seconds", "15"))),
                Integer.parseInt(o.getOrDefault("max-in-flight", "64")),
                pdfs,
                Integer.parseInt(o.getOrDefault("pdf-runs", "10")));
    }

    private static List<String> paths(List<String> paths) {
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("A page or PDF is a path on the portal starting with /, got " + path);
            }
        }
        return List.copyOf(paths);
    }
}
