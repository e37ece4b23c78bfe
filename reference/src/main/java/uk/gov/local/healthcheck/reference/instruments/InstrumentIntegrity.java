package uk.gov.local.healthcheck.reference.instruments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold of an instrument before any service reads answers with it: ids unique, choice questions with
 * options, {@code specify} and {@code exclusive} naming options of their question, a {@code when} naming an
 * earlier question (and, for a choice question, one of its options), a {@code rule} of the form
 * {@code <= a + b} over number questions of the instrument.
 */
public final class InstrumentIntegrity {

    private static final Pattern WHEN = Pattern.compile("\\s*([\\w.]+)\\s*(==|!=)\\s*([\\w.\\-]+)\\s*");
    private static final Pattern OPERAND = Pattern.compile("[\\w.]+");

    private InstrumentIntegrity() {
    }

    /** Every problem of the instrument, empty when there is none. */
    public static List<String> problems(Instrument instrument) {
        List<String> problems = new ArrayList<>();
        String name = instrument.id() + " v" + instrument.version();
        if (instrument.id() == null || instrument.id().isBlank()) {
            problems.add("an instrument has no id");
        }
        if (!Instrument.UNIT_AUTHORITY.equals(instrument.unit()) && !Instrument.UNIT_RESPONDENT.equals(instrument.unit())) {
            problems.add(name + ": unit is " + instrument.unit() + ", not authority or respondent");
        }
        Set<String> sections = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Section section : instrument.sections()) {
            if (!sections.add(section.id())) {
                problems.add(name + ": section " + section.id() + " is defined twice");
            }
            for (Question q : section.questions()) {
                String where = name + " " + q.id();
                if (q.id() == null || q.id().isBlank()) {
                    problems.add(name + ": a question of section " + section.id() + " has no id");
                    continue;
                }
                if (!seen.add(q.id())) {
                    problems.add(where + " is defined twice");
                }
                if (q.type().isChoice() && q.options().isEmpty()) {
                    problems.add(where + " is a " + q.type().spelling() + " question without options");
                }
                if (q.type() == QuestionType.COUNTS && q.bands().isEmpty()) {
                    problems.add(where + " is a counts question without bands");
                }
                if (new HashSet<>(q.options()).size() != q.options().size()) {
                    problems.add(where + " lists an option twice");
                }
                notOptions(q, q.specify(), "specify", problems);
                notOptions(q, q.exclusive(), "exclusive", problems);
                if (q.when() != null) {
                    when(instrument, q, seen, problems);
                }
                if (q.rule() != null) {
                    rule(instrument, q, problems);
                }
            }
        }
        return problems;
    }

    private static void notOptions(Question q, List<String> named, String field, List<String> problems) {
        for (String option : named) {
            if (!q.options().contains(option)) {
                problems.add(q.id() + " " + field + " names " + option + ", not one of its options");
            }
        }
    }

    private static void when(Instrument instrument, Question q, Set<String> earlier, List<String> problems) {
        Matcher m = WHEN.matcher(q.when());
        if (!m.matches()) {
            problems.add(q.id() + " has an unsupported condition: " + q.when());
            return;
        }
        String other = m.group(1);
        if (other.equals(q.id()) || !earlier.contains(other)) {
            problems.add(q.id() + " is conditional on " + other + ", not an earlier question");
            return;
        }
        Question condition = instrument.questions().get(other);
        if (condition.type().isChoice() && !condition.options().contains(m.group(3))) {
            problems.add(q.id() + " is conditional on " + other + " being " + m.group(3) + ", not one of its options");
        }
    }

    private static void rule(Instrument instrument, Question q, List<String> problems) {
        String e = q.rule().trim();
        if (!e.startsWith("<=")) {
            problems.add(q.id() + " has an unsupported rule: " + q.rule());
            return;
        }
        for (String term : e.substring(2).split("\\+")) {
            String id = term.trim();
            Question operand = instrument.questions().get(id);
            if (!OPERAND.matcher(id).matches()) {
                problems.add(q.id() + " has an unsupported rule: " + q.rule());
            } else if (operand == null || !operand.type().isNumeric()) {
                problems.add(q.id() + "'s rule names " + id + ", not a number question of the instrument");
            }
        }
    }
}
