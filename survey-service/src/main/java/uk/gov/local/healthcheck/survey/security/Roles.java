package uk.gov.local.healthcheck.survey.security;

/** Realm roles of the healthcheck realm (identity/healthcheck-realm.json). */
public final class Roles {
    public static final String LGA_ADMIN = "lga-admin";
    public static final String COUNCIL_SUBMITTER = "council-submitter";
    public static final String COUNCIL_VIEWER = "council-viewer";
    public static final String RIA_ANALYST = "ria-analyst";
    /**
     * The portal's own service account, and nothing else: it resolves invitation codes and passes on the answers of
     * the practitioners it invites (POST /api/v1/invitations/resolve and /responses), and may call no other endpoint.
     */
    public static final String SURVEY_RELAY = "survey-relay";

    private Roles() {
    }
}
