package uk.gov.local.healthcheck.metrics.intake;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.ReturnAccepted;
import uk.gov.local.healthcheck.events.ReturnWithdrawn;
import uk.gov.local.healthcheck.metrics.indicators.Answer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionEventParserTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2024-10-01T09:00:00Z");

    private static String accepted(String roundId, int revision, Map<String, Object> answers) {
        return EventJson.write(EventEnvelope.of("ev-1", "/survey-service", ReturnAccepted.TYPE, T,
                "rounds/r/returns/E10000031",
                new ReturnAccepted(roundId, "workforce-return", 1, "2024", "E10000031", revision, T, answers)));
    }

    @Test
    void readsAnAcceptedReturnWithNumbersAndMissingMarkers() {
        var event = SubmissionEventParser.parse(accepted("workforce-2024", 3,
                Map.of("staff.fte", new BigDecimal("12.5"), "caseload.cases", 40, "flows.absence_days",
                        Map.of("missing", "c")))).orElseThrow();
        var a = assertInstanceOf(SubmissionEvent.Accepted.class, event);
        assertEquals("ev-1", a.eventId());
        assertEquals(3, a.revision());
        assertEquals(new Answer.Value(new BigDecimal("12.5")), a.answers().get("staff.fte"));
        assertEquals(new Answer.Value(new BigDecimal("40")), a.answers().get("caseload.cases"));
        assertEquals(new Answer.DeclaredMissing("c"), a.answers().get("flows.absence_days"));
        assertEquals(new Answer.Unanswered(), a.answers().get("flows.leavers_fte"));
    }

    @Test
    void readsAWithdrawal() {
        String json = EventJson.write(EventEnvelope.of("ev-2", "/survey-service", ReturnWithdrawn.TYPE, T, "s",
                new ReturnWithdrawn("workforce-2024", "workforce-return", 1, "2024", "E10000031", 4, T)));
        var w = assertInstanceOf(SubmissionEvent.Withdrawn.class, SubmissionEventParser.parse(json).orElseThrow());
        assertEquals(4, w.revision());
    }

    @Test
    void skipsTypesItDoesNotConsume() {
        String json = "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"uk.gov.local.healthcheck.other.v1\",\"data\":{}}";
        assertTrue(SubmissionEventParser.parse(json).isEmpty());
    }

    @Test
    void rejectsPoison() {
        for (String poison : new String[] {"", "not json", "{\"id\":\"x\"}", "[1,2]",
                // right type, but no id / no data / no round / revision 0 / data of the wrong shape
                "{\"type\":\"" + ReturnAccepted.TYPE + "\",\"data\":{}}",
                "{\"id\":\"x\",\"type\":\"" + ReturnAccepted.TYPE + "\"}",
                accepted(null, 1, Map.of()),
                accepted("workforce-2024", 0, Map.of()),
                accepted("r".repeat(101), 1, Map.of()),
                "{\"id\":\"x\",\"type\":\"" + ReturnAccepted.TYPE + "\",\"data\":{\"revision\":\"three\"}}"}) {
            assertThrows(InvalidEventException.class, () -> SubmissionEventParser.parse(poison), poison);
        }
    }
}
