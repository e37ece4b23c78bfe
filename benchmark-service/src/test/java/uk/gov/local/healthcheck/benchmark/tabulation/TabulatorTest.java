package uk.gov.local.healthcheck.benchmark.tabulation;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.benchmark.instruments.Question;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TabulatorTest {

    static final Question SINGLE = new Question("s3.cancel_meetings", "s3", "single", null, List.of("a", "b", "c"));
    static final Question MULTI = new Question("s4.safety_support", "s4", "multi", null, List.of("x", "y", "z"));
    static final Question DECIMAL = new Question("s3.average_caseload", "s3", "decimal", null, List.of());

    static BigDecimal oneDp(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP);
    }

    @Test
    void singleChoiceCountsEachOptionInInstrumentOrderOverTheBase() {
        Tabulation t = Tabulator.tabulate(SINGLE, Arrays.asList("b", "a", "a", null, "unknown"));
        assertEquals(4, t.base(), "null is not an answer; an unknown option still answered");
        assertEquals(List.of("a", "b", "c"), t.options().stream().map(Tabulation.OptionCount::option).toList());
        assertEquals(List.of(2, 1, 0), t.options().stream().map(Tabulation.OptionCount::count).toList());
        assertEquals(new BigDecimal("50.0"), oneDp(t.options().get(0).percent()));
        assertEquals(new BigDecimal("25.0"), oneDp(t.options().get(1).percent()));
    }

    @Test
    void percentagesComeFromUnroundedCounts() {
        Tabulation t = Tabulator.tabulate(SINGLE, List.of("a", "b", "b"));
        assertEquals(new BigDecimal("33.3"), oneDp(t.options().get(0).percent()));
        assertEquals(new BigDecimal("66.7"), oneDp(t.options().get(1).percent()));
    }

    @Test
    void multiChoiceCountsEachReturnOncePerOptionAndMaySumPast100() {
        Tabulation t = Tabulator.tabulate(MULTI, List.of(List.of("x", "y", "x"), List.of("x")));
        assertEquals(2, t.base());
        assertEquals(List.of(2, 1, 0), t.options().stream().map(Tabulation.OptionCount::count).toList());
        assertEquals(new BigDecimal("100.0"), oneDp(t.options().get(0).percent()));
    }

    @Test
    void numbersHaveAMeanAndMedianOverTheirBase() {
        Tabulation t = Tabulator.tabulate(DECIMAL, List.of(18, new BigDecimal("20.5"), 16L));
        assertEquals(3, t.base());
        assertEquals(new BigDecimal("18.2"), oneDp(t.mean()));
        assertEquals(0, new BigDecimal("18").compareTo(t.median()));
        assertEquals(0, Tabulator.tabulate(DECIMAL, List.of()).base());
        assertNull(Tabulator.tabulate(DECIMAL, List.of()).mean());
    }

    @Test
    void practitionerSharesPoolCounts() {
        Tabulation t = Tabulator.share("agree", new BigDecimal("13"), new BigDecimal("17"));
        assertEquals(17, t.base());
        assertEquals(new BigDecimal("76.5"), oneDp(t.options().get(0).percent()));
    }
}
