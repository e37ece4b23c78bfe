package uk.gov.local.healthcheck.metrics.indicators;

import uk.gov.local.healthcheck.metrics.instruments.InstrumentCatalog;
import uk.gov.local.healthcheck.reference.indicators.Formula;
import uk.gov.local.healthcheck.reference.indicators.PackagedIndicators;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators the platform computes: a view over the dictionary the reference module reads and checks
 * ({@code instruments/indicators.yaml}, one definition of each measure for the whole country; docs/indicators.md is
 * the same dictionary for people), loaded once. The formulas themselves are this package's pure functions.
 */
public final class IndicatorDictionary {

    public static final String WORKFORCE_RETURN = InstrumentCatalog.WORKFORCE_RETURN;
    public static final String EMPLOYER_HEALTH_CHECK = InstrumentCatalog.EMPLOYER_HEALTH_CHECK;
    public static final String PRACTITIONER_SURVEY = InstrumentCatalog.PRACTITIONER_SURVEY;

    /** Practitioner survey: the number of responses counted. */
    public static final String RESPONDENTS = "respondents";
    /** Practitioner survey: the mean of the standard scores. */
    public static final String OVERALL_SCORE = "overall_score";
    /** Practitioner survey: the overall score's band, 2 good, 1 moderate, 0 requires clear steps to improve. */
    public static final String OVERALL_BAND = "overall_band";

    private static final List<IndicatorDefinition> ALL =
            PackagedIndicators.load().all().stream().map(IndicatorDefinition::of).toList();
    private static final Map<String, IndicatorDefinition> BY_ID = new HashMap<>();
    private static final Map<String, Integer> POSITION = new HashMap<>();

    static {
        // ids are unique: the reference module checked the dictionary on loading it
        for (int i = 0; i < ALL.size(); i++) {
            BY_ID.put(ALL.get(i).id(), ALL.get(i));
            POSITION.put(ALL.get(i).id(), i);
        }
    }

    private IndicatorDictionary() {
    }

    public static List<IndicatorDefinition> all() {
        return ALL;
    }

    public static List<IndicatorDefinition> forInstrument(String instrument) {
        return ALL.stream().filter(d -> d.instrument().equals(instrument)).toList();
    }

    public static boolean hasIndicators(String instrument) {
        return !forInstrument(instrument).isEmpty();
    }

    public static Optional<IndicatorDefinition> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** Position of an indicator in the dictionary, so stored indicators come back in a stable, meaningful order. */
    public static int positionOf(String id) {
        return POSITION.getOrDefault(id, Integer.MAX_VALUE);
    }

    /**
     * The practitioner survey's standards: each standard score's id with the statements it is the mean of (their ids,
     * which are the statements' question ids), in dictionary order.
     */
    public static Map<String, List<String>> standards() {
        Map<String, List<String>> standards = new LinkedHashMap<>();
        for (IndicatorDefinition d : forInstrument(PRACTITIONER_SURVEY)) {
            if (d.kind() == Formula.Kind.MEAN && d.numerator().stream()
                    .allMatch(s -> byId(s).filter(x -> x.kind() == Formula.Kind.SHARE_AGREEING).isPresent())) {
                standards.put(d.id(), d.numerator());
            }
        }
        return standards;
    }
}
