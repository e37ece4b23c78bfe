package uk.gov.local.healthcheck.metrics.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

/** The reference module's authority register (GSS code -> region, for RIA analysts' region scoping), read once. */
public class AuthorityRegisterProducer {

    @Produces
    @Singleton
    AuthorityRegister authorityRegister() {
        return AuthorityRegister.fromClasspath();
    }
}
