package uk.gov.local.healthcheck.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options, {@code --name value}, with the defaults documented in docs/load-testing.md. */
record Options(String mode, String survey, String keycloak, String user, String password, double rate,
               Duration duration, Duration warmup, int batchSize, int maxInFlight, String authority) {

    private static final Set<String> NAMES = Set.of("mode", "survey", "keycloak", "user", "password", "rate", "seconds",
            "warmup-seconds", "batch-size", "max-in-flight", "authority");

    static Options parse(String[] args) {
        Map<String, String> o = last(pairs(args, NAMES));
        String mode = o.getOrDefault("mode", "responses");
        if (!Map.of("responses", 1, "batch", 1, "returns", 1).containsKey(mode)) {
            throw new IllegalArgumentException("--mode is responses, batch or returns");
        }
        return new Options(mode,
                o.getOrDefault("survey", "http://127.0.0.1:8081"),
                o.getOrDefault("keycloak", "http://127.0.0.1:8180"),
                o.getOrDefault("user", "lga1"),
                password(o),
                Double.parseDouble(o.getOrDefault("rate", "300")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "30"))),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup-seconds", "15"))),
                Integer.parseInt(o.getOrDefault("batch-size", "1000")),
                Integer.parseInt(o.getOrDefault("max-in-flight", "256")),
                o.getOrDefault("authority", "E10000031"));
    }

    /** The {@code --name value} pairs, each name's values in order; a name not in {@code names} is refused, not ignored. */
    static Map<String, List<String>> pairs(String[] args, Set<String> names) {
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (!names.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + "; the options are --" + String.join(", --", names.stream().sorted().toList()));
            }
            o.computeIfAbsent(name, n -> new ArrayList<>()).add(args[++i]);
        }
        return o;
    }

    /** Each name's last value: a repeated option that is not a list takes the last one given. */
    static Map<String, String> last(Map<String, List<String>> pairs) {
        Map<String, String> o = new LinkedHashMap<>();
        pairs.forEach((name, values) -> o.put(name, values.get(values.size() - 1)));
        return o;
    }

    /** {@code --password}, else {@code HEALTHCHECK_PASSWORD}, else the demo users' {@code <user>-password}. */
    static String password(Map<String, String> o) {
        return o.getOrDefault("password", System.getenv().getOrDefault("HEALTHCHECK_PASSWORD", o.getOrDefault("user", "lga1") + "-password"));
    }
}
