package uk.gov.local.healthcheck.benchmark.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;

/**
 * An operation that produces {@value Csv#MEDIA_TYPE} as well as JSON (written by {@link CsvBodyWriter}) returns one DTO,
 * so the generated OpenAPI would give its CSV the DTO's JSON schema; here, once, it becomes what it is: text.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class CsvContent implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().values().stream()
                    .filter(response -> response.getContent() != null && response.getContent().hasMediaType(Csv.MEDIA_TYPE))
                    .forEach(response -> response.getContent().addMediaType(Csv.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema()
                                    .type(List.of(Schema.SchemaType.STRING))
                                    .description("RFC 4180 CSV with a header row"))));
        }
        return operation;
    }
}
