package uk.gov.local.healthcheck.survey.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads request bodies strictly: bytes that are not UTF-8, a duplicate key, NaN or Infinity, trailing content, a
 * number too long to be a figure or nesting deeper than any questionnaire needs is a 400 that says where, never a
 * silent "last one wins", a replacement character or a 500; a string or key the database cannot hold (U+0000, a lone
 * surrogate) is a 422 naming each field ({@link SafeText}).
 */
public final class RequestJson {

    /** No figure in a return needs more digits than this; longer numbers are refused before they are parsed. */
    private static final int MAX_NUMBER_LENGTH = 30;
    /**
     * The deepest a request goes is body → answers → an answer object ({@code {"missing":"x"}}, bands): 3 levels.
     * Deeper documents are refused while parsing, before they cost memory or stack.
     */
    public static final int MAX_DEPTH = 16;

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH).maxNestingDepth(MAX_DEPTH).build());
    }

    private RequestJson() {
    }

    /** Parses a body after checking it is within {@code maxBytes}: a 413 otherwise, before any parsing. */
    public static JsonNode parse(byte[] body, long maxBytes) {
        if (body != null && body.length > maxBytes) {
            throw new ProblemException(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The body has " + body.length + " bytes; this endpoint takes at most " + maxBytes);
        }
        return parse(body == null ? null : decode(body, 0, body.length, "body"));
    }

    /**
     * The UTF-8 text of {@code bytes[from, to)}; a 400 naming {@code field} and the offending byte when it is not
     * UTF-8 (a lenient decoder would store U+FFFD in its place and the sender would never know).
     */
    public static String decode(byte[] bytes, int from, int to, String field) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int at = in.position() - from + 1;
            String what = e instanceof MalformedInputException ? "is not valid UTF-8" : "cannot be decoded";
            String message = "byte " + at + " (0x" + String.format("%02X", bytes[from + at - 1] & 0xff) + ") " + what
                    + "; send the body as UTF-8";
            throw ProblemException.badRequest("The " + field + " is not valid UTF-8 text: " + message,
                    List.of(new Violation(field, "encoding", message)));
        }
    }

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The request body is empty; send a JSON object",
                    List.of(new Violation("body", "required", "a JSON body is required")));
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        } catch (StreamConstraintsException e) {
            String what = e.getOriginalMessage().contains("nesting")
                    ? "the JSON is nested more than " + MAX_DEPTH + " levels deep; no request needs more than 3"
                    : e.getOriginalMessage();
            throw ProblemException.badRequest("The body is not acceptable JSON: " + what,
                    List.of(new Violation("body", e.getOriginalMessage().contains("nesting") ? "depth" : "json", what)));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String what = e.getOriginalMessage();
            throw ProblemException.badRequest("The body is not valid JSON" + where + ": " + what,
                    List.of(new Violation("body", "json", what + where)));
        }
        List<Violation> unstorable = new ArrayList<>();
        SafeText.check(tree, unstorable);
        if (!unstorable.isEmpty()) {
            throw ProblemException.invalid("The request has " + unstorable.size()
                    + " text value(s) that cannot be stored (U+0000 or an unpaired surrogate); nothing was stored", unstorable);
        }
        return tree;
    }
}
