package uk.gov.local.healthcheck.metrics.support;

import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.ReturnAccepted;
import uk.gov.local.healthcheck.events.ReturnWithdrawn;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Submission events as survey-service writes them. */
public final class Events {

    public static final String WORKFORCE = "workforce-return";
    private static final OffsetDateTime AT = OffsetDateTime.parse("2024-10-15T10:00:00Z");

    private Events() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * A complete workforce return: 200 FTE, 30 leavers (turnover 15 %), 50 agency (20 %), 25 vacancies, absence
     * declared unavailable ('c'), 800 cases over {@code caseHoldingFte}.
     */
    public static Map<String, Object> answers(String caseHoldingFte) {
        Map<String, Object> a = new HashMap<>();
        a.put("staff.headcount", 210);
        a.put("staff.fte", new BigDecimal("200"));
        a.put("staff.agency_headcount", 52);
        a.put("staff.agency_fte", new BigDecimal("50"));
        a.put("staff.vacancies_fte", new BigDecimal("25"));
        a.put("flows.leavers_fte", new BigDecimal("30"));
        a.put("flows.absence_days", Map.of("missing", "c"));
        a.put("caseload.cases", 800);
        a.put("caseload.case_holding_fte", new BigDecimal(caseHoldingFte));
        return a;
    }

    public static String accepted(String eventId, String roundId, String instrument, String code, int revision,
                                  Map<String, Object> answers) {
        var data = new ReturnAccepted(roundId, instrument, 1, "2024", code, revision, AT, answers);
        return EventJson.write(EventEnvelope.of(eventId, "/survey-service", ReturnAccepted.TYPE, AT,
                "rounds/" + roundId + "/returns/" + code, data));
    }

    public static String withdrawn(String eventId, String roundId, String code, int revision) {
        var data = new ReturnWithdrawn(roundId, WORKFORCE, 1, "2024", code, revision, AT);
        return EventJson.write(EventEnvelope.of(eventId, "/survey-service", ReturnWithdrawn.TYPE, AT,
                "rounds/" + roundId + "/returns/" + code, data));
    }
}
