package uk.gov.local.healthcheck.benchmark.grouping;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

/** Builds the catalog once from the register bean. */
public class GroupCatalogProducer {

    @Produces
    @Singleton
    GroupCatalog groupCatalog(AuthorityRegister register) {
        return GroupCatalog.from(register);
    }
}
