package uk.gov.local.healthcheck.reference.authorities;

import java.util.Arrays;

/** The kind of council, as the register spells it. A future benchmark group ("all London Boroughs") keys on this. */
public enum CouncilType {
    SHIRE_COUNTY("Shire County"),
    METROPOLITAN_DISTRICT("Metropolitan District"),
    UNITARY_AUTHORITY("Unitary Authority"),
    LONDON_BOROUGH("London Borough");

    /**
     * The register qualifies two sui generis councils, e.g. "London Borough (City of London Corporation)" and
     * "Unitary Authority (Council of the Isles of Scilly)"; each is benchmarked as the type before the bracket.
     */
    private static final String QUALIFIER_START = "(";

    private final String label;

    CouncilType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The code used in group ids, e.g. {@code councilType:shire-county}. */
    public String slug() {
        return label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    public static CouncilType fromLabel(String label) {
        int qualifier = label.indexOf(QUALIFIER_START);
        String trimmed = (qualifier < 0 ? label : label.substring(0, qualifier)).trim();
        return Arrays.stream(values())
                .filter(t -> t.label.equalsIgnoreCase(trimmed))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown council type '" + label + "'"));
    }
}
