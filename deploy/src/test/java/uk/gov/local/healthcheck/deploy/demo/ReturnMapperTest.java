package uk.gov.local.healthcheck.deploy.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReturnMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** A published row (Warwickshire 2025-like figures), overridable per test. */
    private static Map<String, String> row(String... overrides) {
        Map<String, String> r = new HashMap<>();
        r.put("time_period", "2024");
        r.put("geographic_level", "Local authority");
        r.put("old_la_code", "937");
        r.put("new_la_code", "E10000031");
        r.put("la_name", "Warwickshire");
        r.put("inpost_headcount", "349");
        r.put("inpost_fte", "328.0");
        r.put("agency_headcount", "38");
        r.put("agency_fte", "37.5");
        r.put("vacancy_fte", "8");
        r.put("starters_fte", "29.5");
        r.put("leavers_fte", "19.7");
        r.put("working_days_lost_fte", "3675");
        r.put("cases", "2801");
        r.put("case_holders_fte", "162.3");
        for (int i = 0; i < overrides.length; i += 2) {
            r.put(overrides[i], overrides[i + 1]);
        }
        return r;
    }

    @Test
    void mapsEveryColumnToItsAnswerKeepingTheDecimalText() throws Exception {
        ReturnMapper.DemoReturn r = ReturnMapper.map(row());
        assertEquals("workforce-2024", r.roundId());
        assertEquals(2024, r.year());
        assertEquals("E10000031", r.authority());
        assertEquals("submitted", r.body().path("status").asText());
        JsonNode a = r.body().path("answers");
        assertEquals(Arrays.stream(ReturnMapper.Answer.values()).map(ReturnMapper.Answer::key).collect(Collectors.toSet()), iterable(a));
        assertEquals(new BigDecimal("328.0"), a.path("staff.fte").decimalValue(), "scale kept: 328.0");
        assertEquals(new BigDecimal("37.5"), a.path("staff.agency_fte").decimalValue());
        assertEquals(new BigDecimal("162.3"), a.path("caseload.case_holding_fte").decimalValue());
        assertEquals(new BigDecimal("3675"), a.path("flows.absence_days").decimalValue());
        String json = JSON.writeValueAsString(r.body());
        assertTrue(json.contains("\"staff.fte\":328.0"), json);
        assertTrue(json.contains("\"flows.starters_fte\":29.5"), json);
        assertTrue(r.body().path("explanations").isObject());
        assertEquals(0, r.body().path("explanations").size());
    }

    @Test
    void integerColumnsAreJsonIntegers() throws Exception {
        JsonNode a = ReturnMapper.map(row()).body().path("answers");
        for (String key : List.of("staff.headcount", "staff.agency_headcount", "caseload.cases")) {
            assertTrue(a.path(key).isIntegralNumber(), key + " is an integer: " + a.path(key));
        }
        assertEquals(BigInteger.valueOf(349), a.path("staff.headcount").bigIntegerValue());
        assertEquals(BigInteger.valueOf(2801), a.path("caseload.cases").bigIntegerValue());
        assertTrue(JSON.writeValueAsString(a).contains("\"staff.headcount\":349,"));
        // an integer column published as "12.0" is still a whole number; "12.5" is an error, not a rounding
        assertEquals(BigInteger.valueOf(12), ReturnMapper.map(row("cases", "12.0")).body().path("answers").path("caseload.cases").bigIntegerValue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReturnMapper.map(row("cases", "12.5")));
        assertTrue(e.getMessage().contains("caseload.cases"));
    }

    @Test
    void statisticalSymbolsBecomeMissingNeverZero() {
        for (String symbol : List.of("x", "c", "u", "z")) {
            JsonNode a = ReturnMapper.map(row("working_days_lost_fte", symbol, "inpost_headcount", symbol)).body().path("answers");
            assertTrue(a.path("flows.absence_days").isObject(), symbol);
            assertEquals(symbol, a.path("flows.absence_days").path("missing").asText());
            assertEquals(1, a.path("flows.absence_days").size());
            assertEquals(symbol, a.path("staff.headcount").path("missing").asText(), "integer columns too");
        }
    }

    @Test
    void lowBecomesZero() {
        JsonNode answer = ReturnMapper.map(row("agency_fte", "low")).body().path("answers").path("staff.agency_fte");
        assertTrue(answer.isNumber());
        assertEquals(0, answer.intValue());
        JsonNode count = ReturnMapper.map(row("agency_headcount", "low")).body().path("answers").path("staff.agency_headcount");
        assertTrue(count.isIntegralNumber());
        assertEquals(0, count.intValue());
    }

    @Test
    void unknownTextIsAnErrorNotAGuess() {
        assertThrows(IllegalArgumentException.class, () -> ReturnMapper.map(row("cases", "n/a")));
        assertThrows(IllegalArgumentException.class, () -> ReturnMapper.map(row("cases", "")));
        assertThrows(IllegalArgumentException.class, () -> ReturnMapper.map(row("time_period", "2024/25")));
    }

    @Test
    void jointReturnIsFiledUnderTheFirstAuthority() {
        ReturnMapper.DemoReturn r = ReturnMapper.map(row("old_la_code", "314 / 318",
                "new_la_code", "E09000021 / E09000027", "la_name", "Kingston upon Thames / Richmond upon Thames"));
        assertEquals("E09000021", r.authority());
        assertEquals("E06000061", ReturnMapper.authorityCode(" E06000061 / E06000062 "));
        assertThrows(IllegalArgumentException.class, () -> ReturnMapper.authorityCode("937"));
    }

    @Test
    void fteAboveHeadcountIsExplainedAndOnlyThen() {
        JsonNode above = ReturnMapper.map(row("inpost_fte", "368.2", "inpost_headcount", "321")).body();
        assertEquals(ReturnMapper.FTE_ABOVE_HEADCOUNT_EXPLANATION, above.path("explanations").path("staff.fte").asText());
        assertEquals("As published by the DfE: in-post FTE exceeds headcount", ReturnMapper.FTE_ABOVE_HEADCOUNT_EXPLANATION);
        JsonNode equal = ReturnMapper.map(row("inpost_fte", "321.0", "inpost_headcount", "321")).body();
        assertEquals(0, equal.path("explanations").size());
        JsonNode missing = ReturnMapper.map(row("inpost_fte", "x", "inpost_headcount", "321")).body();
        assertEquals(0, missing.path("explanations").size());
    }

    @Test
    void roundBodyFollowsTheContract() throws Exception {
        assertEquals("{\"id\":\"workforce-2024\",\"instrument\":\"workforce-return\",\"title\":\"Workforce return 2024\","
                + "\"period\":\"2024\",\"opensOn\":\"2024-10-01\",\"closesOn\":\"2025-03-31\"}",
                JSON.writeValueAsString(ReturnMapper.round(2024)));
    }

    @Test
    void thePublishedFileMapsCompletely() throws Exception {
        Path csv = Path.of("..", "reference-data", "csww_indicators_2017_to_2025.csv");
        List<ReturnMapper.DemoReturn> returns = DemoLoader.read(csv);
        assertEquals(1355, returns.size(), "every Local authority row");
        Map<Integer, Long> perYear = returns.stream()
                .collect(Collectors.groupingBy(ReturnMapper.DemoReturn::year, Collectors.counting()));
        assertEquals(Set.of(2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025), perYear.keySet());
        // one return per authority and round: joint returns do not collide with their members' own rows
        assertEquals(returns.size(), returns.stream().map(r -> r.roundId() + "/" + r.authority()).distinct().count());
        List<String> explained = returns.stream()
                .filter(r -> r.body().path("explanations").has("staff.fte"))
                .map(r -> r.name() + " " + r.year())
                .sorted()
                .toList();
        assertEquals(List.of("Bromley 2022", "Sunderland 2021", "Warwickshire 2020"), explained);
        for (ReturnMapper.DemoReturn r : returns) {
            for (JsonNode answer : r.body().path("answers")) {
                assertFalse(answer.isNull(), r.name() + " " + r.year());
                assertTrue(answer.isNumber() || ReturnMapper.MISSING_SYMBOLS.contains(answer.path("missing").asText()),
                        r.name() + " " + r.year() + ": " + answer);
            }
        }
    }

    private static Set<String> iterable(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
