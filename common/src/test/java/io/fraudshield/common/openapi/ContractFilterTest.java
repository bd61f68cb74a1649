package io.fraudshield.common.openapi;

import io.fraudshield.common.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractFilterTest {

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }

    private static OpenAPI api(String path, Operation post) {
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                        .addSchema("Thing", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                        .addSchema("Unused", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)))
                .paths(OASFactory.createPaths().addPathItem(path, OASFactory.createPathItem().POST(post)));
    }

    private static Operation write(String operationId, APIResponse created) {
        return OASFactory.createOperation().operationId(operationId)
                .addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType(
                        "application/json", OASFactory.createMediaType().schema(ref("Thing")))))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"))
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", created));
    }

    private static APIResponse typed() {
        return OASFactory.createAPIResponse().description("made").content(OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType().schema(ref("Thing"))));
    }

    @Test
    void aContractWithoutOperationIdsUntypedBodiesOrIdempotencyKeysIsNotProduced() {
        OpenAPI api = api("/v1/things", write(null, OASFactory.createAPIResponse().description("made")
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema())))));
        api.getPaths().getPathItem("/v1/things").PUT(OASFactory.createOperation().operationId("replaceThing")
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", typed())));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new ContractFilter().filterOpenAPI(api));
        assertTrue(refused.getMessage().contains("POST /v1/things: no operationId"), refused.getMessage());
        assertTrue(refused.getMessage().contains("POST /v1/things: 201 application/json has no schema"), refused.getMessage());
        assertTrue(refused.getMessage().contains("PUT /v1/things: a write without an Idempotency-Key"), refused.getMessage());
    }

    @Test
    void aWriteGetsARequiredKeyLocationReplayHeaderAndEveryProblemItCanAnswer() {
        OpenAPI api = api("/v1/things", write("makeThing", typed()));
        new ContractFilter().filterOpenAPI(api);

        Operation operation = api.getPaths().getPathItem("/v1/things").getPOST();
        assertTrue(operation.getParameters().get(0).getRequired());
        APIResponse created = operation.getResponses().getAPIResponse("201");
        assertTrue(created.getHeaders().get("Location").getRequired());
        assertNotNull(created.getHeaders().get("Idempotent-Replayed"));
        assertEquals(List.of("201", "400", "401", "403", "404", "406", "409", "411", "413", "415", "422", "500", "503",
                        "default"),
                List.copyOf(operation.getResponses().getAPIResponses().keySet()));
        assertEquals("#/components/responses/Problem409", operation.getResponses().getAPIResponse("409").getRef());
        assertNotNull(api.getComponents().getResponses().get("Problem503").getHeaders().get("Retry-After"));
        APIResponse conflict = api.getComponents().getResponses().get("Problem409");
        for (ProblemType type : ProblemType.values()) {
            if (type.status() == 409) {
                assertTrue(conflict.getDescription().contains(type.uri()), type + " listed");
                assertTrue(api.getComponents().getExamples().containsKey(type.uri().substring(ProblemType.BASE_URI.length())));
            }
        }
        assertEquals("#/components/schemas/Problem", conflict.getContent().getMediaType("application/problem+json")
                .getSchema().getRef());
        assertFalse(api.getComponents().getSchemas().containsKey("Unused"), "schemas no operation reaches are dropped");
        assertTrue(api.getInfo().getDescription().contains("docs/api-compatibility.md"));
        assertNotNull(api.getInfo().getLicense());
        assertNotNull(api.getInfo().getContact());
    }

    @Test
    void aQueryPostedInABodyNeedsNoKeyWhenMarkedReadOnly() {
        Operation query = OASFactory.createOperation().operationId("findThings")
                .addExtension(ContractFilter.READ_ONLY_EXTENSION, true)
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", typed()));
        OpenAPI api = api("/v1/thing-queries", query);
        new ContractFilter().filterOpenAPI(api);
        assertFalse(query.getResponses().hasAPIResponse("409"), "no idempotency conflicts on a query");
        assertFalse(query.getResponses().hasAPIResponse("401"), "not secured, so no 401");
    }
}
