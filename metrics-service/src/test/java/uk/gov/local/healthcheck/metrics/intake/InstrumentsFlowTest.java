package uk.gov.local.healthcheck.metrics.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.metrics.support.Events;
import uk.gov.local.healthcheck.metrics.support.IntakeTopics;
import uk.gov.local.healthcheck.metrics.support.TestDatabase;
import uk.gov.local.healthcheck.metrics.support.WithKafkaAndPostgres;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.metrics.support.IndicatorsApi.indicators;
import static uk.gov.local.healthcheck.metrics.support.IndicatorsApi.series;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.published;

/** The employer return and the practitioner survey end to end on the real broker and database; series over rounds. */
@QuarkusTest
@WithKafkaAndPostgres
class InstrumentsFlowTest {

    private static final IntakeTopics kafka = new IntakeTopics();

    private static AuthorityIndicators awaitPublished(String round, String code, int nth) {
        return EventJson.read(kafka.awaitPublished(published(round, code), nth).value(), AuthorityIndicators.class).data();
    }

    /**
     * Waits for the publication of {@code sourceRevision}: a batch publishes each (round, authority) once, so
     * responses that arrive together are published together, at the revision after the last of them.
     */
    private static AuthorityIndicators awaitRevision(String round, String code, int sourceRevision) {
        return EventJson.read(kafka.awaitPublished(r -> published(round, code).test(r) && EventJson.read(r.value(),
                AuthorityIndicators.class).data().sourceRevision() == sourceRevision, 1).value(),
                AuthorityIndicators.class).data();
    }

    private static IndicatorValue indicator(AuthorityIndicators a, String id) {
        return a.indicators().stream().filter(i -> i.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    private static void assertValue(String expected, IndicatorValue v) {
        assertTrue(v.value() != null && new BigDecimal(expected).compareTo(v.value()) == 0,
                v.indicatorId() + " = " + v.value() + ", expected " + expected);
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void employerReturnIsComputedWithItsAnswersAndConsent() {
        String code = "E06000001";
        String round = "health-check-2018";
        kafka.submit(code, Events.accepted(Events.newId(), round, Events.EMPLOYER, 2018, "2018",
                code, 1, Events.employerAnswers("yes"), OffsetDateTime.now()));
        AuthorityIndicators data = awaitPublished(round, code, 1);
        assertEquals(2018, data.instrumentVersion());
        assertEquals(Boolean.TRUE, data.consentToNamedPublication());
        assertValue("12", indicator(data, "unfilled_post_rate"));
        assertValue("15", indicator(data, "agency_cover_rate"));
        assertValue("25", indicator(data, "frozen_post_rate"));
        assertValue("1", indicator(data, "deleted_post_rate"));
        assertEquals(0, new BigDecimal("1.923076923076923").compareTo(
                indicator(data, "long_term_absence_stress_rate").value()));   // 2 / 104 × 100
        assertValue("19.5", indicator(data, "reported_average_caseload"));
        IndicatorValue hours = indicator(data, "hours_over_contract");
        assertNull(hours.value(), "unanswered is missing, not 0");
        assertEquals(List.of("s3.hours_over_contract"), hours.missingInputs());
        assertTrue(hours.missingReason().contains("unanswered"));
        assertEquals("lower-is-better", hours.polarity());
        assertEquals("neither", indicator(data, "frozen_post_rate").polarity());

        Map<String, Object> answers = data.answers();
        assertEquals("once_week", answers.get("s3.cancel_meetings"));
        assertEquals("yes", answers.get("s3.safe_caseload_process"), "option ids stay strings, never booleans");
        assertEquals(List.of("mobile_phones", "buddy_system"), answers.get("s4.safety_support"));
        assertEquals("yes", answers.get("consent.named_publication"));
        assertEquals(0, new BigDecimal("19.5").compareTo(new BigDecimal(answers.get("s3.average_caseload").toString())));
        for (String left : List.of("contact.name", "contact.email", "s2.comments", "overview.positive_achievements")) {
            assertFalse(answers.containsKey(left), left + " (free text or list) is not tabulated");
        }

        indicators(code, round).then().statusCode(200)
                .body("instrumentVersion", equalTo(2018))
                .body("consentToNamedPublication", equalTo(true))
                .body("answers.'s3.safe_caseload_process'", equalTo("yes"))
                .body("indicators.find { it.indicatorId == 'unfilled_post_rate' }.value", equalTo(12))
                .body("indicators.find { it.indicatorId == 'unfilled_post_rate' }.polarity", equalTo("lower-is-better"));

        // A new revision without consent replaces it.
        kafka.submit(code, Events.accepted(Events.newId(), round, Events.EMPLOYER, 2018, "2018",
                code, 2, Events.employerAnswers("no"), OffsetDateTime.now()));
        assertEquals(Boolean.FALSE, awaitPublished(round, code, 2).consentToNamedPublication());
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void practitionerResponsesAreTalliedOnceAndSmallBasesSuppressed() {
        String code = "E06000002";
        String round = "practitioners-2024";
        List<String> options = List.of("strongly_agree", "agree", "agree", "neither", "disagree", "agree",
                "strongly_agree", "agree", "not_applicable", "strongly_disagree", "agree", "agree");
        String firstEvent = null;
        for (int i = 0; i < options.size(); i++) {
            // Only the first 5 answer the workload statement: its base stays under 10.
            String json = Events.response(Events.newId(), round, code, "resp-" + i,
                    Events.practitionerAnswers(options.get(i), i < 5 ? "agree" : null, " Supportive ", "busy", i % 2 == 0 ? "Caring" : "busy"));
            if (i == 0) {
                firstEvent = json;
            }
            kafka.submit(code, json);
        }
        AuthorityIndicators twelve = awaitRevision(round, code, 12);
        assertEquals(12, twelve.sourceRevision());
        assertEquals("practitioner-survey", twelve.instrument());

        // 12 answers, 1 not applicable: base 11; agreeing = 2 strongly + 6 agree = 8 → 72.72…
        IndicatorValue framework = indicator(twelve, "std1.clear_framework");
        assertEquals(0, new BigDecimal("8").compareTo(framework.numerator()));
        assertEquals(0, new BigDecimal("11").compareTo(framework.denominator()));
        assertEquals(0, new BigDecimal("72.72727272727273").compareTo(framework.value()));
        assertEquals("higher-is-better", framework.polarity());
        assertEquals("percent", framework.unit());

        IndicatorValue workload = indicator(twelve, "std3.workload_control");
        assertNull(workload.value(), "a base of 5 is suppressed");
        assertEquals("fewer than 10 respondents", workload.missingReason());
        assertEquals(0, new BigDecimal("5").compareTo(workload.numerator()), "counts still carried for pooling");
        assertEquals(0, new BigDecimal("5").compareTo(workload.denominator()));

        assertEquals(0, new BigDecimal("72.72727272727273").compareTo(indicator(twelve, "std1_score").value()));
        assertNull(indicator(twelve, "std3_score").value());
        // Only std1 has a score: the overall score is its score, "moderate" (60 <= 72.7 < 75) → band 1.
        assertEquals(0, new BigDecimal("72.72727272727273").compareTo(indicator(twelve, "overall_score").value()));
        assertValue("1", indicator(twelve, "overall_band"));
        assertValue("12", indicator(twelve, "respondents"));
        assertEquals("count", indicator(twelve, "respondents").unit());
        assertEquals(Map.of("busy", 12, "supportive", 12, "caring", 6), twelve.words());

        // The same event again, and the same response under a new event id: counted once.
        kafka.submit(code, firstEvent);
        kafka.submit(code, Events.response(Events.newId(), round, code, "resp-0",
                Events.practitionerAnswers("strongly_disagree", "disagree", "other")));
        kafka.submit(code, Events.response(Events.newId(), round, code, "resp-12",
                Events.practitionerAnswers("agree", null, "busy")));
        // Re-publications of the state at 12 (unless they share a batch with the 13th response), then the 13th.
        int before = kafka.publications(published(round, code)).size();
        AuthorityIndicators thirteen = awaitRevision(round, code, 13);
        List<Integer> after = kafka.publications(published(round, code)).stream().skip(before)
                .map(r -> EventJson.read(r.value(), AuthorityIndicators.class).data().sourceRevision()).toList();
        assertEquals(13, after.get(after.size() - 1), "counted once: " + after);
        assertTrue(after.stream().allMatch(r -> r == 12 || r == 13), "counted once: " + after);
        assertEquals(0, new BigDecimal("9").compareTo(indicator(thirteen, "std1.clear_framework").numerator()));
        assertEquals(0, new BigDecimal("12").compareTo(indicator(thirteen, "std1.clear_framework").denominator()));
        assertEquals(13, TestDatabase.count("select count(*) from processed_response where round_id = ?", round));
        assertEquals(0, TestDatabase.count("select count(*) from practitioner_word where word = 'other'"));

        indicators(code, round).then().statusCode(200)
                .body("revision", equalTo(13))
                .body("words.busy", equalTo(13))
                .body("indicators.find { it.indicatorId == 'std1.clear_framework' }.value", equalTo(75))
                .body("indicators.find { it.indicatorId == 'std1_score' }.band", equalTo("good"))
                .body("indicators.find { it.indicatorId == 'std1.clear_framework' }.band", equalTo("good"))
                .body("indicators.find { it.indicatorId == 'std3.workload_control' }.band", nullValue())
                .body("indicators.find { it.indicatorId == 'respondents' }.band", nullValue())
                .body("indicators.find { it.indicatorId == 'std3.workload_control' }.value", nullValue())
                .body("indicators.find { it.indicatorId == 'std3.workload_control' }.missingReason",
                        equalTo("fewer than 10 respondents"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void seriesFollowsTheRoundsOfTheInstrumentInPeriodOrder() {
        String code = "E06000003";
        for (String period : List.of("2024", "2022", "2023")) {
            Map<String, Object> a = Events.answers("40");
            a.put("flows.leavers_fte", new BigDecimal(period.substring(2)));   // 22, 23, 24 leavers of 200 FTE
            kafka.submit(code, Events.accepted(Events.newId(), "workforce-" + period, Events.WORKFORCE,
                    1, period, code, 1, a, OffsetDateTime.now()));
            awaitPublished("workforce-" + period, code, 1);
        }
        // A withdrawn round drops out of the series.
        kafka.submit(code, Events.accepted(Events.newId(), "workforce-2021", Events.WORKFORCE, 1,
                "2021", code, 1, Events.answers("40"), OffsetDateTime.now()));
        awaitPublished("workforce-2021", code, 1);
        kafka.submit(code, Events.withdrawn(Events.newId(), "workforce-2021", code, 2));
        awaitPublished("workforce-2021", code, 2);

        series(code, "turnover_rate").then().statusCode(200)
                .body("instrument", equalTo("workforce-return"))
                .body("polarity", equalTo("lower-is-better"))
                .body("points.round", contains("workforce-2022", "workforce-2023", "workforce-2024"))
                .body("points.period", contains("2022", "2023", "2024"))
                .body("points.indicator.value", contains(11, 11.5f, 12))
                .body("points.indicator.numerator", contains(22, 23, 24));
        series(code, "unfilled_post_rate").then().statusCode(200).body("instrument", equalTo("employer-health-check"))
                .body("points", org.hamcrest.Matchers.hasSize(0));
    }
}
