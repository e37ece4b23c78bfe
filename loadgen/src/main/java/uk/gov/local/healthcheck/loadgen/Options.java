package uk.gov.local.healthcheck.loadgen;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Command-line options, {@code --name value}, with the defaults documented in docs/load-testing.md. */
record Options(String mode, String survey, String keycloak, String user, String password, double rate,
               Duration duration, Duration warmup, int batchSize, int maxInFlight, String authority) {

    static Options parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        String mode = o.getOrDefault("mode", "responses");
        if (!Map.of("responses", 1, "batch", 1, "returns", 1).containsKey(mode)) {
            throw new IllegalArgumentException("--mode is responses, batch or returns");
        }
        return new Options(mode,
                o.getOrDefault("survey", "http://127.0.0.1:8081"),
                o.getOrDefault("keycloak", "http://127.0.0.1:8180"),
                o.getOrDefault("user", "lga1"),
                o.getOrDefault("password", System.getenv().getOrDefault("HEALTHCHECK_PASSWORD", o.getOrDefault("user", "lga1") + "-password")),
                Double.parseDouble(o.getOrDefault("rate", "300")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "30"))),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup-seconds", "15"))),
                Integer.parseInt(o.getOrDefault("batch-size", "1000")),
                Integer.parseInt(o.getOrDefault("max-in-flight", "256")),
                o.getOrDefault("authority", "E10000031"));
    }
}
