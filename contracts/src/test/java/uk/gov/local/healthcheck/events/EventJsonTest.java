package uk.gov.local.healthcheck.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {

    @Test
    void returnAcceptedRoundTripsWithExactDecimalsAndIsoTime() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("staff.fte", new BigDecimal("170.5"));
        answers.put("staff.headcount", 180);
        answers.put("flows.absence_days", Map.of("missing", "x"));
        OffsetDateTime at = OffsetDateTime.of(2024, 11, 1, 9, 30, 0, 0, ZoneOffset.UTC);
        var event = EventEnvelope.of("e-1", "/survey-service", ReturnAccepted.TYPE, at,
                "rounds/workforce-2024/returns/E10000031",
                new ReturnAccepted("workforce-2024", "workforce-return", 1, "2024", "E10000031", 3, at, answers));

        String json = EventJson.write(event);
        assertTrue(json.contains("\"time\":\"2024-11-01T09:30:00Z\""), json);
        assertTrue(json.contains("\"specversion\":\"1.0\""), json);
        assertEquals(ReturnAccepted.TYPE, EventJson.typeOf(json));

        EventEnvelope<ReturnAccepted> back = EventJson.read(json, ReturnAccepted.class);
        assertEquals(3, back.data().revision());
        assertEquals(new BigDecimal("170.5"), back.data().answers().get("staff.fte"));
        assertEquals(Map.of("missing", "x"), back.data().answers().get("flows.absence_days"));
        assertEquals(at.toInstant(), back.time().toInstant());
    }

    @Test
    void missingIndicatorOmitsValueButKeepsItsMissingInputs() {
        var indicator = new IndicatorValue("absence_rate", null, null, new BigDecimal("253"), 100, List.of("flows.absence_days"));
        String json = EventJson.write(indicator);
        assertTrue(!json.contains("\"value\""), json);
        assertTrue(json.contains("flows.absence_days"), json);
    }

    @Test
    void indicatorsEventRoundTripsWithItsOptionalFields() {
        OffsetDateTime at = OffsetDateTime.of(2024, 11, 1, 9, 30, 0, 0, ZoneOffset.UTC);
        var value = new IndicatorValue("agency_rate", new BigDecimal("9.79"), new BigDecimal("18.5"), new BigDecimal("189.0"), 100,
                List.of(), null, "lower-is-better", "percent");
        var data = new AuthorityIndicators("employer-2018", "employer-health-check", "2018", "E10000031", 2, false, at,
                List.of(value), 2018, true, Map.of("s3.cancel_meetings", "once_week"), Map.of("supportive", 3));
        String json = EventJson.write(EventEnvelope.of("e-2", "/metrics-service", AuthorityIndicators.TYPE, at, "s", data));
        AuthorityIndicators back = EventJson.read(json, AuthorityIndicators.class).data();
        assertEquals(data, back);

        var firstVersion = new AuthorityIndicators("r", "workforce-return", "2024", "E10000031", 1, false, at, List.of(
                new IndicatorValue("turnover_rate", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 100, List.of())));
        String old = EventJson.write(firstVersion);
        assertTrue(!old.contains("consentToNamedPublication") && !old.contains("polarity"), old);
        assertEquals(firstVersion, EventJson.read(EventJson.write(EventEnvelope.of("e-3", "/m", AuthorityIndicators.TYPE, at, "s",
                firstVersion)), AuthorityIndicators.class).data());
    }
}
