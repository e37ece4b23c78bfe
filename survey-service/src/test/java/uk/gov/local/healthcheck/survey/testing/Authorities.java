package uk.gov.local.healthcheck.survey.testing;

/** The GSS codes the tests submit, invite and track for, with their regions as the authority register has them. */
public final class Authorities {

    public static final String WARWICKSHIRE = "E10000031";   // West Midlands
    public static final String BIRMINGHAM = "E08000025";     // West Midlands
    public static final String COVENTRY = "E08000026";       // West Midlands
    public static final String CAMDEN = "E09000007";         // London
    public static final String WEST_MIDLANDS = "E12000005";

    private Authorities() {
    }
}
