package uk.gov.local.healthcheck.benchmark.intake;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class IndicatorEventDecoderTest {

    private static final IndicatorValue AGENCY =
            new IndicatorValue("agency_rate", new BigDecimal("12.5"), BigDecimal.ONE, new BigDecimal("8"), 100, null);

    private static String event(String type, AuthorityIndicators data) {
        return EventJson.write(EventEnvelope.of("id-1", "/metrics-service", type, OffsetDateTime.now(),
                "rounds/r/authorities/E06000001", data));
    }

    private static AuthorityIndicators data(String round, String authority, List<IndicatorValue> values) {
        return new AuthorityIndicators(round, "workforce", "2024", authority, 1, false, OffsetDateTime.now(), values);
    }

    @Test
    void readsAnIndicatorsEvent() {
        DecodedEvent decoded = IndicatorEventDecoder.decode(
                event(AuthorityIndicators.TYPE, data("r", "E06000001", List.of(AGENCY))));
        DecodedEvent.Indicators event = assertInstanceOf(DecodedEvent.Indicators.class, decoded);
        assertEquals("id-1", event.eventId());
        assertEquals(0, new BigDecimal("12.5").compareTo(event.payload().indicators().get(0).value()));
    }

    @Test
    void otherEventTypesAreNotPoison() {
        assertInstanceOf(DecodedEvent.OtherType.class,
                IndicatorEventDecoder.decode(event("uk.gov.local.healthcheck.indicators.computed.v2", data("r", "E06000001", List.of()))));
    }

    @Test
    void unreadableOrInvalidRecordsArePoison() {
        for (String bad : new String[] {null, "", "not json", "{\"type\":", "{}", "[1,2]",
                "{\"type\":\"" + AuthorityIndicators.TYPE + "\",\"data\":{\"sourceRevision\":\"many\"}}",
                "{\"type\":\"" + AuthorityIndicators.TYPE + "\"}",
                event(AuthorityIndicators.TYPE, data(null, "E06000001", List.of())),
                event(AuthorityIndicators.TYPE, data("r", " ", List.of())),
                event(AuthorityIndicators.TYPE, data("r", "E06000001", List.of(AGENCY, AGENCY)))}) {
            assertInstanceOf(DecodedEvent.Poison.class, IndicatorEventDecoder.decode(bad), String.valueOf(bad));
        }
    }
}
