package uk.gov.local.healthcheck.survey.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an endpoint whose every call, whatever its outcome, is written to the audit trail under this action name. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {
    /** The action in the domain's words, e.g. {@code return.put}. */
    String value();
}
