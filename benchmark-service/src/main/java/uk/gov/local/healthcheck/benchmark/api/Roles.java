package uk.gov.local.healthcheck.benchmark.api;

/** Keycloak realm roles (docs/conventions.md). */
public final class Roles {
    public static final String LGA_ADMIN = "lga-admin";
    public static final String COUNCIL_SUBMITTER = "council-submitter";
    public static final String RIA_ANALYST = "ria-analyst";

    private Roles() {
    }
}
