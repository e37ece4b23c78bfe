package uk.gov.local.healthcheck.portal.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.portal.ApiJson.read;

class PractitionerReportTest {

    static final Map<String, JsonNode> DICTIONARY = Map.of(
            "std1_score", read("{\"id\":\"std1_score\",\"title\":\"Standard 1\",\"numerator\":[\"std1.a\",\"std1.b\"]}"),
            "std1.a", read("{\"id\":\"std1.a\",\"title\":\"My organisation has a clear framework\"}"),
            "std1.b", read("{\"id\":\"std1.b\",\"title\":\"Senior managers are accessible\"}"));

    static String comparison(String name, String a, String b, String score, String respondents) {
        return "{\"authority\":{\"code\":\"E1\",\"name\":\"" + name + "\",\"regionName\":\"West Midlands\"},\"indicators\":["
                + "{\"indicator\":\"overall_score\",\"unit\":\"percent\"," + score + ",\"region\":{\"name\":\"West Midlands\",\"value\":71.2},\"england\":{\"value\":70.0}},"
                + "{\"indicator\":\"respondents\",\"unit\":\"count\"," + respondents + "},"
                + "{\"indicator\":\"std1.a\",\"unit\":\"percent\"," + a + ",\"region\":{\"name\":\"West Midlands\",\"value\":75.0},\"england\":{\"value\":73.1}},"
                + "{\"indicator\":\"std1.b\",\"unit\":\"percent\"," + b + ",\"region\":{\"name\":\"West Midlands\",\"value\":64.3},\"england\":{\"value\":66.0}},"
                + "{\"indicator\":\"std1_score\",\"unit\":\"percent\"," + score + ",\"region\":{\"name\":\"West Midlands\",\"value\":69.7},\"england\":{\"value\":69.6},"
                + "\"rankEngland\":2,\"rankedEngland\":4,\"band\":\"A\"}]}";
    }

    @Test
    void aCouncilsStandardsWithItsStatementsBandsRanksAndAChartOfTheSameFigures() {
        JsonNode metrics = read("{\"indicators\":[{\"indicatorId\":\"std1.a\",\"band\":\"good\"},{\"indicatorId\":\"std1.b\",\"band\":\"moderate\"},"
                + "{\"indicatorId\":\"std1_score\",\"band\":\"moderate\"},{\"indicatorId\":\"overall_score\",\"band\":\"moderate\"}]}");
        PractitionerReport report = PractitionerReport.of(read(comparison("Warwickshire", "\"value\":83.3", "\"value\":66.7",
                "\"value\":75.0", "\"value\":12.0")), DICTIONARY, metrics);
        assertFalse(report.suppressed());
        assertEquals("12", report.respondents(), "a count, written whole");
        PractitionerReport.Standard standard = report.standards().get(0);
        assertEquals("Standard 1", standard.title());
        assertEquals("83.3%", standard.statements().get(0).value());
        assertEquals("good", standard.statements().get(0).band());
        assertEquals("75.0%", standard.statements().get(0).region());
        assertEquals("moderate", standard.statements().get(1).band());
        assertEquals("2 of 4 in England", standard.score().rank());
        assertEquals("A", standard.score().quartile());
        assertTrue(standard.chart().contains("Standard score 75.0%") && standard.chart().contains("West Midlands 69.7%"), standard.chart());
    }

    @Test
    void nineRespondentsShowTheSuppressionAndItsReasonNeverAFigureOrABand() {
        String withheld = "\"value\":null,\"suppressed\":\"c\",\"reason\":\"fewer than 10 respondents are the base of this figure\"";
        JsonNode metrics = read("{\"indicators\":[]}");
        PractitionerReport report = PractitionerReport.of(read(comparison("Coventry", withheld, withheld,
                "\"value\":null,\"missingReason\":\"no standard has a score\"", "\"value\":9.0")), DICTIONARY, metrics);
        assertTrue(report.suppressed());
        assertEquals("fewer than 10 respondents are the base of this figure", report.suppressionReason());
        PractitionerReport.Line a = report.standards().get(0).statements().get(0);
        assertEquals("[c] fewer than 10 respondents are the base of this figure", a.value());
        assertEquals("–", a.band());
        assertTrue(report.standards().get(0).chart().contains("Standard score no figure"));
    }
}
