package uk.gov.local.healthcheck.benchmark.api;

/** One offending request field, as docs/conventions.md spells validation errors. */
public record Violation(String field, String code, String message) {
}
