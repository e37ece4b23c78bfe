package uk.gov.local.healthcheck.reference.indicators;

import uk.gov.local.healthcheck.reference.instruments.PackagedInstruments;

import java.util.List;
import java.util.Optional;

/**
 * The indicator dictionary packaged with this module ({@code ../instruments/indicators.yaml}, on the classpath beside
 * the instruments), read once and checked against the packaged instruments ({@link IndicatorIntegrity}). Immutable.
 */
public final class PackagedIndicators {

    /** The dictionary's file, under {@link PackagedInstruments#DIRECTORY}. */
    public static final String FILE = "indicators.yaml";

    private final List<Indicator> indicators;

    private PackagedIndicators(List<Indicator> indicators) {
        this.indicators = List.copyOf(indicators);
    }

    /** The packaged dictionary, checked against the packaged instruments. */
    public static PackagedIndicators load() {
        return load(FILE, PackagedInstruments.load());
    }

    /**
     * The dictionary of this file (under {@link PackagedInstruments#DIRECTORY}), checked against these instruments.
     *
     * @throws IllegalStateException naming every bad entry when the file cannot be read or is not consistent
     */
    public static PackagedIndicators load(String file, PackagedInstruments instruments) {
        List<Indicator> indicators;
        try {
            indicators = IndicatorReader.read(PackagedInstruments.file(file));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Unreadable indicator dictionary " + file + ": " + e.getMessage(), e);
        }
        List<String> problems = IndicatorIntegrity.problems(indicators, instruments);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(file + " is not a consistent indicator dictionary: " + String.join("; ", problems));
        }
        return new PackagedIndicators(indicators);
    }

    /** Every indicator, in the dictionary's order. */
    public List<Indicator> all() {
        return indicators;
    }

    public Optional<Indicator> find(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
