package uk.gov.local.healthcheck.survey.web;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The size limit of single-document bodies (rounds, returns, responses); batches have the transport's larger one. */
@ApplicationScoped
public class BodyLimits {

    private final long maxDocument;

    public BodyLimits(@ConfigProperty(name = "survey.limits.max-body-size") MemorySize maxDocument) {
        this.maxDocument = maxDocument.asLongValue();
    }

    public long maxDocument() {
        return maxDocument;
    }
}
