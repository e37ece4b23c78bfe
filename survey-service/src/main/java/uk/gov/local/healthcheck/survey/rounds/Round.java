package uk.gov.local.healthcheck.survey.rounds;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A collection round: one version of one instrument, collected for one period (e.g. workforce-2024). */
@Entity
@Table(name = "round")
public class Round extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    @Id
    public String id;
    public String instrument;
    @Column(name = "instrument_version")
    public int instrumentVersion;
    public String title;
    /** "2024" (the year to 30 September) or "2019-Q1". */
    public String period;
    /** Fingerprint of the instrument definition when the round was created; it must never change after. */
    @Column(name = "instrument_sha256")
    public String instrumentSha256;
    @Column(name = "opens_on")
    public LocalDate opensOn;
    @Column(name = "closes_on")
    public LocalDate closesOn;
    public String status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    /** The reporting year the period falls in, which decides which authorities existed. */
    public int year() {
        return Integer.parseInt(period.substring(0, 4));
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }
}
