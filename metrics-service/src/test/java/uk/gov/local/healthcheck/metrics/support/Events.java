package uk.gov.local.healthcheck.metrics.support;

import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.ResponseAccepted;
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

    public static final String EMPLOYER = "employer-health-check";
    public static final String PRACTITIONER = "practitioner-survey";

    /**
     * An employer return: 100 FTE posts (104 headcount), 12 unfilled (12 %), 15 agency (15 %), 3 frozen (25 % of
     * unfilled), 1 deleted; 2 off with stress of 104 posts; caseload 19; consent as given.
     */
    public static Map<String, Object> employerAnswers(String consent) {
        Map<String, Object> a = employerPosts("100", 104, "12", "15", "3", "1", 2);
        a.put("contact.name", "A Person");
        a.put("contact.job_title", "Principal Social Worker");
        a.put("contact.email", "psw@example.gov.uk");
        a.put("overview.positive_achievements", java.util.List.of("Recruitment campaign"));
        a.put("s2.comments", "free text is not tabulated");
        a.put("s3.average_caseload", new BigDecimal("19.5"));
        a.put("s3.cancel_meetings", "once_week");
        a.put("s3.safe_caseload_process", "yes");
        a.put("s4.safety_support", java.util.List.of("mobile_phones", "buddy_system"));
        a.put("consent.named_publication", consent);
        return a;
    }

    /**
     * The posts of an employer return's section 2: FTE posts and their headcount, the unfilled, agency-covered, frozen
     * and deleted FTE, and the number off with stress; the rest of a return goes on top.
     */
    public static Map<String, Object> employerPosts(String postsFte, int postsHeadcount, String unfilledFte,
                                                    String agencyFte, String frozenFte, String deletedFte,
                                                    int absenceStress) {
        Map<String, Object> a = new HashMap<>();
        a.put("s2.posts_fte", new BigDecimal(postsFte));
        a.put("s2.posts_headcount", postsHeadcount);
        a.put("s2.unfilled_fte", new BigDecimal(unfilledFte));
        a.put("s2.agency_fte", new BigDecimal(agencyFte));
        a.put("s2.frozen_fte", new BigDecimal(frozenFte));
        a.put("s2.deleted_fte", new BigDecimal(deletedFte));
        a.put("s2.absence_stress", absenceStress);
        return a;
    }

    public static String accepted(String eventId, String roundId, String instrument, int instrumentVersion,
                                  String period, String code, int revision, Map<String, Object> answers,
                                  OffsetDateTime time) {
        var data = new ReturnAccepted(roundId, instrument, instrumentVersion, period, code, revision, time, answers);
        return EventJson.write(EventEnvelope.of(eventId, "/survey-service", ReturnAccepted.TYPE, time,
                "rounds/" + roundId + "/returns/" + code, data));
    }

    /**
     * A practitioner's answers: a social worker in children's services, the clear-framework and workload statements
     * as given (null: unanswered) and three words.
     */
    public static Map<String, Object> practitionerAnswers(String clearFramework, String workload, String... words) {
        Map<String, Object> a = new HashMap<>();
        a.put("profile.role", "social_worker");
        a.put("profile.service", "children");
        if (clearFramework != null) {
            a.put("std1.clear_framework", clearFramework);
        }
        if (workload != null) {
            a.put("std3.workload_control", workload);
        }
        a.put("culture.three_words", java.util.List.of(words));
        return a;
    }

    /** One practitioner response. */
    public static String response(String eventId, String roundId, String code, String responseId,
                                  Map<String, Object> answers) {
        var data = new ResponseAccepted(roundId, PRACTITIONER, 1, "2024", code, responseId, AT, answers);
        return EventJson.write(EventEnvelope.of(eventId, "/survey-service", ResponseAccepted.TYPE, AT,
                "rounds/" + roundId + "/responses/" + responseId, data));
    }

    public static String withdrawn(String eventId, String roundId, String code, int revision) {
        var data = new ReturnWithdrawn(roundId, WORKFORCE, 1, "2024", code, revision, AT);
        return EventJson.write(EventEnvelope.of(eventId, "/survey-service", ReturnWithdrawn.TYPE, AT,
                "rounds/" + roundId + "/returns/" + code, data));
    }
}
