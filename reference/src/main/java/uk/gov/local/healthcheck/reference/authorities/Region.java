package uk.gov.local.healthcheck.reference.authorities;

/** An English region (ONS E12 code). */
public record Region(String code, String name) {
}
