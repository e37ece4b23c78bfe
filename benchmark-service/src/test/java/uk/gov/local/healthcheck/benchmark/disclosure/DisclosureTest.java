package uk.gov.local.healthcheck.benchmark.disclosure;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.benchmark.disclosure.SecondarySuppression.Cell;
import uk.gov.local.healthcheck.benchmark.disclosure.SecondarySuppression.Partition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisclosureTest {

    static Cell cell(String key, String... members) {
        return new Cell(key, Set.of(members), null, DisclosureRules.primary(members.length, null));
    }

    @Test
    void primaryThresholds() {
        assertNull(DisclosureRules.primary(0, null));
        assertEquals(DisclosureRules.FEW_AUTHORITIES, DisclosureRules.primary(2, null));
        assertNull(DisclosureRules.primary(3, null));
        assertEquals(DisclosureRules.FEW_RESPONDENTS, DisclosureRules.primary(3, new BigDecimal("9")));
        assertNull(DisclosureRules.primary(3, new BigDecimal("10")));
    }

    @Test
    void aPercentageThatRoundsToZeroButIsNotZeroIsLow() {
        assertTrue(DisclosureRules.isLow(new BigDecimal("0.04")));
        assertFalse(DisclosureRules.isLow(new BigDecimal("0.05")));
        assertFalse(DisclosureRules.isLow(BigDecimal.ZERO));
        assertFalse(DisclosureRules.isLow(null));
    }

    @Test
    void oneHiddenPartIsProtectedByHidingTheSmallestShownPart() {
        List<Cell> cells = List.of(cell("all", "a", "b", "c", "d", "e", "f", "g", "h", "i"),
                cell("r1", "a", "b"), cell("r2", "c", "d", "e"), cell("r3", "f", "g", "h", "i"), cell("r4"));
        Map<String, String> s = SecondarySuppression.apply(cells, List.of(new Partition("all", List.of("r1", "r2", "r3", "r4"))));
        assertEquals(DisclosureRules.FEW_AUTHORITIES, s.get("r1"));
        assertEquals(DisclosureRules.SECONDARY, s.get("r2"), "the smallest shown non-empty part");
        assertFalse(s.containsKey("r3"));
        assertFalse(s.containsKey("r4"), "an empty part discloses nothing");
        assertFalse(s.containsKey("all"));
    }

    @Test
    void hiddenPartsThatTogetherReachTheThresholdNeedNoMore() {
        List<Cell> cells = List.of(cell("all", "a", "b", "c", "d", "e", "f"),
                cell("r1", "a", "b"), cell("r2", "c"), cell("r3", "d", "e", "f"));
        Map<String, String> s = SecondarySuppression.apply(cells, List.of(new Partition("all", List.of("r1", "r2", "r3"))));
        assertEquals(Set.of("r1", "r2"), s.keySet());
    }

    @Test
    void aHiddenParentIsProtectedFromTheSumOfItsParts() {
        List<Cell> cells = List.of(cell("all", "a", "b", "c", "d", "e", "f"), cell("london", "a", "b"),
                cell("inner", "a"), cell("outer", "b"), cell("rest", "c", "d", "e", "f"));
        Map<String, String> s = SecondarySuppression.apply(cells, List.of(
                new Partition("all", List.of("london", "rest")), new Partition("london", List.of("inner", "outer"))));
        assertTrue(s.keySet().containsAll(Set.of("london", "inner", "outer", "rest")), s.toString());
    }

    @Test
    void groupsWithTheSameContributorsShareSuppression() {
        List<Cell> cells = List.of(cell("all", "a", "b", "c", "d", "e", "f", "g"), cell("r1", "a"),
                cell("r2", "b", "c", "d"), cell("r3", "e", "f", "g"), cell("type", "b", "c", "d"));
        Map<String, String> s = SecondarySuppression.apply(cells, List.of(new Partition("all", List.of("r1", "r2", "r3"))));
        assertTrue(s.containsKey("r2"));
        assertEquals(DisclosureRules.SECONDARY, s.get("type"));
    }

    @Test
    void respondentBasesAddUpAcrossHiddenParts() {
        List<Cell> cells = List.of(
                new Cell("all", Set.of("a", "b", "c", "d", "e", "f", "g", "h", "i"), new BigDecimal("40"), null),
                new Cell("r1", Set.of("a", "b", "c"), new BigDecimal("6"), DisclosureRules.FEW_RESPONDENTS),
                new Cell("r2", Set.of("d", "e", "f"), new BigDecimal("12"), null),
                new Cell("r3", Set.of("g", "h", "i"), new BigDecimal("22"), null));
        Map<String, String> s = SecondarySuppression.apply(cells, List.of(new Partition("all", List.of("r1", "r2", "r3"))));
        assertEquals(Set.of("r1", "r2"), s.keySet());
    }
}
