package uk.gov.local.healthcheck.survey.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * What a request's handling wants the audit trail to say beyond what the request itself shows: the authority a
 * body named, the revision stored, a batch's counts.
 */
@RequestScoped
public class AuditNote {

    private String authorityCode;
    private String detail;

    public void authority(String code) {
        this.authorityCode = code;
    }

    public void detail(String text) {
        this.detail = text;
    }

    String authorityCode() {
        return authorityCode;
    }

    String detail() {
        return detail;
    }
}
