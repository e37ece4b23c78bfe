package uk.gov.local.healthcheck.survey.responses;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One anonymous practitioner response. Deliberately holds nothing about who answered or who sent it. */
@Entity
@Table(name = "practitioner_response")
public class PractitionerResponse extends PanacheEntityBase {

    /**
     * Rows are only ever written, and read back, in SQL by {@link ResponseBatchWriter} and {@link ResponseService},
     * with ids from {@link IdBlocks}; the entity is for the rounds' progress counts, which count them with the returns.
     */
    @Id
    public Long id;
    public String roundId;
    /** The submitting system's opaque id for the response, unique in the round; makes resubmission safe. */
    public String responseId;
    public String authorityCode;
    public String answers;
    public String contentHash;
    public OffsetDateTime receivedAt;
}
