package uk.gov.local.healthcheck.metrics.indicators;

import uk.gov.local.healthcheck.metrics.instruments.Instrument;
import uk.gov.local.healthcheck.metrics.instruments.InstrumentCatalog;
import uk.gov.local.healthcheck.metrics.instruments.Question;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What of a return is kept per authority for benchmark-service's tabulations: the answer to each single-choice,
 * multi-choice, integer and decimal question (instrument order), and the consent to named publication. Free text,
 * lists and counts are left out; so is a declared-missing marker (it is not an answer to tabulate). Pure.
 */
public final class TabulatedAnswers {

    public static final String CONSENT_QUESTION = "consent.named_publication";

    private TabulatedAnswers() {
    }

    /** The tabulated answers, or an empty map for an instrument that is not packaged or not authority-based. */
    public static Map<String, Object> of(String instrument, int version, Answers answers) {
        Optional<Instrument> known = InstrumentCatalog.byIdAndVersion(instrument, version);
        Map<String, Object> kept = new LinkedHashMap<>();
        if (known.isEmpty() || !"authority".equals(known.get().unit())) {
            return kept;
        }
        for (Question q : known.get().questions()) {
            Object value = answers.raw().get(q.id());
            if (value == null || !q.isTabulated() || value instanceof Map<?, ?>) {
                continue;
            }
            kept.put(q.id(), value);
        }
        return kept;
    }

    /** {@code consent.named_publication}: yes → true, no → false; null when the instrument does not ask it. */
    public static Boolean consent(String instrument, Answers answers) {
        if (!IndicatorDictionary.EMPLOYER_HEALTH_CHECK.equals(instrument)) {
            return null;
        }
        Object v = answers.raw().get(CONSENT_QUESTION);
        if ("yes".equals(v)) {
            return Boolean.TRUE;
        }
        return "no".equals(v) ? Boolean.FALSE : null;
    }
}
