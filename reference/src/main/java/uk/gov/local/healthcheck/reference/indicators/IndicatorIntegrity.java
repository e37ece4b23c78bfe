package uk.gov.local.healthcheck.reference.indicators;

import uk.gov.local.healthcheck.reference.instruments.Instrument;
import uk.gov.local.healthcheck.reference.instruments.PackagedInstruments;
import uk.gov.local.healthcheck.reference.instruments.Question;
import uk.gov.local.healthcheck.reference.instruments.QuestionType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold of the indicator dictionary before any service computes with it: ids unique; unit, polarity, scale
 * and source given; an instrument that is packaged, of the unit the formula reads (a return for {@code ratio}, responses
 * for the others); every question id a formula names a question of every packaged version of that instrument with a
 * type the formula can use (number questions and bands of counts questions for {@code ratio}, a likert statement for
 * {@code share_agreeing}, whose id is the statement's question id); {@code mean} and {@code band} naming indicators
 * listed before them for the same instrument.
 * Each problem names the indicator.
 */
public final class IndicatorIntegrity {

    private static final List<String> UNITS = List.of("percent", "number", "count");
    private static final List<String> POLARITIES = List.of("higher-is-better", "lower-is-better", "neither");
    private static final Set<Integer> SCALES = Set.of(1, 100);

    private IndicatorIntegrity() {
    }

    /** Every problem of the dictionary, empty when there is none. */
    public static List<String> problems(List<Indicator> indicators, PackagedInstruments instruments) {
        List<String> problems = new ArrayList<>();
        Map<String, Indicator> earlier = new HashMap<>();
        for (Indicator indicator : indicators) {
            String id = indicator.id();
            if (id == null || id.isBlank()) {
                problems.add("an indicator has no id");
                continue;
            }
            if (earlier.containsKey(id)) {
                problems.add(id + " is defined twice");
            }
            attributes(indicator, problems);
            List<Instrument> versions = instruments.all().stream().filter(i -> i.id().equals(indicator.instrument())).toList();
            if (versions.isEmpty()) {
                problems.add(id + " names instrument " + indicator.instrument() + ", which is not packaged");
            } else {
                formula(indicator, versions, earlier, problems);
            }
            earlier.putIfAbsent(id, indicator);
        }
        return problems;
    }

    private static void attributes(Indicator indicator, List<String> problems) {
        String id = indicator.id();
        if (blank(indicator.title()) || blank(indicator.description()) || blank(indicator.source())) {
            problems.add(id + " needs a title, a description and a source");
        }
        if (!UNITS.contains(indicator.unit())) {
            problems.add(id + " has unit " + indicator.unit() + ", not one of " + UNITS);
        }
        if (!POLARITIES.contains(indicator.polarity())) {
            problems.add(id + " has polarity " + indicator.polarity() + ", not one of " + POLARITIES);
        }
        if (!SCALES.contains(indicator.formula().scale())) {
            problems.add(id + " has scale " + indicator.formula().scale() + ", not 1 or 100");
        }
    }

    private static void formula(Indicator indicator, List<Instrument> versions, Map<String, Indicator> earlier,
                                List<String> problems) {
        String id = indicator.id();
        Formula f = indicator.formula();
        String unit = f.kind().fromResponses() ? Instrument.UNIT_RESPONDENT : Instrument.UNIT_AUTHORITY;
        if (versions.stream().anyMatch(v -> !unit.equals(v.unit()))) {
            problems.add(id + " is a " + f.kind().spelling() + " formula, which reads an instrument of unit " + unit
                    + ", but " + indicator.instrument() + " is not one");
        }
        boolean readsOthers = f.kind() != Formula.Kind.RATIO && f.kind() != Formula.Kind.RESPONDENTS;
        if (readsOthers && f.of().isEmpty()) {
            problems.add(id + ": a " + f.kind().spelling() + " formula names what it reads in of");
        } else if (!readsOthers && !f.of().isEmpty()) {
            problems.add(id + ": of names " + f.of() + ", not what a " + f.kind().spelling() + " formula reads");
        }
        if (f.kind() != Formula.Kind.RATIO && (!f.numerator().isEmpty() || !f.denominator().isEmpty() || f.factor() != null)) {
            problems.add(id + ": only a ratio has a numerator, a denominator or a factor");
        }
        switch (f.kind()) {
            case RATIO -> ratio(indicator, versions, problems);
            case SHARE_AGREEING -> {
                one(indicator, problems);
                f.of().forEach(q -> question(indicator, q, versions, problems, QuestionType.LIKERT));
                if (f.of().size() == 1 && !f.of().get(0).equals(id)) {
                    problems.add(id + " is the share agreeing of " + f.of().get(0) + ", so its id is that question id");
                }
            }
            case MEAN -> f.of().forEach(other -> earlier(indicator, other, earlier, problems));
            case BAND -> {
                one(indicator, problems);
                f.of().forEach(other -> earlier(indicator, other, earlier, problems));
            }
            case RESPONDENTS -> {
                // counts the responses themselves: reads no question
            }
        }
    }

    private static void ratio(Indicator indicator, List<Instrument> versions, List<String> problems) {
        Formula f = indicator.formula();
        if (f.numerator().isEmpty()) {
            problems.add(indicator.id() + " is a ratio without a numerator");
        }
        if (f.factor() != null && !Formula.WORKING_DAYS_IN_YEAR.equals(f.factor())) {
            problems.add(indicator.id() + " has factor " + f.factor() + ", not " + Formula.WORKING_DAYS_IN_YEAR);
        }
        List<String> inputs = new ArrayList<>(f.numerator());
        inputs.addAll(f.denominator());
        for (String input : inputs) {
            for (Instrument version : versions) {
                Optional<Question> band = band(version, input);
                if (band.isEmpty()) {
                    question(indicator, input, List.of(version), problems, QuestionType.DECIMAL, QuestionType.INTEGER);
                }
            }
        }
    }

    /** {@code diversity.gender.female}: the counts question {@code diversity.gender} when it has that band. */
    private static Optional<Question> band(Instrument instrument, String input) {
        int dot = input.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return instrument.question(input.substring(0, dot))
                .filter(q -> q.type() == QuestionType.COUNTS && q.bands().contains(input.substring(dot + 1)));
    }

    private static void question(Indicator indicator, String questionId, List<Instrument> versions,
                                 List<String> problems, QuestionType... usable) {
        for (Instrument version : versions) {
            String where = version.id() + " v" + version.version();
            Optional<Question> question = version.question(questionId);
            if (question.isEmpty()) {
                problems.add(indicator.id() + " names " + questionId + ", not a question of " + where);
            } else if (!List.of(usable).contains(question.get().type())) {
                problems.add(indicator.id() + " names " + questionId + ", a " + question.get().type().spelling()
                        + " question of " + where + ", which a " + indicator.formula().kind().spelling()
                        + " formula cannot read");
            }
        }
    }

    private static void one(Indicator indicator, List<String> problems) {
        if (indicator.formula().of().size() != 1) {
            problems.add(indicator.id() + ": a " + indicator.formula().kind().spelling() + " formula reads one input, not "
                    + indicator.formula().of());
        }
    }

    private static void earlier(Indicator indicator, String other, Map<String, Indicator> earlier, List<String> problems) {
        Indicator input = earlier.get(other);
        if (input == null || !input.instrument().equals(indicator.instrument())) {
            problems.add(indicator.id() + " names " + other + ", not an indicator of " + indicator.instrument()
                    + " listed before it");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
