package uk.gov.local.healthcheck.api.problems;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every 4xx and 5xx answer of the platform's APIs is a {@link Problem} (docs/errors.md), so the OpenAPI documents say
 * so here, once, rather than on every operation: an error response documented without content gets
 * {@code application/problem+json} with the Problem schema. Operations document only the code and what it means.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((code, response) -> {
                if (isError(code) && response.getRef() == null && isEmpty(response)) {
                    response.setContent(problemContent());
                }
            });
        }
        return operation;
    }

    static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static boolean isEmpty(APIResponse response) {
        return response.getContent() == null || response.getContent().getMediaTypes().isEmpty();
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }
}
