package uk.gov.local.healthcheck.metrics.indicators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * The answers of one return, read from the normalised map carried by {@code ReturnAccepted}: a number, or
 * {@code {"missing": "x"}} for a question the council declared it cannot answer; an absent key is unanswered.
 */
public final class Answers {

    /** The statistical symbols of the DfE publications that a council may give instead of a number. */
    public static final Set<String> MISSING_SYMBOLS = Set.of("x", "c", "u", "z");
    private static final String MISSING_KEY = "missing";
    /**
     * Bounds far beyond any FTE, day or case count, which keep every value storable in a PostgreSQL numeric: an
     * absurd number is a broken event, not something to retry forever.
     */
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1E15");
    private static final int MAX_FRACTION_DIGITS = 20;

    private final Map<String, Object> raw;

    private Answers(Map<String, Object> raw) {
        this.raw = raw;
    }

    public static Answers of(Map<String, Object> raw) {
        return new Answers(raw == null ? Map.of() : Map.copyOf(withoutNullValues(raw)));
    }

    /**
     * The answer to {@code questionId}.
     *
     * @throws InvalidAnswerException when the value is neither a number nor a recognised missing marker, i.e. the
     *                                producer broke the event contract
     */
    public Answer get(String questionId) {
        Object value = raw.get(questionId);
        if (value == null) {
            return band(questionId);
        }
        BigDecimal number = toDecimal(value);
        if (number != null) {
            if (number.abs().compareTo(MAX_MAGNITUDE) >= 0 || number.scale() > MAX_FRACTION_DIGITS) {
                throw new InvalidAnswerException(questionId, value);
            }
            return new Answer.Value(number);
        }
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.get(MISSING_KEY) instanceof String symbol
                && MISSING_SYMBOLS.contains(symbol)) {
            return new Answer.DeclaredMissing(symbol);
        }
        throw new InvalidAnswerException(questionId, value);
    }

    /**
     * A band of a counts question, addressed as {@code <question id>.<band>} (e.g. {@code diversity.gender.female}):
     * the count in that band, the whole question's declared-missing marker, or unanswered.
     */
    private Answer band(String bandId) {
        int dot = bandId.lastIndexOf('.');
        if (dot <= 0) {
            return new Answer.Unanswered();
        }
        String questionId = bandId.substring(0, dot);
        if (!(raw.get(questionId) instanceof Map<?, ?> bands)) {
            return new Answer.Unanswered();
        }
        if (bands.size() == 1 && bands.get(MISSING_KEY) instanceof String) {
            return get(questionId);
        }
        Object count = bands.get(bandId.substring(dot + 1));
        if (count == null) {
            return new Answer.Unanswered();
        }
        return Answers.of(Map.of(bandId, count)).get(bandId);
    }

    /** The answers as received (no null values), e.g. to keep the tabulated ones. */
    public Map<String, Object> raw() {
        return raw;
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            if (!Double.isFinite(((Number) value).doubleValue())) {
                return null;
            }
            // EventJson reads decimals as BigDecimal; a double only arrives from code that built the map itself.
            // Going through the decimal string keeps the value the producer wrote rather than its binary expansion.
            return new BigDecimal(value.toString());
        }
        return null;
    }

    private static Map<String, Object> withoutNullValues(Map<String, Object> raw) {
        // Map.copyOf rejects nulls; a JSON null is as good as an absent answer.
        var copy = new java.util.HashMap<String, Object>();
        raw.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
