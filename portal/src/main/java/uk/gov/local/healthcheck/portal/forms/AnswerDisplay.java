package uk.gov.local.healthcheck.portal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.QuestionDef;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An answer in words, for "check your answers" and the revision history. */
public final class AnswerDisplay {

    private AnswerDisplay() {
    }

    /** "Not answered" when absent. */
    public static String of(QuestionDef q, JsonNode answers) {
        JsonNode answer = answers.get(q.id());
        if (answer == null || answer.isNull()) {
            return "Not answered";
        }
        String specify = answers.hasNonNull(q.specifyKey()) ? " – " + answers.get(q.specifyKey()).asText() : "";
        if (answer.isObject() && answer.has("missing")) {
            String symbol = answer.get("missing").asText();
            return FormFields.MISSING.getOrDefault(symbol, symbol) + " (" + symbol + ")";
        }
        if ("counts".equals(q.type()) && answer.isObject()) {
            List<String> parts = new ArrayList<>();
            answer.fields().forEachRemaining(e -> parts.add(Labels.option(e.getKey()) + ": " + figure(e.getValue())));
            return String.join(", ", parts);
        }
        if (answer.isArray()) {
            List<String> parts = new ArrayList<>();
            answer.forEach(a -> parts.add(q.choice() ? Labels.option(a.asText()) : a.asText()));
            return String.join(q.choice() ? ", " : "; ", parts) + specify;
        }
        if (q.choice()) {
            return Labels.option(answer.asText()) + specify;
        }
        return answer.isNumber() ? figure(answer) : answer.asText();
    }

    private static String figure(JsonNode value) {
        if (value.isNumber()) {
            BigDecimal d = value.decimalValue().stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        return value.isObject() && value.has("missing") ? FormFields.MISSING.getOrDefault(value.get("missing").asText(), "?") : value.asText();
    }
}
