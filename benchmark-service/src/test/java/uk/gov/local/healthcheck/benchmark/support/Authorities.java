package uk.gov.local.healthcheck.benchmark.support;

/** The GSS codes the API tests publish figures for, with their regions as the authority register has them. */
public final class Authorities {

    public static final String HARTLEPOOL = "E06000001";       // North East
    public static final String MIDDLESBROUGH = "E06000002";    // North East
    public static final String REDCAR = "E06000003";           // North East
    public static final String HACKNEY = "E09000012";          // London
    public static final String ISLINGTON = "E09000019";        // London
    public static final String CAMDEN = "E09000007";           // London
    public static final String BIRMINGHAM = "E08000025";       // West Midlands
    public static final String NORTH_EAST = "E12000001";

    private Authorities() {
    }
}
