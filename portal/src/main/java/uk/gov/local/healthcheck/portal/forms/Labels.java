package uk.gov.local.healthcheck.portal.forms;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Words for the ids of the instruments where the instrument gives no text: a question's id or an option's id,
 * made readable ({@code lt_once_week} → "Less than once a week" is beyond it; "Lt once week" is not: the common
 * abbreviations of the instruments' option ids are spelt out). The id itself stays visible beside the words, since
 * it is the contract councils' systems use.
 */
public final class Labels {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("lt", "less than"), Map.entry("gt", "more than"), Map.entry("gte", "at least"),
            Map.entry("dont", "don't"), Map.entry("fte", "FTE"), Map.entry("asye", "ASYE"), Map.entry("cpd", "CPD"),
            Map.entry("ict", "ICT"), Map.entry("hr", "HR"), Map.entry("na", "not applicable"), Map.entry("y2", "2 to"),
            Map.entry("y", "years"), Map.entry("2y", "2 years"), Map.entry("5y", "5 years"));
    private static final Pattern RANGE = Pattern.compile("(\\d+)_(\\d+)");
    private static final Pattern PLUS = Pattern.compile("(\\d+)_plus");

    private Labels() {
    }

    /** "s2.posts_fte" → "Posts FTE": the last segment of a question id, in words. */
    public static String question(String id) {
        int dot = id.lastIndexOf('.');
        return sentence(dot < 0 ? id : id.substring(dot + 1));
    }

    /** "two_three_week" → "Two three week"; "1_10" → "1 to 10"; "60_plus" → "60 plus"; "dont_know" → "Don't know". */
    public static String option(String id) {
        return sentence(id);
    }

    static String sentence(String id) {
        String text = PLUS.matcher(id).replaceAll("$1 plus");
        text = RANGE.matcher(text).replaceAll("$1 to $2");
        StringBuilder out = new StringBuilder();
        for (String word : text.split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(WORDS.getOrDefault(word, word));
        }
        if (out.isEmpty()) {
            return id;
        }
        return Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }
}
