package uk.gov.local.healthcheck.metrics.store;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link AuthorityRoundState}: one state per (round, authority). */
public class StateKey implements Serializable {

    public String roundId;
    public String authorityCode;

    public StateKey() {
    }

    public StateKey(String roundId, String authorityCode) {
        this.roundId = roundId;
        this.authorityCode = authorityCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateKey k && Objects.equals(roundId, k.roundId) && Objects.equals(authorityCode, k.authorityCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roundId, authorityCode);
    }
}
