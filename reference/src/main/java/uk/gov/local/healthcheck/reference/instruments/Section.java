package uk.gov.local.healthcheck.reference.instruments;

import java.util.List;

/** A section of an instrument (for the practitioner survey: a standard, e.g. {@code std3}); title and note may be absent. */
public record Section(String id, String title, String note, List<Question> questions) {
}
