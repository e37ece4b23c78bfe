package uk.gov.local.healthcheck.survey.audit;

import java.time.OffsetDateTime;

public record AuditView(long id, OffsetDateTime at, String subject, String clientId, String action, String method,
                        String path, String authorityCode, int status, String detail) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.at, e.subject, e.clientId, e.action, e.method, e.path, e.authorityCode, e.status, e.detail);
    }
}
