package uk.gov.local.healthcheck.survey.intake;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One revision of an authority's return to a round. Rows are only ever added; the highest revision is current. */
@Entity
@Table(name = "return_revision")
public class ReturnRevision extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String SUBMITTED = "submitted";
    public static final String WITHDRAWN = "withdrawn";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String roundId;
    public String authorityCode;
    public int revision;
    public String status;
    /** Normalised answers as JSON text. */
    public String answers;
    /** Explanations of confirmed rule breaks as JSON text. */
    public String explanations;
    public String contentHash;
    public OffsetDateTime createdAt;
    public String createdBy;
}
