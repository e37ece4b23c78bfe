package uk.gov.local.healthcheck.portal.regions;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.gov.local.healthcheck.portal.ApiJson.read;

class RegionTableTest {

    static final String TABLE = """
            {"round":"workforce-2024","period":"2024","region":{"code":"E12000007","name":"London"},
             "indicators":[
               {"indicator":"agency_rate","polarity":"lower-is-better","unit":"percent",
                "region":{"group":"region:E12000007","name":"London","n":3,"value":22.9},
                "england":{"group":"national","name":"England","n":148,"value":16.3}},
               {"indicator":"turnover_rate","polarity":"lower-is-better","unit":"percent",
                "region":{"group":"region:E12000007","name":"London","n":3,"value":15.3},
                "england":{"group":"national","name":"England","n":148,"value":13.9}}],
             "authorities":[
               {"code":"E09000002","name":"Barking and Dagenham","visible":true,"figures":[
                  {"indicator":"agency_rate","value":18.6,"band":"C"},{"indicator":"turnover_rate","value":17.2,"band":"C"}]},
               {"code":"E09000003","name":"Barnet","visible":true,"figures":[
                  {"indicator":"agency_rate","value":29.4,"band":"D"},{"indicator":"turnover_rate","value":6.1,"band":"A"}]},
               {"code":"E09000004","name":"Bexley","visible":true,"figures":[
                  {"indicator":"agency_rate","missingReason":"not reported in this round"},{"indicator":"turnover_rate","value":18.6,"band":"D"}]},
               {"code":"E09000005","name":"Brent","visible":false},
               {"code":"E09000006","name":"Bromley","visible":true,"figures":[
                  {"indicator":"agency_rate","value":12.7,"band":"B"},{"indicator":"turnover_rate","value":13.6,"band":"B"}]}],
             "withheld":1}
            """;

    private final JsonNode table = read(TABLE);

    @Test
    void headlineColumnsInTheirOrderAndTheApisFiguresWithTheirBands() {
        RegionTable view = RegionTable.of(table, List.of("agency_rate", "vacancy_rate", "turnover_rate"), Map.of(), "/r", "name", false);
        assertEquals(List.of("agency_rate", "turnover_rate"), view.columns().stream().map(RegionTable.Column::id).toList(),
                "vacancy_rate is not in this round");
        RegionTable.Row barnet = view.authorities().get(1);
        assertEquals("Barnet", barnet.name());
        assertEquals("29.4%", barnet.cells().get(0).text());
        assertEquals("D", barnet.cells().get(0).band());
        assertEquals("22.9%", view.region().cells().get(0).text());
        assertEquals("16.3%", view.england().cells().get(0).text());
        assertEquals("– (not reported in this round)", view.authorities().get(2).cells().get(0).text());
        assertNull(view.authorities().get(2).cells().get(0).band());
        assertFalse(view.authorities().get(3).visible());
        assertEquals(1, view.withheld());
    }

    @Test
    void sortedByAColumnEitherWayWithoutAFigureLastAndTheLinksSayWhatComesNext() {
        RegionTable up = RegionTable.of(table, List.of("agency_rate", "turnover_rate"), Map.of(), "/r", "agency_rate", false);
        assertEquals(List.of("Bromley", "Barking and Dagenham", "Barnet", "Bexley", "Brent"),
                up.authorities().stream().map(RegionTable.Row::name).toList());
        assertEquals("ascending", up.columns().get(0).ariaSort());
        assertEquals("/r?sort=agency_rate&order=desc", up.columns().get(0).sortHref());
        assertEquals("none", up.columns().get(1).ariaSort());
        assertEquals("/r?sort=turnover_rate&order=asc", up.columns().get(1).sortHref());

        RegionTable down = RegionTable.of(table, List.of("agency_rate", "turnover_rate"), Map.of(), "/r", "agency_rate", true);
        assertEquals(List.of("Barnet", "Barking and Dagenham", "Bromley", "Bexley", "Brent"),
                down.authorities().stream().map(RegionTable.Row::name).toList());
        assertEquals("descending", down.columns().get(0).ariaSort());

        RegionTable unknown = RegionTable.of(table, List.of("agency_rate"), Map.of(), "/r", "no_such_column", false);
        assertEquals("ascending", unknown.nameColumn().ariaSort(), "an unknown column sorts by name");
    }
}
