package uk.gov.local.healthcheck.api.access;

/**
 * The healthcheck realm's roles (in {@code realm_access.roles}) and the claims that scope them
 * (identity/healthcheck-realm.json, docs/conventions.md).
 */
public final class Roles {
    public static final String LGA_ADMIN = "lga-admin";
    public static final String COUNCIL_SUBMITTER = "council-submitter";
    public static final String COUNCIL_VIEWER = "council-viewer";
    public static final String RIA_ANALYST = "ria-analyst";
    /**
     * The portal's own service account, and nothing else: it resolves invitation codes and passes on the answers of
     * the practitioners it invites (survey-service's POST /api/v1/invitations/resolve and /responses).
     */
    public static final String SURVEY_RELAY = "survey-relay";

    /** A council's GSS code, e.g. E10000031, on council users and systems. */
    public static final String AUTHORITY_CLAIM = "authority_code";
    /** An E12 region code, e.g. E12000005, on RIA analysts. */
    public static final String REGION_CLAIM = "region_code";
    /** The client the token was issued to. */
    public static final String CLIENT_CLAIM = "azp";

    private Roles() {
    }
}
