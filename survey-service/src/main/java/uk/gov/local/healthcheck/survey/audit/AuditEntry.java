package uk.gov.local.healthcheck.survey.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One audited write. Rows are only ever added. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime at;
    /** The token's subject; null when the request carried no valid token. */
    public String subject;
    public String clientId;
    public String action;
    public String method;
    public String path;
    public String authorityCode;
    public int status;
    public String detail;
}
