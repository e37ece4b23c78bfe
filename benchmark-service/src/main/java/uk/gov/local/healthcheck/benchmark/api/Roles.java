package uk.gov.local.healthcheck.benchmark.api;

/** Keycloak realm roles (docs/conventions.md, identity/README.md). */
public final class Roles {
    public static final String LGA_ADMIN = "lga-admin";
    public static final String COUNCIL_SUBMITTER = "council-submitter";
    public static final String COUNCIL_VIEWER = "council-viewer";
    public static final String RIA_ANALYST = "ria-analyst";
    public static final String AUTHORITY_CLAIM = "authority_code";
    public static final String REGION_CLAIM = "region_code";

    private Roles() {
    }
}
