package uk.gov.local.healthcheck.survey.rounds;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public int instrumentVersion;
    public String title;
    /** "2024" (the year to 30 September) or "2019-Q1". */
    public String period;
    /** Fingerprint of the instrument definition when the round was created; it must never change after. */
    public String instrumentSha256;
    public LocalDate opensOn;
    public LocalDate closesOn;
    public String status;
    public OffsetDateTime createdAt;
    public String createdBy;

    /** The reporting year the period falls in, which decides which authorities existed. */
    public int year() {
        return Integer.parseInt(period.substring(0, 4));
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }
}
