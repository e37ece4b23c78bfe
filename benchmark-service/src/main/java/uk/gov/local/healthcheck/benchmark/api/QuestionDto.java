package uk.gov.local.healthcheck.benchmark.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question tabulated over the round's submitted returns, overall and (with {@code ?by=}) per group. Shape of
 * the 2018 national report's tables.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "QuestionTable")
public record QuestionDto(
        String round,
        String question,
        @Schema(description = "single, multi, integer, decimal, or likert (practitioner share agreeing)") String type,
        String text,
        @Schema(description = "returns that answered (respondents, for practitioner shares)") Integer base,
        List<OptionDto> options,
        BigDecimal mean,
        BigDecimal median,
        @Schema(description = "\"c\" when withheld by disclosure control") String suppressed,
        String reason,
        @Schema(description = "councilType or region when grouped") String by,
        List<GroupTableDto> groups) {

    /** @param low true when the percentage is not 0 but rounds to 0.0 (then {@code percent} is null) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionDto(String option, int count, BigDecimal percent, Boolean low) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupTableDto(
            @Schema(example = "Shire County") String group,
            @Schema(example = "councilType:shire-county") String code,
            Integer base,
            List<OptionDto> options,
            BigDecimal mean,
            BigDecimal median,
            String suppressed,
            String reason) {
    }
}
