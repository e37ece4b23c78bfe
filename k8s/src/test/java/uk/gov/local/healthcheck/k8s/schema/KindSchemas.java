package uk.gov.local.healthcheck.k8s.schema;

import java.util.List;

/** The schemas of a family of kinds, from one source, and the check of manifests against them. */
public interface KindSchemas {

    /** Where the schemas come from, for a reader of a refusal. */
    String source();

    boolean covers(String apiVersion, String kind);

    /** Every refusal for the given manifests, all of kinds this family covers; none when each is valid. */
    List<Refusal> check(List<Manifest> manifests);
}
