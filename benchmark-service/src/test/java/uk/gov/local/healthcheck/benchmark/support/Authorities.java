package uk.gov.local.healthcheck.benchmark.support;

/** The GSS codes the tests name, authorities with their regions as the authority register has them, and regions (London: Area.LONDON). */
public final class Authorities {

    public static final String HARTLEPOOL = "E06000001";       // North East
    public static final String MIDDLESBROUGH = "E06000002";    // North East
    public static final String REDCAR = "E06000003";           // North East
    public static final String HACKNEY = "E09000012";          // London
    public static final String ISLINGTON = "E09000019";        // London
    public static final String CAMDEN = "E09000007";           // London
    public static final String BIRMINGHAM = "E08000025";       // West Midlands
    public static final String KENSINGTON_AND_CHELSEA = "E09000020";   // London
    public static final String WESTMINSTER = "E09000033";      // London
    public static final String NORTH_EAST = "E12000001";
    public static final String WEST_MIDLANDS = "E12000005";
    public static final String SOUTH_EAST = "E12000008";
    public static final String SOUTH_WEST = "E12000009";

    private Authorities() {
    }
}
