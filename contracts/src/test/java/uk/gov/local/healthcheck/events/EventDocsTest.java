package uk.gov.local.healthcheck.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NumericNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/events.md is what other teams build consumers from: it documents every event type with an example, and each
 * example is exactly what the contract records read and write (a misspelt or missing field fails here).
 */
class EventDocsTest {

    private static final Path DOC = Path.of("../docs/events.md");
    private static final Map<String, Class<?>> TYPES = Map.of(
            ReturnAccepted.TYPE, ReturnAccepted.class,
            ReturnWithdrawn.TYPE, ReturnWithdrawn.class,
            ResponseAccepted.TYPE, ResponseAccepted.class,
            AuthorityIndicators.TYPE, AuthorityIndicators.class);
    /** A section per type: its heading, then the first JSON example under it. */
    private static final Pattern SECTION = Pattern.compile("## `([a-z0-9.]+)`\\n.*?```json\\n(.*?)\\n```", Pattern.DOTALL);
    /** Numbers compare by value: 189.0 and 189 are the same figure. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.equals(b) ? 0
            : a instanceof NumericNode && b instanceof NumericNode && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    @Test
    void everyEventTypeIsDocumentedWithAnExampleTheContractReadsAndWritesUnchanged() throws Exception {
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(Files.readString(DOC));
        while (m.find()) {
            examples.put(m.group(1), m.group(2));
        }
        assertEquals(TYPES.keySet(), examples.keySet(), "event types documented in " + DOC);
        ObjectMapper json = new ObjectMapper();
        for (var example : examples.entrySet()) {
            EventEnvelope<?> event = EventJson.read(example.getValue(), TYPES.get(example.getKey()));
            assertEquals(example.getKey(), event.type(), "the example's type matches its heading");
            JsonNode documented = json.readTree(example.getValue());
            JsonNode written = json.readTree(EventJson.write(event));
            assertTrue(documented.equals(BY_VALUE, written),
                    example.getKey() + ": the contract writes\n" + written.toPrettyString() + "\nbut the example is\n" + documented.toPrettyString());
        }
    }

    /** The dead-letter example is what {@link DeadLetter} reads and writes, field for field. */
    @Test
    void theDeadLetterExampleIsWhatTheContractReadsAndWrites() throws Exception {
        Matcher m = Pattern.compile("<!-- dead-letter example -->\\n```json\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(Files.readString(DOC));
        assertTrue(m.find(), "docs/events.md documents a dead letter with an example");
        DeadLetter letter = EventJson.readRecord(m.group(1), DeadLetter.class);
        assertEquals(DeadLetter.UNSTORABLE, letter.errorType());
        ObjectMapper json = new ObjectMapper();
        JsonNode documented = json.readTree(m.group(1));
        JsonNode written = json.readTree(EventJson.write(letter));
        assertEquals(documented, written, "the contract writes the example back unchanged");
    }
}
