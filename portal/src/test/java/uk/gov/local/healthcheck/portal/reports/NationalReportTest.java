package uk.gov.local.healthcheck.portal.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.portal.ApiJson.read;

class NationalReportTest {

    @Test
    void anEmployerQuestionHasItsBaseItsOptionsAndTheSameByCouncilTypeWithWithheldGroups() {
        JsonNode report = read("""
                {"round":"employer-2018","instrument":"employer-health-check","returns":61,"tables":[
                  {"question":"s3.cancel_meetings","type":"single","text":"Do you cancel supervision?","base":60,
                   "options":[{"option":"never","count":12,"percent":20.0},{"option":"sometimes","count":48,"percent":80.0}],
                   "by":"councilType","groups":[
                     {"group":"Shire County","base":20,"options":[{"option":"never","count":5,"percent":25.0},{"option":"sometimes","count":15,"percent":75.0}]},
                     {"group":"London Borough","suppressed":"c","reason":"fewer than 3 returns"}]},
                  {"question":"s2.hours","type":"decimal","text":"Hours over contract","suppressed":"c","reason":"fewer than 3 returns"}]}
                """);
        List<NationalReport.Table> tables = NationalReport.questions(report);
        NationalReport.Table q = tables.get(0);
        assertEquals("Base: 60 returns that answered", q.note());
        assertEquals(List.of("12", "20.0%"), q.rows().get(0).cells());
        assertEquals("Never", q.rows().get(0).head());
        assertTrue(q.chart().contains("Never 20.0%"), q.chart());
        assertEquals(List.of("Shire County", "London Borough"), q.grouped().groups());
        assertEquals(List.of("20", "[c]"), q.grouped().rows().get(0).cells(), "the base row first");
        assertEquals(List.of("15 (75.0%)", "[c]"), q.grouped().rows().get(2).cells());

        NationalReport.Table withheld = tables.get(1);
        assertEquals("Withheld: fewer than 3 returns", withheld.note(), "why there is no base, not 'no return answered'");
        assertEquals("[c] fewer than 3 returns", withheld.rows().get(0).cells().get(0));
        assertNull(withheld.chart());
    }

    @Test
    void aWorkforceIndicatorHasEnglandTheRegionsAndTheCouncilTypes() {
        JsonNode benchmark = read("""
                {"indicator":"agency_rate","unit":"percent",
                 "national":{"name":"England","n":148,"value":16.3,"median":14.0,"min":0.0,"max":47.1},
                 "regions":[{"name":"North East","n":2,"suppressed":"c","reason":"fewer than 3 authorities contribute to this figure"},
                            {"name":"London","n":32,"value":22.9,"median":21.7,"min":7.8,"max":43.6}],
                 "councilTypes":[{"name":"London Borough","n":32,"value":22.9,"median":21.7,"min":7.8,"max":43.6}]}
                """);
        NationalReport.Table t = NationalReport.indicator(benchmark, read("{\"title\":\"Agency worker rate\",\"description\":\"FTE agency\"}"), true);
        assertEquals("Agency worker rate", t.title());
        assertEquals(List.of("England", "North East", "London", "London Borough"), t.rows().stream().map(NationalReport.TableRow::head).toList());
        assertEquals(List.of("148", "16.3%", "14.0%", "0.0% – 47.1%"), t.rows().get(0).cells());
        assertEquals("[c] fewer than 3 authorities contribute to this figure", t.rows().get(1).cells().get(1));
        assertTrue(t.chart().contains("North East no figure") && t.chart().contains("London 22.9%"), t.chart());
    }

    @Test
    void aPractitionerRoundsStandardsByRegionInOneTable() {
        JsonNode std1 = read("""
                {"indicator":"std1_score","national":{"value":72.5},"regions":[{"name":"North East","suppressed":"c","reason":"r"},
                 {"name":"West Midlands","value":75.0}]}
                """);
        JsonNode std2 = read("""
                {"indicator":"std2_score","national":{"value":68.1},"regions":[{"name":"North East","suppressed":"c","reason":"r"},
                 {"name":"West Midlands","value":70.2}]}
                """);
        NationalReport.Table t = NationalReport.standardsByRegion(List.of(std1, std2), java.util.Map.of(
                "std1_score", read("{\"title\":\"Clear Social Work Accountability Framework - Standard 1\"}")));
        assertEquals(List.of("Group", "Standard 1", "std2_score"), t.columns());
        assertEquals(List.of("72.5%", "68.1%"), t.rows().get(0).cells());
        assertEquals(List.of("[c] r", "[c] r"), t.rows().get(1).cells());
        assertEquals("West Midlands", t.rows().get(2).head());
        assertEquals(List.of("75.0%", "70.2%"), t.rows().get(2).cells());
    }
}
