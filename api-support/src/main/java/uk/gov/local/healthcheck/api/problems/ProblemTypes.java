package uk.gov.local.healthcheck.api.problems;

/**
 * Every kind of problem the services send, in one place: {@code type} is {@link #uri(String) BASE + slug}, and clients
 * branch on it (docs/errors.md lists these slugs, what each means and who sends it). A slug not here is not sent,
 * except {@code http-{status}} for an HTTP error raised inside JAX-RS that has no slug of its own.
 */
public final class ProblemTypes {

    public static final String BASE = "https://healthcheck.local.gov.uk/problems/";

    public static final String BAD_REQUEST = "bad-request";
    public static final String VALIDATION = "validation";
    public static final String UNKNOWN_GROUP = "unknown-group";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String UNKNOWN_ROUND = "unknown-round";
    public static final String UNKNOWN_AUTHORITY = "unknown-authority";
    public static final String UNKNOWN_INSTRUMENT = "unknown-instrument";
    public static final String UNKNOWN_INVITATION = "unknown-invitation";
    public static final String UNKNOWN_REGION = "unknown-region";
    public static final String UNKNOWN_QUESTION = "unknown-question";
    public static final String NO_RETURN = "no-return";
    public static final String NOT_TABULATED = "not-tabulated";
    public static final String NO_BENCHMARK_DATA = "no-benchmark-data";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String ROUND_EXISTS = "round-exists";
    public static final String ROUND_CLOSED = "round-closed";
    public static final String ROUND_NOT_YET_OPEN = "round-not-yet-open";
    public static final String WRONG_KIND_OF_ROUND = "wrong-kind-of-round";
    public static final String RESPONSE_ID_REUSED = "response-id-reused";
    public static final String CONCURRENT_UPDATE = "concurrent-update";
    public static final String CONFLICT = "conflict";
    public static final String INVITATION_REVOKED = "invitation-revoked";
    public static final String INVITATION_EXPIRED = "invitation-expired";
    public static final String INVITATION_FULL = "invitation-full";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String TOO_MANY_LINES = "too-many-lines";
    /** The dead-letter admin API's. */
    public static final String REPLAY_FAILED = "replay-failed";
    /** The dead-letter admin API's. */
    public static final String NOT_IMPLEMENTED = "not-implemented";
    public static final String INTERNAL = "internal";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String DATABASE_UNAVAILABLE = "database-unavailable";
    public static final String BUSY = "busy";

    private ProblemTypes() {
    }

    /** The {@code type} URI of a slug. */
    public static String uri(String slug) {
        return BASE + slug;
    }

    /** The slug of an HTTP error raised inside JAX-RS that has none of its own: {@code http-404}, {@code http-405}… */
    public static String http(int status) {
        return "http-" + status;
    }
}
