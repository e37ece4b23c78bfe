package uk.gov.local.healthcheck.survey.rounds;

import java.time.LocalDate;

/** The body of {@code POST /api/v1/rounds}, after its fields have been read and checked. */
public record RoundRequest(String id, String instrument, Integer version, String title, String period,
                           LocalDate opensOn, LocalDate closesOn) {
}
