package uk.gov.local.healthcheck.benchmark.grouping;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of benchmark group, with the key clients write before the colon of a group id. */
public enum GroupKind {
    /** Every authority in England. Takes no code. */
    NATIONAL("national"),
    /** The authorities of one E12 region. */
    REGION("region"),
    /** Inner (E13000001) or Outer (E13000002) London. */
    LONDON_SUBREGION("subregion"),
    /** One council type, by slug: shire-county, london-borough, metropolitan-district, unitary-authority. */
    COUNCIL_TYPE("councilType"),
    /** An authority's 10 DfE statistical neighbours (the authority itself is not a member), by its GSS code. */
    NEIGHBOURS("neighbours");

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
