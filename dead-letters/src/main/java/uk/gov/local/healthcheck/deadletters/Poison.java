package uk.gov.local.healthcheck.deadletters;

/** An item of a batch that failed permanently on its own, with the failure. */
public record Poison<T>(T item, Throwable failure) {
}
