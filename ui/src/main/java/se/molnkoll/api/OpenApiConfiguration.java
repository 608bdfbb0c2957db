package se.molnkoll.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

import java.util.Arrays;

/** The OpenAPI document at /v3/api-docs and Swagger UI at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI molnkollOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Molnkoll API").version("1")
                        .description("Evidence for the 42 security measures of the routine "
                                + "\"Informationssäkerhet för extern molntjänst\" per external cloud service."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** The answers every endpoint can give besides its own success, and the 202 every command can give. */
    @Bean
    OperationCustomizer standardAnswers() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            boolean command = handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class);
            boolean namesAService = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
            if (command) {
                responses.addApiResponse("202", new ApiResponse()
                        .description("Recorded, but the read models do not show it yet; no body unless it is an id")
                        .addHeaderObject(Commands.READ_YOUR_WRITES_HEADER, new Header()
                                .schema(new StringSchema()._enum(java.util.List.of(Commands.NOT_CONFIRMED)))));
                responses.addApiResponse("409", problem("The command breaks a rule; `violations` lists each; nothing was recorded"));
            }
            boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
            if (command || hasParameters || namesAService) {
                responses.addApiResponse("400", problem("Invalid input; `errors` names each bad field"));
            }
            if (namesAService) {
                responses.addApiResponse("404", problem("No such cloud service (or evidence)"));
            }
            responses.addApiResponse("401", problem("Not signed in"));
            responses.addApiResponse("403", problem("The role may not do this"));
            return operation;
        };
    }

    /** RFC 9457 problem details, with Molnkoll's lists of bad fields and broken rules. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri").example("urn:molnkoll:problem:invalid-input"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema().example("phases[1]"))
                        .addProperty("message", new StringSchema())))
                .addProperty("violations", new ArraySchema().items(new ObjectSchema()
                        .addProperty("rule", new StringSchema().example("ACQUIRE_MEASURES_OPEN"))
                        .addProperty("message", new StringSchema())
                        .addProperty("measures", new ArraySchema().items(new ObjectSchema()
                                .addProperty("measureId", new IntegerSchema())
                                .addProperty("phase", new StringSchema())))));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
