package uk.gov.local.healthcheck.metrics.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "round_id")
    public String roundId;

    @Id
    @Column(name = "authority_code")
    public String authorityCode;

    @Id
    @Column(name = "indicator_id")
    public String indicatorId;

    public int position;

    public BigDecimal value;
    public BigDecimal numerator;
    public BigDecimal denominator;
    public int scale;

    /** Comma-separated question ids; a question id never contains a comma. */
    @Column(name = "missing_inputs")
    public String missingInputs;

    @Column(name = "missing_reason")
    public String missingReason;
}
