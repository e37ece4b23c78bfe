package uk.gov.local.healthcheck.benchmark.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure ranking rules. Ranks use "standard competition" ranking (1, 2, 2, 4): 1 is the best by polarity and tied
 * authorities share the lower (better) rank. Values are compared unrounded.
 */
public final class Ranking {

    private Ranking() {
    }

    /** Ranks of the given values; empty when the polarity is {@link Polarity#NEITHER}. */
    public static Map<String, Integer> ranks(Map<String, BigDecimal> values, Polarity polarity) {
        Map<String, Integer> ranks = new HashMap<>();
        if (polarity == Polarity.NEITHER) {
            return ranks;
        }
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(values.entrySet());
        sorted.removeIf(e -> e.getValue() == null);
        sorted.sort((x, y) -> polarity.better(y.getValue(), x.getValue()));
        for (int i = 0; i < sorted.size(); i++) {
            boolean tiedWithPrevious = i > 0 && sorted.get(i).getValue().compareTo(sorted.get(i - 1).getValue()) == 0;
            ranks.put(sorted.get(i).getKey(), tiedWithPrevious ? ranks.get(sorted.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }

    /**
     * Quartile band against a group's quartiles: A = the best quarter … D = the worst, by polarity. A value on a
     * quartile boundary takes the better band. Null for {@link Polarity#NEITHER} or when there are no quartiles.
     */
    public static String band(BigDecimal value, BigDecimal lowerQuartile, BigDecimal median, BigDecimal upperQuartile,
                              Polarity polarity) {
        if (value == null || median == null || polarity == Polarity.NEITHER) {
            return null;
        }
        BigDecimal best = polarity == Polarity.HIGHER_IS_BETTER ? upperQuartile : lowerQuartile;
        BigDecimal worst = polarity == Polarity.HIGHER_IS_BETTER ? lowerQuartile : upperQuartile;
        if (polarity.better(value, best) >= 0) {
            return "A";
        }
        if (polarity.better(value, median) >= 0) {
            return "B";
        }
        if (polarity.better(value, worst) >= 0) {
            return "C";
        }
        return "D";
    }

    /** The direction of travel from one round to the next. */
    public enum Direction {
        IMPROVING("improving"), WORSENING("worsening"), NO_CHANGE("no change");

        private final String wire;

        Direction(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /**
     * The change as published (both values at 1 dp, so a reader's own subtraction agrees) and its direction by
     * polarity: a change that rounds to 0.0 is no change. Null when either value is missing or the polarity is
     * neither.
     */
    public static Direction direction(BigDecimal current, BigDecimal previous, Polarity polarity) {
        BigDecimal change = change(current, previous);
        if (change == null || polarity == Polarity.NEITHER) {
            return null;
        }
        if (change.signum() == 0) {
            return Direction.NO_CHANGE;
        }
        return polarity.better(change, BigDecimal.ZERO) > 0 ? Direction.IMPROVING : Direction.WORSENING;
    }

    /** current − previous, each rounded to 1 dp first (HALF_UP); null when either is missing. */
    public static BigDecimal change(BigDecimal current, BigDecimal previous) {
        if (current == null || previous == null) {
            return null;
        }
        return current.setScale(1, RoundingMode.HALF_UP).subtract(previous.setScale(1, RoundingMode.HALF_UP));
    }
}
