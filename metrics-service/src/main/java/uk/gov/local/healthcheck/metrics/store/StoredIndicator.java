package uk.gov.local.healthcheck.metrics.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** One indicator of the current state of a (round, authority). */
@Entity
@Table(name = "authority_indicator")
@IdClass(IndicatorKey.class)
public class StoredIndicator extends PanacheEntityBase {

    /** Between the question ids of {@link #missingInputs}. */
    public static final String SEPARATOR = ",";

    @Id
    public String roundId;

    @Id
    public String authorityCode;

    @Id
    public String indicatorId;

    public int position;

    public BigDecimal value;
    public BigDecimal numerator;
    public BigDecimal denominator;
    public int scale;

    /** Comma-separated question ids; a question id never contains a comma. */
    public String missingInputs;
    public String missingReason;
}
