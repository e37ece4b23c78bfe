package uk.gov.local.healthcheck.survey.web;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Text PostgreSQL can hold. A {@code text} or {@code jsonb} value cannot contain U+0000, and a lone UTF-16
 * surrogate (sent as the JSON escape {@code "\ud800"}) is not a character at all: it cannot be encoded as UTF-8.
 * Either, once accepted, fails every consumer that stores the event (issue 10: one NUL in a list item stopped
 * every indicator in the country). So every string and every key of a request is checked at the door, and each
 * offending field is named.
 */
public final class SafeText {

    /** The violation code for a character the database cannot store. */
    public static final String CODE = "character";

    private SafeText() {
    }

    /** Why {@code s} cannot be stored, or null when it can. */
    public static String problem(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "contains U+0000 (NUL) at character " + (i + 1) + ", which cannot be stored";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate U+" + hex(c) + " at character " + (i + 1) + ", which is not a character";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate U+" + hex(c) + " at character " + (i + 1) + ", which is not a character";
            }
        }
        return null;
    }

    /** {@code s} with every character the database cannot store replaced by U+FFFD (for logs and the audit trail). */
    public static String clean(String s) {
        if (s == null || problem(s) == null) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code s} as it can be shown in a problem: NUL and lone surrogates written as {@code \\uXXXX}. */
    public static String printable(String s) {
        if (problem(s) == null) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 12);
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append("\\u").append(hex(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Adds a violation for every string and key in {@code root} that cannot be stored. Fields are named as the
     * validator names them: a body field by its name ({@code responseId}), an answer by its question id
     * ({@code culture.three_words}), deeper values by their path ({@code culture.three_words[0]},
     * {@code explanations.staff.fte}).
     */
    public static void check(JsonNode root, List<Violation> violations) {
        walk(root, null, violations);
    }

    private static void walk(JsonNode node, String path, List<Violation> violations) {
        if (node.isTextual()) {
            String why = problem(node.textValue());
            if (why != null) {
                violations.add(new Violation(path == null ? "body" : path, CODE, (path == null ? "the body" : path) + " " + why));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), (path == null ? "body" : path) + "[" + i + "]", violations);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                String child = childPath(path, printable(key));
                String why = problem(key);
                if (why != null) {
                    violations.add(new Violation(child, CODE, "the key " + child + " " + why));
                }
                walk(field.getValue(), child, violations);
            }
        }
    }

    /** Answers are named by question id alone, as the validator names them; other fields by their path. */
    private static String childPath(String parent, String key) {
        if (parent == null || parent.equals("answers")) {
            return key;
        }
        return parent + "." + key;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
