package uk.gov.local.healthcheck.metrics.instruments;

import java.util.List;

/**
 * One question of an instrument, as far as indicators need it.
 *
 * @param section the id of its section (for the practitioner survey: the standard, e.g. {@code std3})
 * @param type    text, list, decimal, integer, single, multi, counts or likert
 * @param options option ids of single, multi and likert questions (strings, never booleans)
 * @param bands   band ids of counts questions
 */
public record Question(String id, String section, String sectionTitle, String type, String text, List<String> options,
                       List<String> bands) {

    public Question {
        options = List.copyOf(options);
        bands = List.copyOf(bands);
    }

    /** Single-choice, multi-choice, integer and decimal questions: the answers kept per authority for tabulation. */
    public boolean isTabulated() {
        return switch (type) {
            case "single", "multi", "integer", "decimal" -> true;
            default -> false;
        };
    }
}
