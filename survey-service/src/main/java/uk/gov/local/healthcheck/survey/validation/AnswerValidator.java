package uk.gov.local.healthcheck.survey.validation;

import com.fasterxml.jackson.databind.JsonNode;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.reference.instruments.Instrument;
import uk.gov.local.healthcheck.reference.instruments.Question;
import uk.gov.local.healthcheck.reference.instruments.QuestionType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks answers against an instrument: a pure function of the instrument, the answers and the limits, so every
 * rule can be tested without a server. Every violation is reported at once, each naming its question.
 *
 * <p>A draft is type-checked only (what is given must be well-formed; what is missing is listed, not refused).
 * A submitted return must also be complete: required questions, {@code when} conditions and {@code rule}s.
 * A rule broken by figures the council confirms are right is accepted when the return explains it, as statistical
 * collections do with queries ("FTE above headcount: staff on contracts above 1.0 FTE").
 */
@RequiredArgsConstructor
public final class AnswerValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AnswerLimits limits;

    public ValidationResult validate(Instrument instrument, JsonNode answers, JsonNode explanations, boolean complete) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> normalised = new LinkedHashMap<>();
        if (answers == null || answers.isNull()) {
            violations.add(new Violation("answers", "required", "answers is required: an object keyed by question id"));
            return new ValidationResult(violations, normalised, requiredIds(instrument), Map.of());
        }
        if (!answers.isObject()) {
            violations.add(new Violation("answers", "type", "answers must be an object keyed by question id"));
            return new ValidationResult(violations, normalised, requiredIds(instrument), Map.of());
        }
        rejectUnknownKeys(instrument, answers, violations);
        for (Question q : instrument.questions().values()) {
            JsonNode answer = answers.get(q.id());
            if (answer != null && !answer.isNull()) {
                normalise(q, answer, violations).ifPresent(v -> normalised.put(q.id(), v));
            }
        }
        checkChoices(instrument, answers, normalised, violations);

        List<String> missing = new ArrayList<>();
        for (Question q : instrument.questions().values()) {
            boolean applicable = q.when() == null || Condition.parse(q.when()).holds(normalised);
            if (normalised.containsKey(q.id()) && !applicable && complete) {
                violations.add(new Violation(q.id(), "when", q.id() + " may be answered only when "
                        + Condition.parse(q.when()).describe()));
            }
            if (q.required() && applicable && !normalised.containsKey(q.id())) {
                missing.add(q.id());
            }
        }
        Map<String, String> explained = explanations(instrument, explanations, violations);
        if (complete) {
            Set<String> refused = new HashSet<>();
            violations.forEach(v -> refused.add(v.field()));
            missing.stream().filter(id -> !refused.contains(id))
                    .forEach(id -> violations.add(new Violation(id, "required", id + " is required")));
            for (Question q : instrument.questions().values()) {
                if (q.rule() != null && !explained.containsKey(q.id())) {
                    Rule.parse(q.id(), q.rule()).check(normalised).ifPresent(message -> violations.add(
                            new Violation(q.id(), "rule", message + " (if the figures are right, say why under explanations."
                                    + q.id() + ")")));
                }
            }
        }
        return new ValidationResult(violations, normalised, missing, explained);
    }

    private static List<String> requiredIds(Instrument instrument) {
        return instrument.questions().values().stream().filter(Question::required).map(Question::id).toList();
    }

    private static void rejectUnknownKeys(Instrument instrument, JsonNode answers, List<Violation> violations) {
        Set<String> specifyKeys = new HashSet<>();
        instrument.questions().values().stream().filter(q -> !q.specify().isEmpty()).forEach(q -> specifyKeys.add(q.specifyKey()));
        for (Iterator<String> it = answers.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!instrument.questions().containsKey(key) && !specifyKeys.contains(key)) {
                violations.add(new Violation(key, "unknown", "no question " + key + " in " + instrument.id()
                        + " version " + instrument.version()));
            }
        }
    }

    private Optional<Object> normalise(Question q, JsonNode answer, List<Violation> violations) {
        int before = violations.size();
        Object value = switch (q.type()) {
            case INTEGER, DECIMAL -> answer.isObject() ? missingValue(q, answer, violations) : number(q, q.id(), answer, violations);
            case COUNTS -> counts(q, answer, violations);
            case TEXT -> text(q, answer, violations);
            case LIST -> list(q, answer, violations);
            case SINGLE, LIKERT -> single(q, answer, violations);
            case MULTI -> multi(q, answer, violations);
        };
        return violations.size() == before ? Optional.ofNullable(value) : Optional.empty();
    }

    private static Object missingValue(Question q, JsonNode answer, List<Violation> violations) {
        JsonNode symbol = answer.get(MissingValue.FIELD);
        if (answer.size() != 1 || symbol == null || !symbol.isTextual() || !MissingValue.SYMBOLS.containsKey(symbol.asText())) {
            violations.add(new Violation(q.id(), "type", q.id() + " must be a number, or {\"missing\": s} with s one of "
                    + MissingValue.SYMBOLS.keySet().stream().sorted().toList()));
            return null;
        }
        return MissingValue.of(symbol.asText());
    }

    private static BigDecimal number(Question q, String field, JsonNode answer, List<Violation> violations) {
        if (!answer.isNumber()) {
            violations.add(new Violation(field, "type", field + " must be a JSON number, not " + describe(answer)));
            return null;
        }
        BigDecimal value = answer.decimalValue();
        if (value.signum() < 0) {
            violations.add(new Violation(field, "range", field + " must not be negative (got " + value.toPlainString() + ")"));
            return null;
        }
        if (q.type() != QuestionType.DECIMAL && value.stripTrailingZeros().scale() > 0) {
            violations.add(new Violation(field, "type", field + " must be a whole number (got " + value.toPlainString() + ")"));
            return null;
        }
        if (q.type() == QuestionType.DECIMAL && value.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation(field, "type", field + " allows at most 2 decimal places (got " + value.toPlainString() + ")"));
            return null;
        }
        if (q.min() != null && value.compareTo(q.min()) < 0 || q.max() != null && value.compareTo(q.max()) > 0) {
            violations.add(new Violation(field, "range", field + " must be between " + (q.min() == null ? "0" : q.min().toPlainString())
                    + " and " + (q.max() == null ? "any size" : q.max().toPlainString()) + " (got " + value.toPlainString() + ")"));
            return null;
        }
        return canonical(value);
    }

    /** One spelling per number (170.50 and 170.5 are the same answer), so identical submissions are recognised. */
    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Object counts(Question q, JsonNode answer, List<Violation> violations) {
        if (!answer.isObject()) {
            violations.add(new Violation(q.id(), "type", q.id() + " must be an object of band to count, bands " + q.bands()));
            return null;
        }
        if (answer.has(MissingValue.FIELD)) {
            return missingValue(q, answer, violations);
        }
        Map<String, Object> bands = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            var band = it.next();
            String field = q.id() + "." + band.getKey();
            if (!q.bands().contains(band.getKey())) {
                violations.add(new Violation(field, "unknown", "no band " + band.getKey() + " in " + q.id() + "; bands are " + q.bands()));
                continue;
            }
            Question integer = new Question(field, QuestionType.INTEGER, null, false, List.of(), List.of(), null, null,
                    List.of(), List.of(), null, null, null, null);
            BigDecimal count = band.getValue().isObject() ? null : number(integer, field, band.getValue(), violations);
            if (band.getValue().isObject()) {
                Object missing = missingValue(integer, band.getValue(), violations);
                if (missing != null) {
                    bands.put(band.getKey(), missing);
                }
            } else if (count != null) {
                bands.put(band.getKey(), count);
            }
        }
        return bands;
    }

    private Object text(Question q, JsonNode answer, List<Violation> violations) {
        if (!answer.isTextual()) {
            violations.add(new Violation(q.id(), "type", q.id() + " must be a string, not " + describe(answer)));
            return null;
        }
        String value = answer.asText();
        if (value.length() > limits.maxTextLength()) {
            violations.add(new Violation(q.id(), "length", q.id() + " is longer than " + limits.maxTextLength() + " characters"));
            return null;
        }
        if ("email".equals(q.format()) && !EMAIL.matcher(value).matches()) {
            violations.add(new Violation(q.id(), "format", q.id() + " must be an email address"));
            return null;
        }
        return value;
    }

    private Object list(Question q, JsonNode answer, List<Violation> violations) {
        if (!answer.isArray()) {
            violations.add(new Violation(q.id(), "type", q.id() + " must be an array of strings, not " + describe(answer)));
            return null;
        }
        int maxItems = q.maxItems() != null ? q.maxItems() : limits.maxListItems();
        if (answer.size() > maxItems) {
            violations.add(new Violation(q.id(), "length", q.id() + " allows at most " + maxItems + " items (got " + answer.size() + ")"));
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : answer) {
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > limits.maxTextLength()) {
                violations.add(new Violation(q.id(), "type", q.id() + " items must be non-empty strings of at most "
                        + limits.maxTextLength() + " characters"));
                return null;
            }
            items.add(item.asText());
        }
        return List.copyOf(items);
    }

    private static Object single(Question q, JsonNode answer, List<Violation> violations) {
        if (!answer.isTextual() || !q.options().contains(answer.asText())) {
            violations.add(new Violation(q.id(), "option", q.id() + " must be one of " + q.options() + " (got " + describe(answer) + ")"));
            return null;
        }
        return answer.asText();
    }

    private static Object multi(Question q, JsonNode answer, List<Violation> violations) {
        if (!answer.isArray() || answer.isEmpty()) {
            violations.add(new Violation(q.id(), "type", q.id() + " must be a non-empty array of options from " + q.options()));
            return null;
        }
        List<String> chosen = new ArrayList<>();
        for (JsonNode option : answer) {
            if (!option.isTextual() || !q.options().contains(option.asText())) {
                violations.add(new Violation(q.id(), "option", q.id() + " options must come from " + q.options() + " (got " + describe(option) + ")"));
                return null;
            }
            if (chosen.contains(option.asText())) {
                violations.add(new Violation(q.id(), "option", q.id() + " names " + option.asText() + " twice"));
                return null;
            }
            chosen.add(option.asText());
        }
        for (String exclusive : q.exclusive()) {
            if (chosen.contains(exclusive) && chosen.size() > 1) {
                violations.add(new Violation(q.id(), "exclusive", q.id() + ": " + exclusive + " cannot be chosen with other options"));
                return null;
            }
        }
        return List.copyOf(chosen);
    }

    /** "Other (please specify)": the text is required with the option and allowed only with it. */
    private void checkChoices(Instrument instrument, JsonNode answers, Map<String, Object> normalised, List<Violation> violations) {
        for (Question q : instrument.questions().values()) {
            if (q.specify().isEmpty()) {
                continue;
            }
            Object answer = normalised.get(q.id());
            boolean needsText = answer instanceof List<?> l ? l.stream().anyMatch(q.specify()::contains)
                    : answer != null && q.specify().contains(answer);
            JsonNode text = answers.get(q.specifyKey());
            boolean hasText = text != null && text.isTextual() && !text.asText().isBlank();
            if (text != null && !text.isNull() && !text.isTextual()) {
                violations.add(new Violation(q.specifyKey(), "type", q.specifyKey() + " must be a string"));
            } else if (needsText && !hasText) {
                violations.add(new Violation(q.specifyKey(), "specify", q.specifyKey() + " is required when " + q.id() + " is " + q.specify()));
            } else if (!needsText && hasText && answer != null) {
                violations.add(new Violation(q.specifyKey(), "specify", q.specifyKey() + " is allowed only when " + q.id() + " is " + q.specify()));
            } else if (hasText && text.asText().length() > limits.maxTextLength()) {
                violations.add(new Violation(q.specifyKey(), "length", q.specifyKey() + " is longer than " + limits.maxTextLength() + " characters"));
            } else if (hasText) {
                normalised.put(q.specifyKey(), text.asText());
            }
        }
    }

    private Map<String, String> explanations(Instrument instrument, JsonNode explanations, List<Violation> violations) {
        Map<String, String> explained = new LinkedHashMap<>();
        if (explanations == null || explanations.isNull()) {
            return explained;
        }
        if (!explanations.isObject()) {
            violations.add(new Violation("explanations", "type", "explanations must be an object of question id to text"));
            return explained;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = explanations.fields(); it.hasNext(); ) {
            var e = it.next();
            String field = "explanations." + e.getKey();
            Optional<Question> q = instrument.question(e.getKey());
            if (q.isEmpty() || q.get().rule() == null) {
                violations.add(new Violation(field, "unknown", e.getKey() + " has no rule to explain"));
            } else if (!e.getValue().isTextual() || e.getValue().asText().isBlank() || e.getValue().asText().length() > limits.maxTextLength()) {
                violations.add(new Violation(field, "type", field + " must be a non-empty string of at most " + limits.maxTextLength() + " characters"));
            } else {
                explained.put(e.getKey(), e.getValue().asText());
            }
        }
        return explained;
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            String s = node.asText();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        return node.getNodeType().name().toLowerCase();
    }
}
