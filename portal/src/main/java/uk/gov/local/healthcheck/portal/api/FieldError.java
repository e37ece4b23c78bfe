package uk.gov.local.healthcheck.portal.api;

/** One field an API refused, as its problem+json {@code errors} names it. */
public record FieldError(String field, String code, String message) {
}
