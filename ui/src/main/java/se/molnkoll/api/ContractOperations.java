package se.molnkoll.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import se.molnkoll.security.ApiAccess;
import se.molnkoll.security.Role;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every operation of the document answers besides its own success, from what the server does:
 * the problems it can send (400 for bad input, 401, 403, 404 for an unknown service, 406 for an Accept
 * it cannot serve, 409 for a broken rule, 413/415 for a body, 500, 503), the headers on them, the
 * 202 of a command the read models cannot show yet, the path parameters' format, and the roles that
 * may call it, taken from {@link ApiAccess}, the table the security chain enforces.
 */
@Component
class ContractOperations implements OpenApiCustomizer {

    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String RETRY_AFTER = "Retry-After";
    static final String ROLES = "x-molnkoll-roles";
    static final String ROLES_FOR_ANOTHER_MOMENT = "x-molnkoll-roles-for-another-moment";
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI document) {
        nullableObjects(document.getComponents().getSchemas());
        document.setSecurity(OpenApiConfiguration.signedIn());
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> contract(path, HttpMethod.valueOf(method.name()), operation)));
    }

    private void contract(String path, HttpMethod method, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.stream().filter(p -> "path".equals(p.getIn())).forEach(p -> pathParameter(p, path));
        parameters.stream().filter(p -> "query".equals(p.getIn())).forEach(p -> QueryParameters.shape(p, operation.getOperationId()));
        boolean command = (method == HttpMethod.POST || method == HttpMethod.PUT)
                && (path.startsWith("/api/services") || path.startsWith("/api/vendors"));
        boolean body = operation.getRequestBody() != null;
        ApiResponses responses = operation.getResponses();
        if (DocumentController.DOWNLOAD.equals(operation.getOperationId())) {
            responses.put("200", DocumentController.downloaded());
        }
        if (command) {
            responses.putIfAbsent("202", new ApiResponse()
                    .description("Recorded, but the read models do not show it yet: no body")
                    .addHeaderObject(Commands.READ_YOUR_WRITES_HEADER, readYourWrites()));
            responses.putIfAbsent("409", problem("The command breaks a rule (`violations` lists each), or another "
                    + "change of the same service came first (send it again after Retry-After); nothing was recorded")
                    .addHeaderObject(RETRY_AFTER, retryAfter()));
        }
        if (method == HttpMethod.POST && (path.equals("/api/admin/review-schedule") || path.equals("/api/admin/country-rules"))) {
            responses.putIfAbsent("409", problem("The change breaks a rule (`violations` lists each); nothing was recorded")
                    .addHeaderObject(RETRY_AFTER, retryAfter()));
        }
        // any operation refuses a query parameter it does not take
        responses.putIfAbsent("400", problem("Invalid input: `errors` names each bad field or parameter; nothing was recorded"));
        if (path.contains("{id}")) {
            responses.putIfAbsent("404", problem(path.startsWith("/api/vendors") ? "No such vendor, or sub-processor, at the moment asked about"
                    : "No such cloud service, or evidence, at the moment asked about"));
        }
        if (body) {
            responses.putIfAbsent("413", problem("The body is larger than the limit; nothing was read or recorded"));
            responses.putIfAbsent("415", problem("The body is not of a media type this operation takes"));
        }
        responses.putIfAbsent("401", problem("Not signed in, or the sign-in failed")
                .addHeaderObject("WWW-Authenticate", new Header().required(true)
                        .description("How to sign in: Basic realm=\"Molnkoll\" (Bearer when a token was refused)")
                        .schema(new StringSchema())));
        responses.putIfAbsent("403", problem("The signed-in user's roles may not do this (see x-molnkoll-roles)"));
        responses.putIfAbsent("406", problem("The Accept header asks for a media type this operation cannot answer with"));
        responses.putIfAbsent("500", problem("Molnkoll failed; the problem says no more than that"));
        responses.putIfAbsent("503", problem("The database or the instance that records cannot be reached now")
                .addHeaderObject(RETRY_AFTER, retryAfter()));
        responses.values().forEach(response -> response.addHeaderObject(CORRELATION_ID,
                new Header().$ref("#/components/headers/" + CORRELATION_ID)));
        roles(path, method, operation, parameters);
        sort(operation);
    }

    /**
     * Makes the objects that may be null where they are referenced nullable where they are defined (see
     * {@link ContractSchemas}), after checking that every reference to them may be null: else the
     * document would let a null through where the server never sends one.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableObjects(Map<String, Schema> components) {
        Set<String> nullable = new java.util.TreeSet<>();
        Map<String, String> references = new java.util.TreeMap<>();
        components.forEach((owner, schema) -> {
            if (schema.getProperties() == null) return;
            ((Map<String, Schema>) schema.getProperties()).forEach((name, property) -> {
                Schema referring = property.get$ref() != null ? property : property.getItems();
                if (referring == null || referring.get$ref() == null) return;
                String target = referring.get$ref().substring(referring.get$ref().lastIndexOf('/') + 1);
                if (property.getExtensions() != null && property.getExtensions().remove(ContractSchemas.NULLABLE_REFERENCE) != null) {
                    nullable.add(target);
                    if (property.getExtensions().isEmpty()) property.setExtensions(null);
                } else {
                    references.put(owner + "." + name, target);
                }
            });
        });
        references.forEach((reference, target) -> {
            if (nullable.contains(target)) {
                throw new IllegalStateException(reference + " refers to " + target + ", which may be null elsewhere, "
                        + "and is never null: give one of them a schema of its own");
            }
        });
        nullable.forEach(name -> components.get(name).setNullable(true));
    }

    /** The roles of the table in {@link ApiAccess}, for now and, for a read of history, for another moment. */
    private static void roles(String path, HttpMethod method, Operation operation, List<Parameter> parameters) {
        String concrete = path.replaceAll("\\{[^}]+}", "x");
        Set<Role> now = ApiAccess.ruleFor(method, concrete, false).map(ApiAccess.Rule::roles).orElse(Set.of());
        List<String> names = ApiAccess.names(now);
        operation.addExtension(ROLES, names);
        StringBuilder text = new StringBuilder(operation.getDescription() == null ? "" : operation.getDescription() + "\n\n");
        text.append("Roles: ").append(String.join(", ", names)).append('.');
        boolean history = parameters.stream().anyMatch(p -> p.getName().equals("asOf") || p.getName().equals("validAt"));
        if (history) {
            List<String> then = ApiAccess.ruleFor(method, concrete, true).map(ApiAccess.Rule::roles)
                    .map(ApiAccess::names).orElse(List.of());
            operation.addExtension(ROLES_FOR_ANOTHER_MOMENT, then);
            text.append(" With asOf or validAt: ").append(String.join(", ", then)).append('.');
        }
        operation.setDescription(text.toString());
    }

    private static void pathParameter(Parameter parameter, String path) {
        if ("purpose".equals(parameter.getName())) {
            parameter.setDescription("What the contact is for");
            return;
        }
        parameter.setSchema(new StringSchema().format("uuid"));
        parameter.setDescription(switch (parameter.getName()) {
            case "id" -> path.startsWith("/api/vendors") ? "The vendor's id" : "The cloud service's id";
            case "subProcessorId" -> "The sub-processor's id";
            case "vendorEvidenceId" -> "The evidence's id at the vendor";
            case "evidenceId" -> "The evidence's id";
            case "proposalId" -> "The risk-acceptance proposal's id";
            case "taskId" -> "The task's id";
            default -> parameter.getDescription();
        });
    }

    static Header readYourWrites() {
        return new Header().required(true).description("not-confirmed: recorded, but reads may not show it yet")
                .schema(new StringSchema()._enum(List.of(Commands.NOT_CONFIRMED)));
    }

    /** Sent where waiting helps: after a collision with another change, or while the database is away. */
    private static Header retryAfter() {
        return new Header().required(false).description("Seconds to wait before sending the same request again")
                .schema(new io.swagger.v3.oas.models.media.IntegerSchema().minimum(java.math.BigDecimal.ONE));
    }

    static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(OpenApiConfiguration.ref("Problem"))));
    }

    /** Statuses in numeric order, so the document reads (and compares) the same every time. */
    private static void sort(Operation operation) {
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        responses.putAll(sorted);
        operation.setResponses(responses);
    }
}
