package uk.gov.local.healthcheck.loadgen;

import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * How fast and how long a tool drives its target, open-loop: the options {@link Options} and {@link PortalOptions} share.
 * What a rate counts and the defaults differ between the tools, so each names them in its command's resource bundle
 * ({@code LoadGenerator.properties}, {@code PortalPageBenchmark.properties}) under the keys below.
 */
final class Pacing {

    @Option(names = "--rate", defaultValue = "${bundle:rate.default}", descriptionKey = "rate", paramLabel = "N")
    private double rate;
    @Option(names = "--seconds", defaultValue = "${bundle:seconds.default}", paramLabel = "S", description = "measured duration; default ${DEFAULT-VALUE}")
    private long seconds;
    @Option(names = "--warmup-seconds", defaultValue = "15", paramLabel = "S", description = "unrecorded warm-up before it; default ${DEFAULT-VALUE}")
    private long warmupSeconds;
    @Option(names = "--max-in-flight", defaultValue = "${bundle:max-in-flight.default}", descriptionKey = "max-in-flight", paramLabel = "N")
    private int maxInFlight;

    double rate() {
        return rate;
    }

    Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    Duration warmup() {
        return Duration.ofSeconds(warmupSeconds);
    }

    int maxInFlight() {
        return maxInFlight;
    }
}
