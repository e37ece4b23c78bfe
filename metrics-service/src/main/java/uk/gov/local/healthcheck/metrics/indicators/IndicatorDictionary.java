package uk.gov.local.healthcheck.metrics.indicators;

import java.util.List;
import java.util.Optional;

/**
 * The indicators the platform computes, per instrument. Definitions follow the DfE children's social work workforce
 * statistics so that an authority's figures compare with the published ones (see the reference-data test).
 */
public final class IndicatorDictionary {

    public static final String WORKFORCE_RETURN = "workforce-return";
    private static final int PERCENT = 100;
    private static final int RATIO = 1;

    private static final List<IndicatorDefinition> ALL = List.of(
            new IndicatorDefinition("turnover_rate", "Turnover rate",
                    "FTE leavers in the year as a percentage of FTE social workers in post at the snapshot date.",
                    Unit.PERCENT, Polarity.LOWER_IS_BETTER, WORKFORCE_RETURN,
                    List.of("flows.leavers_fte"), List.of("staff.fte"), DenominatorFactor.NONE, PERCENT),
            new IndicatorDefinition("agency_rate", "Agency worker rate",
                    "FTE agency social workers as a percentage of all FTE social workers (agency plus employed).",
                    Unit.PERCENT, Polarity.LOWER_IS_BETTER, WORKFORCE_RETURN,
                    List.of("staff.agency_fte"), List.of("staff.agency_fte", "staff.fte"), DenominatorFactor.NONE, PERCENT),
            new IndicatorDefinition("vacancy_rate", "Vacancy rate",
                    "FTE vacancies as a percentage of FTE vacancies plus FTE social workers in post.",
                    Unit.PERCENT, Polarity.LOWER_IS_BETTER, WORKFORCE_RETURN,
                    List.of("staff.vacancies_fte"), List.of("staff.vacancies_fte", "staff.fte"), DenominatorFactor.NONE, PERCENT),
            new IndicatorDefinition("absence_rate", "Sickness absence rate",
                    "Working days lost to sickness as a percentage of the working days available to FTE social workers.",
                    Unit.PERCENT, Polarity.LOWER_IS_BETTER, WORKFORCE_RETURN,
                    List.of("flows.absence_days"), List.of("staff.fte"), DenominatorFactor.WORKING_DAYS_IN_YEAR, PERCENT),
            new IndicatorDefinition("average_caseload", "Average caseload",
                    "Cases held per FTE case-holding social worker. Lower is treated as better: high caseloads are the "
                            + "pressure the health check looks for.",
                    Unit.NUMBER, Polarity.LOWER_IS_BETTER, WORKFORCE_RETURN,
                    List.of("caseload.cases"), List.of("caseload.case_holding_fte"), DenominatorFactor.NONE, RATIO));

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
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Position of an indicator in the dictionary, so stored indicators come back in a stable, meaningful order. */
    public static int positionOf(String id) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).id().equals(id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
