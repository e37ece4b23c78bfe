package uk.gov.local.healthcheck.metrics.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.support.Events;
import uk.gov.local.healthcheck.metrics.support.IntakeTopics;
import uk.gov.local.healthcheck.metrics.support.TestDatabase;
import uk.gov.local.healthcheck.metrics.support.WithKafkaAndPostgres;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.metrics.support.IndicatorsApi.indicators;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.published;

/**
 * The whole path on real infrastructure: events produced to a real Kafka broker, processed into a real PostgreSQL,
 * served over REST and published back to Kafka. Each test uses its own authority code so the tests stay independent
 * while sharing the topics.
 */
@QuarkusTest
@WithKafkaAndPostgres
@TestSecurity(user = "admin", roles = "lga-admin")
class IndicatorsFlowTest {

    private static final String ROUND = "workforce-2024";
    private static final IntakeTopics kafka = new IntakeTopics();

    private static EventEnvelope<AuthorityIndicators> awaitPublished(String round, String code, int nth) {
        return EventJson.read(kafka.awaitPublished(published(round, code), nth).value(), AuthorityIndicators.class);
    }

    private static void submit(String code, String json) {
        kafka.submit(code, json);
    }

    /** A new event of {@link Events#answers}' workforce return of {@link #ROUND} at this revision; answers its id. */
    private static String submitReturn(String code, int revision, String caseHoldingFte) {
        String id = Events.newId();
        submit(code, Events.accepted(id, ROUND, Events.WORKFORCE, code, revision, Events.answers(caseHoldingFte)));
        return id;
    }

    /**
     * Sends an accepted return for a throwaway round of the same authority (same key, so same partition) and waits
     * for its publication: every record sent for {@code code} before it has then been processed.
     */
    private static void awaitEarlierRecordsProcessed(String code) {
        String marker = "marker-" + Events.newId();
        submit(code, Events.accepted(Events.newId(), marker, Events.WORKFORCE, code, 1, Events.answers("50")));
        awaitPublished(marker, code, 1);
    }

    private static IndicatorValue indicator(AuthorityIndicators a, String id) {
        return a.indicators().stream().filter(i -> i.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void acceptedReturnIsComputedStoredServedAndPublished() {
        String code = "E10000031";
        submitReturn(code, 3, "40");

        EventEnvelope<AuthorityIndicators> event = awaitPublished(ROUND, code, 1);
        assertEquals(AuthorityIndicators.TYPE, event.type());
        assertEquals("/metrics-service", event.source());
        assertEquals("rounds/" + ROUND + "/authorities/" + code, event.subject());
        AuthorityIndicators data = event.data();
        assertEquals(3, data.sourceRevision());
        assertFalse(data.withdrawn());
        assertEquals("2024", data.period());
        assertEquals(IndicatorDictionary.forInstrument(Events.WORKFORCE).size(), data.indicators().size());
        assertEquals("lower-is-better", indicator(data, "turnover_rate").polarity());
        assertEquals("percent", indicator(data, "turnover_rate").unit());
        assertEquals("number", indicator(data, "average_caseload").unit());
        assertEquals(1, data.instrumentVersion());
        assertNull(data.consentToNamedPublication(), "the workforce return does not ask for consent");
        assertEquals(0, new BigDecimal("200").compareTo(new BigDecimal(data.answers().get("staff.fte").toString())));
        assertFalse(data.answers().containsKey("flows.absence_days"), "a declared-missing answer is not tabulated");
        assertTrue(indicator(data, "absence_rate").missingReason().contains("declared 'c'"));
        assertEquals(0, new BigDecimal("15").compareTo(indicator(data, "turnover_rate").value()));
        assertEquals(0, new BigDecimal("20").compareTo(indicator(data, "agency_rate").value()));
        assertEquals(0, new BigDecimal("20").compareTo(indicator(data, "average_caseload").value()));
        IndicatorValue absence = indicator(data, "absence_rate");
        assertNull(absence.value(), "absence declared 'c' must be missing, not 0");
        assertEquals(List.of("flows.absence_days"), absence.missingInputs());

        indicators(code, ROUND).then().statusCode(200)
                .body("authority", equalTo(code))
                .body("round", equalTo(ROUND))
                .body("instrument", equalTo("workforce-return"))
                .body("period", equalTo("2024"))
                .body("revision", equalTo(3))
                .body("indicators.indicatorId[0..4]", contains("turnover_rate", "agency_rate", "vacancy_rate",
                        "absence_rate", "average_caseload"))
                .body("indicators[0].unit", equalTo("percent"))
                .body("indicators[0].polarity", equalTo("lower-is-better"))
                .body("indicators[0].value", equalTo(15))
                .body("indicators[0].numerator", equalTo(30))
                .body("indicators[0].denominator", equalTo(200))
                .body("indicators[0].scale", equalTo(100))
                .body("indicators[0].missingInputs", hasSize(0))
                .body("indicators[3].value", nullValue())
                .body("indicators[3].missingInputs", contains("flows.absence_days"))
                .body("indicators[3].missingReason", containsString("declared 'c'"))
                .body("indicators[4].value", equalTo(20))
                .body("indicators[4].scale", equalTo(1));
    }

    @Test
    void sameEventTwiceChangesNothingButIsRepublished() {
        String code = "E10000032";
        String id = Events.newId();
        String event = Events.accepted(id, ROUND, Events.WORKFORCE, code, 1, Events.answers("40"));
        submit(code, event);
        AuthorityIndicators first = awaitPublished(ROUND, code, 1).data();
        Object computedAt = TestDatabase.single(
                "select computed_at from authority_round_state where round_id = ? and authority_code = ?", ROUND, code);

        submit(code, event);
        // A redelivered event re-publishes the current state (the first publication may have been lost in a crash).
        AuthorityIndicators second = awaitPublished(ROUND, code, 2).data();
        assertEquals(first, second);

        assertEquals(1, TestDatabase.count(
                "select count(*) from authority_round_state where round_id = ? and authority_code = ?", ROUND, code));
        assertEquals(1, TestDatabase.count("select count(*) from processed_event where event_id = ?", id));
        assertEquals(IndicatorDictionary.forInstrument(Events.WORKFORCE).size(), TestDatabase.count(
                "select count(*) from authority_indicator where round_id = ? and authority_code = ?", ROUND, code));
        assertEquals(computedAt, TestDatabase.single(
                "select computed_at from authority_round_state where round_id = ? and authority_code = ?", ROUND, code),
                "the state was not rewritten");
        indicators(code, ROUND).then().statusCode(200).body("revision", equalTo(1)).body("indicators[4].value", equalTo(20));
    }

    @Test
    void olderRevisionAfterNewerIsIgnored() {
        String code = "E10000033";
        submitReturn(code, 2, "40");
        awaitPublished(ROUND, code, 1);

        String staleId = submitReturn(code, 1, "80");
        awaitEarlierRecordsProcessed(code);

        assertEquals(1, kafka.publications(published(ROUND, code)).size(), "nothing published for the stale revision");
        assertEquals("STALE", TestDatabase.single("select outcome from processed_event where event_id = ?", staleId));
        assertEquals(2, TestDatabase.single(
                "select revision from authority_round_state where round_id = ? and authority_code = ?", ROUND, code));
        indicators(code, ROUND).then().statusCode(200)
                .body("revision", equalTo(2))
                .body("indicators[4].value", equalTo(20));   // 800 / 40, not 800 / 80

        // The same revision again under a new id is just as stale.
        submitReturn(code, 2, "80");
        awaitEarlierRecordsProcessed(code);
        indicators(code, ROUND).then().statusCode(200).body("indicators[4].value", equalTo(20));
    }

    @Test
    void withdrawalRemovesTheIndicatorsAndPublishesWithdrawn() {
        String code = "E10000034";
        submitReturn(code, 1, "40");
        awaitPublished(ROUND, code, 1);

        submit(code, Events.withdrawn(Events.newId(), ROUND, code, 2));
        AuthorityIndicators withdrawn = awaitPublished(ROUND, code, 2).data();
        assertTrue(withdrawn.withdrawn());
        assertTrue(withdrawn.indicators().isEmpty());
        assertEquals(2, withdrawn.sourceRevision());

        assertEquals(0, TestDatabase.count(
                "select count(*) from authority_indicator where round_id = ? and authority_code = ?", ROUND, code));
        indicators(code, ROUND).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", containsString(code));

        // The accepted revision 1 arriving late does not bring the indicators back.
        submitReturn(code, 1, "40");
        awaitEarlierRecordsProcessed(code);
        indicators(code, ROUND).then().statusCode(404);

        // A later resubmission does.
        submitReturn(code, 3, "40");
        AuthorityIndicators back = awaitPublished(ROUND, code, 3).data();
        assertFalse(back.withdrawn());
        assertEquals(3, back.sourceRevision());
        indicators(code, ROUND).then().statusCode(200).body("revision", equalTo(3));
    }

    @Test
    void poisonRecordsAreSkippedWithoutBlockingThePartition() {
        String code = "E10000035";
        submit(code, "this is not JSON");
        submit(code, "{\"id\":\"x\",\"type\":\"" + uk.gov.local.healthcheck.events.ReturnAccepted.TYPE + "\"}");
        Map<String, Object> badAnswers = Events.answers("40");
        badAnswers.put("staff.fte", "two hundred");
        String badId = Events.newId();
        submit(code, Events.accepted(badId, ROUND, Events.WORKFORCE, code, 1, badAnswers));
        submit(code, "{\"specversion\":\"1.0\",\"id\":\"" + Events.newId() + "\",\"type\":\"some.other.event.v1\"}");
        // Valid JSON whose round id does not fit the database: rejected up front, not retried until the channel stops.
        submit(code, Events.accepted(Events.newId(), "r".repeat(150), Events.WORKFORCE, code, 1, Events.answers("40")));

        submitReturn(code, 2, "40");
        AuthorityIndicators data = awaitPublished(ROUND, code, 1).data();
        assertEquals(2, data.sourceRevision(), "the valid record after the poison ones was processed");
        assertEquals(0, TestDatabase.count("select count(*) from processed_event where event_id = ?", badId));
    }

    @Test
    void otherInstrumentsAreRecordedWithoutIndicators() {
        String code = "E10000036";
        String round = "practice-2024";
        String id = Events.newId();
        submit(code, Events.accepted(id, round, "practice-survey", code, 1, Map.of("q1", 3)));
        awaitEarlierRecordsProcessed(code);

        assertEquals("APPLIED", TestDatabase.single("select outcome from processed_event where event_id = ?", id));
        assertEquals(1, TestDatabase.single(
                "select revision from authority_round_state where round_id = ? and authority_code = ?", round, code));
        assertTrue(kafka.publications(published(round, code)).isEmpty());
        indicators(code, round).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "council", roles = "council-submitter")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = "E10000037"))
    void councilSubmitterReadsItsOwnAuthority() {
        String code = "E10000037";
        submitReturn(code, 1, "40");
        awaitPublished(ROUND, code, 1);
        indicators(code, ROUND).then().statusCode(200).body("authority", equalTo(code));
    }
}
