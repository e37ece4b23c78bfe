package uk.gov.local.healthcheck.metrics.store;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link StoredIndicator}. */
public class IndicatorKey implements Serializable {

    public String roundId;
    public String authorityCode;
    public String indicatorId;

    public IndicatorKey() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorKey k && Objects.equals(roundId, k.roundId)
                && Objects.equals(authorityCode, k.authorityCode) && Objects.equals(indicatorId, k.indicatorId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roundId, authorityCode, indicatorId);
    }
}
