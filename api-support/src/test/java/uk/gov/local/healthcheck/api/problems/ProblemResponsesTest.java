package uk.gov.local.healthcheck.api.problems;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProblemResponsesTest {

    private final ProblemResponses filter = new ProblemResponses();

    @Test
    void an_error_documented_without_content_is_a_problem() {
        Operation operation = operation("404", OASFactory.createAPIResponse().description("Unknown round"));

        APIResponse documented = filter.filterOperation(operation).getResponses().getAPIResponse("404");

        assertEquals("Unknown round", documented.getDescription());
        assertEquals("#/components/schemas/Problem",
                documented.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef());
        assertEquals(Set.of(Problem.MEDIA_TYPE), documented.getContent().getMediaTypes().keySet());
    }

    @Test
    void a_success_and_an_error_with_its_own_content_stay_as_documented() {
        APIResponse csv = OASFactory.createAPIResponse().description("A file")
                .content(OASFactory.createContent().addMediaType("text/csv", OASFactory.createMediaType()));
        Operation operation = operation("200", OASFactory.createAPIResponse().description("OK"));
        operation.getResponses().addAPIResponse("503", csv);

        filter.filterOperation(operation);

        assertNull(operation.getResponses().getAPIResponse("200").getContent());
        assertEquals(Set.of("text/csv"), operation.getResponses().getAPIResponse("503").getContent().getMediaTypes().keySet());
    }

    private static Operation operation(String code, APIResponse response) {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse(code, response));
    }
}
