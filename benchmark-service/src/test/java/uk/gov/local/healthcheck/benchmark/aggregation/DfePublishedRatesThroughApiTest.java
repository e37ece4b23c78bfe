package uk.gov.local.healthcheck.benchmark.aggregation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.benchmark.api.EventPublisher;
import uk.gov.local.healthcheck.benchmark.aggregation.DfePublishedRatesReconciliationTest.Key;
import uk.gov.local.healthcheck.benchmark.aggregation.DfePublishedRatesReconciliationTest.Measure;
import uk.gov.local.healthcheck.benchmark.support.WithKafkaAndPostgres;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * "Correct to the published figures", through the whole service: every Local authority row of the DfE's CSWW file
 * (2017–2025) becomes one {@code AuthorityIndicators} event per authority and year, with the indicators built by
 * metrics-service's formulas (numerator / denominator; absence over 253 working days, 254 in 2020 and 2024), and is
 * published to the real broker. The service consumes them into PostgreSQL, and England's and every region's pooled
 * turnover, agency, vacancy, absence and caseload are read back over REST and compared with the published National
 * and Regional rows to 0.1. The exceptions, and their reasons, are exactly those of
 * {@link DfePublishedRatesReconciliationTest} (which proves them against the aggregation directly): each must still
 * disagree here, so neither list can go stale.
 */
@QuarkusTest
@WithKafkaAndPostgres
class DfePublishedRatesThroughApiTest {

    static final String INSTRUMENT = "workforce-return";
    static final String PREFIX = "dfe-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    static final Duration WAIT = Duration.ofSeconds(120);

    /** Expected national n per (year, measure): the authority rows with a value. */
    static final Map<String, Integer> expectedN = new LinkedHashMap<>();
    static int events;

    static String roundOf(int year) {
        return PREFIX + year;
    }

    @BeforeAll
    static void publishTheDfeFile() throws Exception {
        DfePublishedRatesReconciliationTest.load();
        RestAssured.config = RestAssured.config().jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        try (EventPublisher publisher = new EventPublisher()) {
            for (int year : DfePublishedRatesReconciliationTest.years()) {
                for (Measure m : Measure.values()) {
                    expectedN.put(year + " " + m.indicatorId, (int) DfePublishedRatesReconciliationTest.valuesByAuthority(year, m)
                            .values().stream().filter(v -> !v.isMissing()).count());
                }
                for (CSVRecord row : DfePublishedRatesReconciliationTest.authorityRows(year).toList()) {
                    publisher.publish(event(year, row));
                    events++;
                }
            }
            publisher.flush();
        }
    }

    /** One authority's year as metrics-service would publish it. */
    public static AuthorityIndicators event(int year, CSVRecord row) {
        List<IndicatorValue> values = new ArrayList<>();
        for (Measure m : Measure.values()) {
            IndicatorValue v = DfePublishedRatesReconciliationTest.indicatorValue(row, m);
            values.add(new IndicatorValue(v.indicatorId(), v.value(), v.numerator(), v.denominator(), v.scale(),
                    v.missingInputs(), v.isMissing() ? "missing inputs" : null, "lower-is-better",
                    m.scale == 100 ? "percent" : "number"));
        }
        return new AuthorityIndicators(PREFIX + year, INSTRUMENT, Integer.toString(year),
                DfePublishedRatesReconciliationTest.gssCode(row), 1, false, OffsetDateTime.now(), values, 1, null, null, null);
    }

    static JsonPath awaitComplete(int year, Measure m) {
        int n = expectedN.get(year + " " + m.indicatorId);
        String path = "/api/v1/benchmarks/" + PREFIX + year + "/indicators/" + m.indicatorId;
        Instant deadline = Instant.now().plus(WAIT);
        Response last;
        do {
            last = given().get(path);
            if (last.statusCode() == 200 && last.jsonPath().getInt("national.n") == n) {
                return last.jsonPath();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        } while (Instant.now().isBefore(deadline));
        fail("Timed out waiting for " + path + " to reach n=" + n + ": " + last.statusCode() + " " + last.asString());
        return null;
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void englandAndEveryRegionEqualThePublishedRatesThroughTheApi() {
        assertTrue(events > 1300, "events published: " + events);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        int exceptions = 0;
        for (int year : DfePublishedRatesReconciliationTest.years()) {
            for (Measure m : Measure.values()) {
                JsonPath json = awaitComplete(year, m);
                Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
                groups.put(DfePublishedRatesReconciliationTest.ENGLAND, json.getMap("national"));
                for (Map<String, Object> region : json.<Map<String, Object>>getList("regions")) {
                    groups.put((String) region.get("code"), region);
                }
                assertEquals(10, groups.size());
                for (var e : groups.entrySet()) {
                    compared++;
                    String name = year + " " + m.indicatorId + " " + e.getKey();
                    Map<String, Object> g = e.getValue();
                    BigDecimal numerator = new BigDecimal(g.get("numerator").toString());
                    BigDecimal denominator = new BigDecimal(g.get("denominator").toString());
                    BigDecimal pooled = numerator.multiply(BigDecimal.valueOf(m.scale)).divide(denominator, MathContext.DECIMAL128);
                    BigDecimal shown = new BigDecimal(g.get("value").toString());
                    if (shown.compareTo(pooled.setScale(1, RoundingMode.HALF_UP)) != 0) {
                        failures.add(name + ": value " + shown + " is not the pooled " + pooled + " to 1 dp");
                    }
                    BigDecimal published = DfePublishedRatesReconciliationTest.published(year, m, e.getKey());
                    BigDecimal deviation = pooled.subtract(published).abs();
                    String reason = DfePublishedRatesReconciliationTest.EXCEPTIONS.get(new Key(year, m, e.getKey()));
                    if (reason == null && deviation.compareTo(DfePublishedRatesReconciliationTest.TOLERANCE) > 0) {
                        failures.add(name + ": " + shown + " vs published " + published);
                    } else if (reason != null) {
                        exceptions++;
                        if (deviation.compareTo(DfePublishedRatesReconciliationTest.TOLERANCE) <= 0) {
                            failures.add(name + " is a listed exception but agrees: remove it");
                        }
                        System.out.printf("Exception %s: API %s vs published %s. %s%n", name, shown, published, reason);
                    }
                }
            }
        }
        assertEquals(450, compared);
        assertEquals(12, exceptions);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
