package uk.gov.local.healthcheck.deadletters;

import java.util.List;

/** {@code GET /api/v1/admin/dead-letters}: how many match, and the first of them (oldest first). */
public record DeadLetterList(long count, List<DeadLetterEntry> deadLetters) {
}
