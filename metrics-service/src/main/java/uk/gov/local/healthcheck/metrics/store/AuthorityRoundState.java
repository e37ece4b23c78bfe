package uk.gov.local.healthcheck.metrics.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

/** The highest revision applied for one (round, authority), and whether the return stands or was withdrawn. */
@Entity
@Table(name = "authority_round_state")
@IdClass(StateKey.class)
public class AuthorityRoundState extends PanacheEntityBase {

    @Id
    public String roundId;

    @Id
    public String authorityCode;

    public String instrument;
    public String period;
    public int revision;
    public boolean withdrawn;
    public Instant computedAt;
    public String sourceEventId;
    public Integer instrumentVersion;
    public Boolean consentNamed;

    /** JSON object of the tabulated answers (returns). */
    public String answers;

    /** JSON object of word counts (practitioner survey). */
    public String words;
}
