package uk.gov.local.healthcheck.survey.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.survey.validation.Violation;
import uk.gov.local.healthcheck.survey.web.BodyFields;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks a round definition field by field, so every problem is reported at once. */
final class RoundRequestReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-Q[1-4])?");
    private static final Set<String> FIELDS = Set.of("id", "instrument", "version", "title", "period", "opensOn", "closesOn");
    private static final int MAX_TITLE = 200;

    private RoundRequestReader() {
    }

    static RoundRequest read(JsonNode body, List<Violation> violations) {
        if (!BodyFields.object(body, "the body must be a JSON object", violations)) {
            return null;
        }
        BodyFields.unknownFields(body, FIELDS, violations);
        String id = BodyFields.text(body, "id", violations);
        if (id != null && !ID.matcher(id).matches()) {
            violations.add(new Violation("id", "format", "id must be 2-64 lower-case letters, digits and hyphens, e.g. workforce-2024"));
        }
        String instrument = BodyFields.text(body, "instrument", violations);
        Integer version = BodyFields.wholeNumber(body, "version", false, violations);
        String title = BodyFields.text(body, "title", false, violations);
        if (title != null && title.length() > MAX_TITLE) {
            violations.add(new Violation("title", "length", "title is longer than " + MAX_TITLE + " characters"));
        }
        String period = BodyFields.text(body, "period", violations);
        if (period != null && !PERIOD.matcher(period).matches()) {
            violations.add(new Violation("period", "format", "period must be a year (2024) or a quarter (2024-Q1)"));
        }
        LocalDate opensOn = BodyFields.date(body, "opensOn", violations);
        LocalDate closesOn = BodyFields.date(body, "closesOn", violations);
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            violations.add(new Violation("closesOn", "range", "closesOn (" + closesOn + ") is before opensOn (" + opensOn + ")"));
        }
        return new RoundRequest(id, instrument, version, title, period, opensOn, closesOn);
    }

    /** The body of {@code POST /rounds/{id}/extend}: {@code {"closesOn":"2027-04-30"}} and nothing else. */
    static LocalDate readExtension(JsonNode body, List<Violation> violations) {
        if (!BodyFields.object(body, "the body must be a JSON object such as {\"closesOn\":\"2027-04-30\"}", violations)) {
            return null;
        }
        BodyFields.unknownFields(body, Set.of("closesOn"), "the only field is closesOn", violations);
        return BodyFields.date(body, "closesOn", violations);
    }
}
