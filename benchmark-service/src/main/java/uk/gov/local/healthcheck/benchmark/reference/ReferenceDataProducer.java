package uk.gov.local.healthcheck.benchmark.reference;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

/** Makes the (immutable) register a CDI bean; the register itself stays a plain class so unit tests need no container. */
public class ReferenceDataProducer {

    @Produces
    @Singleton
    AuthorityRegister authorityRegister() {
        return AuthorityRegister.fromClasspath();
    }
}
