package io.fraudshield.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://fraudshield.io/problems/validation") String type,
        @Schema(example = "The request is not valid") String title,
        @Schema(example = "400") int status,
        String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Invalid fields, for validation problems") List<FieldError> errors) {
}
