package uk.gov.local.healthcheck.reference.authorities;

import java.util.List;

/**
 * An ONS area that authorities are compared within and that the register's rows do not name by themselves: England
 * (E92), the London region (E12) and its two subregions (E13), which {@link Authority#londonSubregionCode()} refers to.
 */
public record Area(String code, String name) {

    public static final Area ENGLAND = new Area("E92000001", "England");
    /** The London region, which Inner and Outer London partition. */
    public static final Area LONDON = new Area("E12000007", "London");
    public static final Area INNER_LONDON = new Area("E13000001", "Inner London");
    public static final Area OUTER_LONDON = new Area("E13000002", "Outer London");
    /** Inner, then Outer London: the order benchmarks list them in. */
    public static final List<Area> LONDON_SUBREGIONS = List.of(INNER_LONDON, OUTER_LONDON);
}
