package uk.gov.local.healthcheck.portal.figures;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * How a figure the API returned is written on a page: the number as given (never recomputed or re-rounded), its unit,
 * or why there is none — withheld ("[c]" and the API's reason) or missing ("–", with the reason where known).
 */
public final class Figures {

    public static final String NONE = "–";

    private Figures() {
    }

    /** "%" for a percentage, nothing otherwise. */
    public static String suffix(String unit) {
        return "percent".equals(unit) ? "%" : "";
    }

    public static String figure(JsonNode value, String suffix, String suppressed, String reason) {
        if (suppressed != null && !suppressed.isEmpty()) {
            return "[" + suppressed + "]" + (reason == null || reason.isEmpty() ? "" : " " + reason);
        }
        if (value == null || value.isNull() || !value.isNumber()) {
            return reason == null || reason.isEmpty() ? NONE : NONE + " (" + reason + ")";
        }
        return value.decimalValue().toPlainString() + suffix; // as published: 14.0%, not 14%
    }

    /** A council's own figure from a comparison's indicator: withheld with the API's reason, or missing with why. */
    public static String value(JsonNode indicator, String suffix) {
        String reason = text(indicator, "reason");
        return figure(indicator.get("value"), suffix, text(indicator, "suppressed"),
                reason != null ? reason : text(indicator, "missingReason"));
    }

    /** A council's ranks from a comparison's indicator, "3 of 152 in England, 1 of 9 in region"; "–" when unranked. */
    public static String rank(JsonNode indicator) {
        if (!indicator.hasNonNull("rankEngland")) {
            return NONE;
        }
        return indicator.get("rankEngland").asText() + " of " + indicator.path("rankedEngland").asText() + " in England"
                + (indicator.hasNonNull("rankRegion") ? ", " + indicator.get("rankRegion").asText() + " of "
                + indicator.path("rankedRegion").asText() + " in region" : "");
    }

    /** A count (respondents, authorities): the API writes it at 1 dp like every figure; it is a whole number. */
    public static String count(JsonNode value, String suppressed, String reason) {
        if (value != null && value.isNumber() && (suppressed == null || suppressed.isEmpty())) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return figure(value, "", suppressed, reason);
    }

    /** A group's or an authority's figure from a node with {@code value}, {@code suppressed} and {@code reason}. */
    public static String of(JsonNode node, String valueField, String suffix) {
        return figure(node.get(valueField), suffix, text(node, "suppressed"), text(node, "reason"));
    }

    /** The number for a chart; null (drawn as "no figure") when there is none. */
    public static BigDecimal decimal(JsonNode value) {
        return value == null || value.isNull() || !value.isNumber() ? null : value.decimalValue();
    }

    /** A text field, or null when absent or null (JsonNode.asText would give "null"). */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
