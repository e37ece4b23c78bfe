package uk.gov.local.healthcheck.benchmark.reference;

/** An English region (ONS E12 code). */
public record Region(String code, String name) {
}
