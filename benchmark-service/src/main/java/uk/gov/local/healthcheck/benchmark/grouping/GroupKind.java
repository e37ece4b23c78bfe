package uk.gov.local.healthcheck.benchmark.grouping;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of benchmark group. Only {@link #NATIONAL} and {@link #REGION} are offered now; London sub-regions,
 * council types and statistical neighbours are further kinds over the same register, with no change to aggregation.
 */
public enum GroupKind {
    /** Every authority in England. Takes no code. */
    NATIONAL("national"),
    /** The authorities of one E12 region. */
    REGION("region");

    private final String key;

    GroupKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<GroupKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
