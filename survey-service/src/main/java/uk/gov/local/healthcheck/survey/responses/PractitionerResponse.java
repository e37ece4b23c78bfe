package uk.gov.local.healthcheck.survey.responses;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One anonymous practitioner response. Deliberately holds nothing about who answered or who sent it. */
@Entity
@Table(name = "practitioner_response")
public class PractitionerResponse extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "practitioner_response_seq")
    @SequenceGenerator(name = "practitioner_response_seq", sequenceName = "practitioner_response_seq", allocationSize = 50)
    public Long id;
    @Column(name = "round_id")
    public String roundId;
    /** The submitting system's opaque id for the response, unique in the round; makes resubmission safe. */
    @Column(name = "response_id")
    public String responseId;
    @Column(name = "authority_code")
    public String authorityCode;
    public String answers;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
