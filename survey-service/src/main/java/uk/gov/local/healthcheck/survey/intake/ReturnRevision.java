package uk.gov.local.healthcheck.survey.intake;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "round_id")
    public String roundId;
    @Column(name = "authority_code")
    public String authorityCode;
    public int revision;
    public String status;
    /** Normalised answers as JSON text. */
    public String answers;
    /** Explanations of confirmed rule breaks as JSON text. */
    public String explanations;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
