package uk.gov.local.healthcheck.deploy.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.RequiredArgsConstructor;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns one published DfE children's social work workforce row (csww_indicators) into a workforce-return
 * submission for the survey API. Pure: no I/O, so the rules are unit-tested.
 *
 * <ul>
 *   <li>Numbers keep their published decimal text exactly (BigDecimal); headcounts and cases must be integers.</li>
 *   <li>The statistical symbols x, c, u, z become {@code {"missing":"<symbol>"}}, never 0; {@code low} becomes 0.</li>
 *   <li>A joint return ("E09000021 / E09000027") is submitted once, under its first authority's GSS code.</li>
 *   <li>In-post FTE above headcount (published that way three times) breaks a survey rule, so it is explained.</li>
 * </ul>
 */
public final class ReturnMapper {

    /** The CSV's {@code geographic_level} of rows that are one authority's return. */
    public static final String LOCAL_AUTHORITY = "Local authority";
    public static final Set<String> MISSING_SYMBOLS = Set.of("x", "c", "u", "z");
    public static final String LOW = "low";
    public static final String FTE_ABOVE_HEADCOUNT_EXPLANATION =
            "As published by the DfE: in-post FTE exceeds headcount";

    /** A return's answers, in the order they are written: each one's key, the CSV column it is read from, its kind. */
    @RequiredArgsConstructor
    public enum Answer {
        STAFF_HEADCOUNT("staff.headcount", "inpost_headcount", Kind.COUNT),
        STAFF_FTE("staff.fte", "inpost_fte", Kind.DECIMAL),
        STAFF_AGENCY_HEADCOUNT("staff.agency_headcount", "agency_headcount", Kind.COUNT),
        STAFF_AGENCY_FTE("staff.agency_fte", "agency_fte", Kind.DECIMAL),
        STAFF_VACANCIES_FTE("staff.vacancies_fte", "vacancy_fte", Kind.DECIMAL),
        FLOWS_STARTERS_FTE("flows.starters_fte", "starters_fte", Kind.DECIMAL),
        FLOWS_LEAVERS_FTE("flows.leavers_fte", "leavers_fte", Kind.DECIMAL),
        FLOWS_ABSENCE_DAYS("flows.absence_days", "working_days_lost_fte", Kind.DECIMAL),
        CASELOAD_CASES("caseload.cases", "cases", Kind.COUNT),
        CASELOAD_CASE_HOLDING_FTE("caseload.case_holding_fte", "case_holders_fte", Kind.DECIMAL);

        /** The survey's answer key. */
        @Getter
        private final String key;
        /** The CSV column the answer is published in. */
        @Getter
        private final String column;
        @Getter(AccessLevel.PACKAGE)
        private final Kind kind;
    }

    /** Counts (headcounts, cases) must be whole numbers; the other figures keep their published decimals. */
    enum Kind { COUNT, DECIMAL }

    /** The CSV columns a row must have. */
    public static final List<String> REQUIRED_COLUMNS = Stream.concat(
            Stream.of("time_period", "geographic_level", "new_la_code", "la_name"),
            Arrays.stream(Answer.values()).map(Answer::column)).toList();

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ReturnMapper() {
    }

    /** One return to submit: {@code PUT /api/v1/rounds/{roundId}/returns/{authority}} with {@code body}. */
    public record DemoReturn(String roundId, int year, String authority, String name, ObjectNode body) {
    }

    public static boolean isLocalAuthorityRow(Map<String, String> row) {
        return LOCAL_AUTHORITY.equals(trim(row.get("geographic_level")));
    }

    public static String roundId(int year) {
        return "workforce-" + year;
    }

    /** {@code POST /api/v1/rounds} body for a reporting year. */
    public static ObjectNode round(int year) {
        ObjectNode round = NODES.objectNode();
        round.put("id", roundId(year));
        round.put("instrument", "workforce-return");
        round.put("title", "Workforce return " + year);
        round.put("period", Integer.toString(year));
        round.put("opensOn", year + "-10-01");
        round.put("closesOn", (year + 1) + "-03-31");
        return round;
    }

    /** The authority a (possibly joint) return is filed under: the first GSS code. */
    public static String authorityCode(String newLaCode) {
        String code = trim(newLaCode);
        int slash = code.indexOf('/');
        if (slash >= 0) {
            code = code.substring(0, slash).trim();
        }
        if (!code.matches("[EWSN][0-9]{8}")) {
            throw new IllegalArgumentException("not a GSS authority code: '" + newLaCode + "'");
        }
        return code;
    }

    public static int year(String timePeriod) {
        String t = trim(timePeriod);
        if (!t.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("time_period is not a year: '" + timePeriod + "'");
        }
        return Integer.parseInt(t);
    }

    /** Maps a Local authority row (column name → published text) to its return. */
    public static DemoReturn map(Map<String, String> row) {
        for (String column : REQUIRED_COLUMNS) {
            if (row.get(column) == null) {
                throw new IllegalArgumentException("the CSV has no column " + column);
            }
        }
        if (!isLocalAuthorityRow(row)) {
            throw new IllegalArgumentException("not a Local authority row: " + row.get("geographic_level"));
        }
        int year = year(row.get("time_period"));
        String authority = authorityCode(row.get("new_la_code"));
        ObjectNode body = NODES.objectNode();
        body.put("status", "submitted");
        ObjectNode answers = body.putObject("answers");
        for (Answer answer : Answer.values()) {
            answers.set(answer.key(), answer(answer, row.get(answer.column())));
        }
        ObjectNode explanations = body.putObject("explanations");
        BigDecimal fte = number(row.get(Answer.STAFF_FTE.column()));
        BigDecimal headcount = number(row.get(Answer.STAFF_HEADCOUNT.column()));
        if (fte != null && headcount != null && fte.compareTo(headcount) > 0) {
            explanations.put(Answer.STAFF_FTE.key(), FTE_ABOVE_HEADCOUNT_EXPLANATION);
        }
        return new DemoReturn(roundId(year), year, authority, trim(row.get("la_name")), body);
    }

    /** One answer: a JSON number, or {@code {"missing":"x"}} for a statistical symbol. */
    static com.fasterxml.jackson.databind.JsonNode answer(Answer answer, String published) {
        String text = trim(published);
        if (MISSING_SYMBOLS.contains(text)) {
            ObjectNode missing = NODES.objectNode();
            missing.put("missing", text);
            return missing;
        }
        if (LOW.equals(text)) {
            return NODES.numberNode(0);
        }
        BigDecimal value = number(text);
        if (value == null) {
            throw new IllegalArgumentException(answer.key() + ": neither a number nor a known symbol: '" + published + "'");
        }
        if (answer.kind() == Kind.COUNT) {
            try {
                return NODES.numberNode(value.toBigIntegerExact());
            } catch (ArithmeticException notInteger) {
                throw new IllegalArgumentException(answer.key() + " must be a whole number, got '" + published + "'");
            }
        }
        return NODES.numberNode(value);
    }

    /** The published number, or null for a symbol / blank. */
    static BigDecimal number(String published) {
        String text = trim(published);
        if (text.isEmpty() || !text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return null;
        }
        return new BigDecimal(text);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
