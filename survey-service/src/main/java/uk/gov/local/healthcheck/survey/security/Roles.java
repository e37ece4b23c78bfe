package uk.gov.local.healthcheck.survey.security;

/** Realm roles of the healthcheck realm (identity/healthcheck-realm.json). */
public final class Roles {
    public static final String LGA_ADMIN = "lga-admin";
    public static final String COUNCIL_SUBMITTER = "council-submitter";
    public static final String COUNCIL_VIEWER = "council-viewer";
    public static final String RIA_ANALYST = "ria-analyst";

    private Roles() {
    }
}
