package uk.gov.local.healthcheck.metrics.indicators;

import uk.gov.local.healthcheck.metrics.instruments.Instrument;
import uk.gov.local.healthcheck.metrics.instruments.InstrumentCatalog;
import uk.gov.local.healthcheck.metrics.instruments.Question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators the platform computes, per instrument: one definition of each measure for the whole country
 * (docs/indicators.md is the same dictionary for people). Workforce definitions follow the DfE children's social
 * work workforce statistics, employer-return ones the LGA's 2018 Health Check report, practitioner ones the scoring
 * rules of practitioner-survey.yaml. Practitioner statements and standards, and the diversity bands, are read from
 * the packaged instruments so that the dictionary cannot drift from the questions.
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
    public static final String STANDARD_SCORE_SUFFIX = "_score";

    static final String DFE = "DfE, Children's social work workforce statistics (Explore education statistics; "
            + "reference-data/csww_indicators_2017_to_2025.csv), as in the footer of instruments/workforce-return.yaml";
    static final String WARWICK = "Warwickshire social work health check review (seeds/001_9f7e133613f04f1f.txt), as "
            + "in the footer of instruments/workforce-return.yaml";
    static final String DIVERSITY = "instruments/workforce-return.yaml footer (\"diversity shares = each band / "
            + "staff.headcount\"); DfE workforce statistics report diversity as shares of headcount";
    static final String LGA_2018 = "LGA, Children's Social Work Health Check Survey 2018, Report of Findings "
            + "(seeds/004_b2b21db34c1eeea0.txt)";
    static final String PRACTITIONER = "instruments/practitioner-survey.yaml (scores), LGA health check practitioner "
            + "results (seeds/003_920a8872ad0d6db6.txt: \"good scores (above 75%)\")";

    private static final int PERCENT = 100;
    private static final int RATIO = 1;

    private static final List<IndicatorDefinition> ALL = build();
    private static final Map<String, IndicatorDefinition> BY_ID = new java.util.HashMap<>();
    private static final Map<String, Integer> POSITION = new java.util.HashMap<>();

    static {
        for (int i = 0; i < ALL.size(); i++) {
            if (BY_ID.put(ALL.get(i).id(), ALL.get(i)) != null) {
                throw new IllegalStateException("indicator id " + ALL.get(i).id() + " is defined twice");
            }
            POSITION.put(ALL.get(i).id(), i);
        }
    }

    private IndicatorDictionary() {
    }

    private static List<IndicatorDefinition> build() {
        List<IndicatorDefinition> all = new ArrayList<>();
        workforce(all);
        employer(all);
        practitioner(all);
        return List.copyOf(all);
    }

    private static void workforce(List<IndicatorDefinition> all) {
        String wf = WORKFORCE_RETURN;
        all.add(ret("turnover_rate", "Turnover rate",
                "FTE leavers in the year as a percentage of FTE social workers in post at the snapshot date.",
                Unit.PERCENT, Polarity.LOWER_IS_BETTER, wf, List.of("flows.leavers_fte"), List.of("staff.fte"),
                DenominatorFactor.NONE, PERCENT, DFE + " (turnover_rate_fte)"));
        all.add(ret("agency_rate", "Agency worker rate",
                "FTE agency social workers as a percentage of all FTE social workers (agency plus employed).",
                Unit.PERCENT, Polarity.LOWER_IS_BETTER, wf, List.of("staff.agency_fte"),
                List.of("staff.agency_fte", "staff.fte"), DenominatorFactor.NONE, PERCENT, DFE + " (agency_rate_fte)"));
        all.add(ret("vacancy_rate", "Vacancy rate",
                "FTE vacancies as a percentage of FTE vacancies plus FTE social workers in post.",
                Unit.PERCENT, Polarity.LOWER_IS_BETTER, wf, List.of("staff.vacancies_fte"),
                List.of("staff.vacancies_fte", "staff.fte"), DenominatorFactor.NONE, PERCENT, DFE + " (vacancy_rate_fte)"));
        all.add(ret("absence_rate", "Sickness absence rate",
                "Working days lost to sickness as a percentage of the working days available to FTE social workers "
                        + "(253 working days a year, 254 in 2020 and 2024; configurable).",
                Unit.PERCENT, Polarity.LOWER_IS_BETTER, wf, List.of("flows.absence_days"), List.of("staff.fte"),
                DenominatorFactor.WORKING_DAYS_IN_YEAR, PERCENT, DFE + " (absence_rate_fte)"));
        all.add(ret("average_caseload", "Average caseload",
                "Cases held per FTE case-holding social worker. Lower is treated as better: high caseloads are the "
                        + "pressure the health check looks for.",
                Unit.NUMBER, Polarity.LOWER_IS_BETTER, wf, List.of("caseload.cases"),
                List.of("caseload.case_holding_fte"), DenominatorFactor.NONE, RATIO, DFE + " (caseload_fte)"));
        all.add(ret("service_5y_plus_share", "Share with 5+ years' service",
                "Social workers (headcount) with five or more years' service in the authority, as a percentage of "
                        + "the headcount.",
                Unit.PERCENT, Polarity.HIGHER_IS_BETTER, wf, List.of("experience.gte_5y"), List.of("staff.headcount"),
                DenominatorFactor.NONE, PERCENT, WARWICK + " (\"5 years +\")"));
        all.add(ret("career_level2_asye_share", "Career level 2 (ASYE) share",
                "Social workers at career level 2 (newly qualified, in their ASYE) as a percentage of the headcount.",
                Unit.PERCENT, Polarity.NEITHER, wf, List.of("career.level2_asye"), List.of("staff.headcount"),
                DenominatorFactor.NONE, PERCENT, WARWICK + " (level 2 proportion)"));
        all.add(ret("career_level3_share", "Career level 3 share",
                "Social workers at career level 3 as a percentage of the headcount.",
                Unit.PERCENT, Polarity.NEITHER, wf, List.of("career.level3"), List.of("staff.headcount"),
                DenominatorFactor.NONE, PERCENT, WARWICK + " (level 3 proportion)"));
        all.add(ret("career_level4_5_share", "Career levels 4-5 share",
                "Social workers at career levels 4 and 5 (senior practitioners, advanced practitioners) as a "
                        + "percentage of the headcount.",
                Unit.PERCENT, Polarity.NEITHER, wf, List.of("career.level4_5"), List.of("staff.headcount"),
                DenominatorFactor.NONE, PERCENT, WARWICK + " (level 4-5 proportion)"));
        all.add(ret("asye_retention_rate", "ASYE retention",
                "Newly qualified social workers who started their ASYE 12-24 months before the snapshot and are still "
                        + "employed, as a percentage of that cohort.",
                Unit.PERCENT, Polarity.HIGHER_IS_BETTER, wf, List.of("career.asye_cohort_retained"),
                List.of("career.asye_cohort_started"), DenominatorFactor.NONE, PERCENT, WARWICK + " (ASYE retention)"));
        Instrument instrument = InstrumentCatalog.require(WORKFORCE_RETURN);
        for (Question q : instrument.ofType("counts")) {
            String group = q.id().substring(q.id().indexOf('.') + 1);   // diversity.gender -> gender
            for (String band : q.bands()) {
                all.add(ret(diversityId(q.id(), band), "Diversity: " + group + " " + band.replace('_', ' '),
                        "Social workers (headcount) in the " + group + " band '" + band + "' as a percentage of the "
                                + "headcount.",
                        Unit.PERCENT, Polarity.NEITHER, wf, List.of(q.id() + "." + band), List.of("staff.headcount"),
                        DenominatorFactor.NONE, PERCENT, DIVERSITY));
            }
        }
    }

    /** {@code diversity.age} band {@code 30_39} → {@code diversity_age_30_39_share}. */
    public static String diversityId(String countsQuestionId, String band) {
        return countsQuestionId.replace('.', '_') + "_" + band + "_share";
    }

    private static void employer(List<IndicatorDefinition> all) {
        String ehc = EMPLOYER_HEALTH_CHECK;
        all.add(ret("unfilled_post_rate", "Unfilled posts",
                "Unfilled FTE social worker posts as a percentage of all FTE posts (including first line managers).",
                Unit.PERCENT, Polarity.LOWER_IS_BETTER, ehc, List.of("s2.unfilled_fte"), List.of("s2.posts_fte"),
                DenominatorFactor.NONE, PERCENT, LGA_2018 + ", Table 4 \"Proportion of unfilled posts\""));
        all.add(ret("agency_cover_rate", "Posts covered by agency or temporary staff",
                "FTE posts covered by agency or temporary staff as a percentage of all FTE posts.",
                Unit.PERCENT, Polarity.LOWER_IS_BETTER, ehc, List.of("s2.agency_fte"), List.of("s2.posts_fte"),
                DenominatorFactor.NONE, PERCENT,
                LGA_2018 + ", Table 4 \"Proportion of posts covered by agency or temporary staff\""));
        all.add(ret("frozen_post_rate", "Vacant posts with recruitment frozen",
                "Vacant FTE posts where recruitment is frozen as a percentage of unfilled FTE posts.",
                Unit.PERCENT, Polarity.NEITHER, ehc, List.of("s2.frozen_fte"), List.of("s2.unfilled_fte"),
                DenominatorFactor.NONE, PERCENT, LGA_2018 + ", Table 5 \"Proportion of vacant posts with frozen recruitment\""));
        all.add(ret("deleted_post_rate", "Posts deleted in the last 12 months",
                "FTE posts deleted in the last 12 months as a percentage of the FTE posts now in the service. The "
                        + "report's \"proportion of posts deleted\" names no base; the current establishment is the "
                        + "one figure the form asks for (posts that exist now, not now plus deleted).",
                Unit.PERCENT, Polarity.NEITHER, ehc, List.of("s2.deleted_fte"), List.of("s2.posts_fte"),
                DenominatorFactor.NONE, PERCENT, LGA_2018 + ", Table 5 \"Proportion of posts deleted in the last 12 months\""));
        longTermAbsence(all, "stress", "sick leave over 2 weeks due to work related stress",
                "Table 6 \"Sick leave due to work related stress\"");
        longTermAbsence(all, "planned", "planned sick leave over 2 weeks (e.g. an operation)",
                "Table 6 \"Planned sick leave\"");
        longTermAbsence(all, "maternity", "maternity leave", "Table 7 \"Maternity leave\"");
        longTermAbsence(all, "other", "long-term absence over 2 weeks for another reason",
                "Table 7 \"Other long term absence\"");
        all.add(ret("market_supplement_rate", "Posts paid market supplements",
                "Posts where market supplements were used in the last 12 months as a percentage of posts (headcount).",
                Unit.PERCENT, Polarity.NEITHER, ehc, List.of("s2.market_supplement_posts"), List.of("s2.posts_headcount"),
                DenominatorFactor.NONE, PERCENT, LGA_2018 + ", Table 8 \"Posts paid market supplements\""));
        all.add(ret("reported_average_caseload", "Average caseload (as reported)",
                "The average caseload held by a social worker, as the employer reports it (denominator 1, so pooling "
                        + "gives the mean over authorities, as the report does).",
                Unit.NUMBER, Polarity.LOWER_IS_BETTER, ehc, List.of("s3.average_caseload"), List.of(),
                DenominatorFactor.NONE, RATIO, LGA_2018 + ", Table 9 \"Average social worker caseload\""));
        all.add(ret("hours_over_contract", "Hours over contract a week",
                "Average hours a week social workers work over their contracted hours, as the employer reports it "
                        + "(denominator 1).",
                Unit.NUMBER, Polarity.LOWER_IS_BETTER, ehc, List.of("s3.hours_over_contract"), List.of(),
                DenominatorFactor.NONE, RATIO, LGA_2018 + ", Table 10 \"Average hours over contracted hours worked a week\""));
    }

    private static void longTermAbsence(List<IndicatorDefinition> all, String category, String what, String table) {
        all.add(ret("long_term_absence_" + category + "_rate", "Long-term absence: " + what,
                "Posts whose holder is on " + what + ", as a percentage of posts (headcount).",
                Unit.PERCENT, Polarity.LOWER_IS_BETTER, EMPLOYER_HEALTH_CHECK, List.of("s2.absence_" + category),
                List.of("s2.posts_headcount"), DenominatorFactor.NONE, PERCENT, LGA_2018 + ", " + table));
    }

    private static void practitioner(List<IndicatorDefinition> all) {
        String ps = PRACTITIONER_SURVEY;
        Instrument survey = InstrumentCatalog.require(ps);
        Map<String, List<Question>> standards = standards(survey);
        for (Question q : survey.ofType("likert")) {
            List<String> agreeing = List.of(count(q.id(), "strongly_agree"), count(q.id(), "agree"));
            all.add(new IndicatorDefinition(q.id(), q.text(),
                    "Respondents who strongly agree or agree, as a percentage of those who answered other than "
                            + "not applicable (the base). Suppressed below the minimum base (10 respondents).",
                    Unit.PERCENT, Polarity.HIGHER_IS_BETTER, ps, agreeing,
                    List.of("count(" + q.id() + " != not_applicable)"), DenominatorFactor.NONE, PERCENT,
                    IndicatorDefinition.Source.RESPONSES, null, PRACTITIONER));
        }
        standards.forEach((standard, statements) -> {
            List<String> ids = statements.stream().map(Question::id).toList();
            all.add(new IndicatorDefinition(standard + STANDARD_SCORE_SUFFIX, statements.get(0).sectionTitle(),
                    "The mean of the standard's statement scores (each statement weighted equally), over the "
                            + "statements with a published (unsuppressed) score. numerator = the sum of those scores, "
                            + "denominator = their number.",
                    Unit.PERCENT, Polarity.HIGHER_IS_BETTER, ps, ids, List.of(), DenominatorFactor.NONE, RATIO,
                    IndicatorDefinition.Source.RESPONSES, "mean(" + String.join(", ", ids) + ")", PRACTITIONER));
        });
        List<String> standardIds = standards.keySet().stream().map(s -> s + STANDARD_SCORE_SUFFIX).toList();
        all.add(new IndicatorDefinition(OVERALL_SCORE, "Overall practitioner score",
                "The mean of the standard scores (each of the eight Standards for Employers weighted equally), over "
                        + "the standards with a score. numerator = the sum of those scores, denominator = their number.",
                Unit.PERCENT, Polarity.HIGHER_IS_BETTER, ps, standardIds, List.of(), DenominatorFactor.NONE, RATIO,
                IndicatorDefinition.Source.RESPONSES, "mean(" + String.join(", ", standardIds) + ")", PRACTITIONER));
        all.add(new IndicatorDefinition(OVERALL_BAND, "Overall band",
                "The overall score's band: 2 = good (>= 75), 1 = moderate (>= 60), 0 = requires clear steps to "
                        + "improve (thresholds configurable: indicators.practitioner.band.*).",
                Unit.NUMBER, Polarity.HIGHER_IS_BETTER, ps, List.of(OVERALL_SCORE), List.of(), DenominatorFactor.NONE,
                RATIO, IndicatorDefinition.Source.RESPONSES, "band(overall_score)", PRACTITIONER));
        all.add(new IndicatorDefinition(RESPONDENTS, "Respondents",
                "The number of practitioner responses counted for the authority in the round (each responseId once).",
                Unit.COUNT, Polarity.NEITHER, ps, List.of("count(responses)"), List.of(), DenominatorFactor.NONE,
                RATIO, IndicatorDefinition.Source.RESPONSES, "count(responses)", PRACTITIONER));
    }

    /** The survey's standards (sections std1..std8) and their likert statements, in instrument order. */
    public static Map<String, List<Question>> standards(Instrument survey) {
        Map<String, List<Question>> standards = new LinkedHashMap<>();
        for (Question q : survey.ofType("likert")) {
            standards.computeIfAbsent(q.section(), s -> new ArrayList<>()).add(q);
        }
        return standards;
    }

    private static String count(String questionId, String option) {
        return "count(" + questionId + " = " + option + ")";
    }

    private static IndicatorDefinition ret(String id, String title, String description, Unit unit, Polarity polarity,
                                           String instrument, List<String> numerator, List<String> denominator,
                                           DenominatorFactor factor, int scale, String reference) {
        return new IndicatorDefinition(id, title, description, unit, polarity, instrument, numerator, denominator,
                factor, scale, IndicatorDefinition.Source.RETURN, null, reference);
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
}
