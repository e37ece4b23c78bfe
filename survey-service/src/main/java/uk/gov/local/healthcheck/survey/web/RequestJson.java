package uk.gov.local.healthcheck.survey.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import uk.gov.local.healthcheck.survey.problems.ProblemException;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.util.List;

/**
 * Reads request bodies strictly: a duplicate key, NaN or Infinity, trailing content or a number too long to be a
 * figure is a 400 that says where, never a silent "last one wins" or a 500.
 */
public final class RequestJson {

    /** No figure in a return needs more digits than this; longer numbers are refused before they are parsed. */
    private static final int MAX_NUMBER_LENGTH = 30;

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).build());
    }

    private RequestJson() {
    }

    /** Parses a body after checking it is within {@code maxChars}: a 413 otherwise, before any parsing. */
    public static JsonNode parse(String body, long maxChars) {
        if (body != null && body.length() > maxChars) {
            throw new ProblemException(413, "too-large", "Body too large",
                    "The body has " + body.length() + " characters; this endpoint takes at most " + maxChars);
        }
        return parse(body);
    }

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The request body is empty; send a JSON object",
                    List.of(new Violation("body", "required", "a JSON body is required")));
        }
        try {
            return STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String what = e.getOriginalMessage();
            throw ProblemException.badRequest("The body is not valid JSON" + where + ": " + what,
                    List.of(new Violation("body", "json", what + where)));
        }
    }
}
