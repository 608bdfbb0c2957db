package se.molnkoll.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.molnkoll.documents.DocumentTypes;
import se.molnkoll.imports.ImportRefusedException;
import se.molnkoll.kernel.Phase;
import se.molnkoll.recording.CorrelationIdFilter;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The OpenAPI document at /v3/api-docs (and .yaml), published as openapi.yaml in the repository, and
 * Swagger UI at /swagger-ui.html. This class holds what the whole document shares (tags, schemes, the
 * problem, the headers); {@link ContractSchemas} the schemas of bodies, {@link ContractOperations}
 * what every operation answers besides its own success, and who may call it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SERVICES = "Cloud services";
    static final String AUDIT = "Audit trail";
    static final String PORTFOLIO = "Portfolio";
    static final String CATALOGUE = "Measure catalogue";
    static final String ADMINISTRATION = "Administration";

    @Bean
    OpenAPI molnkollOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Molnkoll API").version("1")
                        .description("Evidence for the 42 security measures of the routine "
                                + "\"Informationssäkerhet för extern molntjänst\" per external cloud service: register, "
                                + "classify, record evidence and risk acceptances, follow the lifecycle; read the open "
                                + "measures, the portfolio and the certificates, also as of any past moment; read, "
                                + "export and verify the audit trail. Each operation names the roles that may call it "
                                + "(x-molnkoll-roles). Errors are application/problem+json. A request is read strictly: "
                                + "a query parameter or body field the operation does not have, or a field given twice, "
                                + "is refused (400), as is a moment in the future where the past is asked about.")
                        .contact(new Contact().name("Molnkoll").url("https://github.com/molnkoll/molnkoll"))
                        .license(new License().name("Proprietary: the region's own")))
                .servers(List.of(new Server().url("http://localhost:8080")
                        .description("Molnkoll on its embedded default (README); use your instance's address")))
                .tags(List.of(
                        new Tag().name(SERVICES).description("The register: one cloud service each, its classification, "
                                + "evidence, documents, proposed and approved risk acceptances and lifecycle (acquire, operate, exit)"),
                        new Tag().name(AUDIT).description("Who recorded what and when: the paged trail, its exports "
                                + "for archiving, the changes between two moments, and the hash chain that proves "
                                + "history unaltered"),
                        new Tag().name(PORTFOLIO).description("Totals, the dashboard and certificates across every service"),
                        new Tag().name(CATALOGUE).description("The routine's 42 measures with their criteria and phases"),
                        new Tag().name(ADMINISTRATION).description("Rebuilding the read models from the event store; the review schedule and the country rules"),
                        new Tag().name("Residual risks").description("The risk owner's queue of proposed risk acceptances "
                                + "and the acceptances about to end; proposals are made and decided on the service"),
                        new Tag().name("Tasks").description("Open measures and proposals given to a person with a due "
                                + "date: given out, moved, done; each person's own, most urgent first"),
                        new Tag().name("Import").description("Bringing the region's register in from a spreadsheet: the "
                                + "template, a preview that writes nothing, and the import, followed as it runs"),
                        new Tag().name("Vendors").description("Vendors as records of their own: who they are in law, how to "
                                + "reach them, their sub-processors; the services that name them"),
                        new Tag().name("Locations").description("Where each service's data is stored and processed and whose law "
                                + "it answers to, checked against its classification; measure 5's inventory; the country rules"),
                        new Tag().name("Reports").description("Documents to file: a service's report (PDF) as of any moment, "
                                + "the portfolio report (PDF, XLSX) with its 12-month trend, evidence packages (ZIP) checkable offline")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A configured local user (README: Demo users)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("A token of the region's OpenID Connect provider, "
                                        + "when single sign-on is configured (README: Single sign-on)"))
                        .addSchemas("Problem", problem())
                        .addSchemas("FieldProblem", new ObjectSchema().description("One bad field or parameter")
                                .addProperty("field", new StringSchema().example("phases[1]"))
                                .addProperty("message", new StringSchema()).required(List.of("field", "message")))
                        .addSchemas("RuleViolation", new ObjectSchema().description("One rule the command breaks")
                                .addProperty("rule", new StringSchema().example("ACQUIRE_MEASURES_OPEN"))
                                .addProperty("message", new StringSchema())
                                .addProperty("measures", new ArraySchema().items(ref("MeasurePhase")))
                                .required(List.of("measures", "message", "rule")))
                        .addSchemas(ContractSchemas.PHASE_COUNTS, phaseCounts())
                        .addHeaders(ContractOperations.CORRELATION_ID, new Header().required(true)
                                .description("The request's X-Correlation-Id if it was 1–64 letters, digits or ._:-, else "
                                        + "a new one; every event the request records carries it")
                                .schema(new StringSchema().pattern("^" + CorrelationIdFilter.ACCEPTED.pattern() + "$"))));
    }

    /** RFC 9457 problem details, with Molnkoll's lists of bad fields and broken rules. */
    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("RFC 9457 problem details. `type` names the kind of problem (urn:molnkoll:problem:…)")
                .addProperty("type", new StringSchema().example("urn:molnkoll:problem:invalid-input"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().description("The path asked for"))
                .addProperty("errors", new ArraySchema().items(ref("FieldProblem"))
                        .description("400: every bad field or parameter (at most 100)"))
                .addProperty("moreErrors", new IntegerSchema().minimum(BigDecimal.ONE)
                        .description("400: how many more were found than are listed"))
                .addProperty("violations", new ArraySchema().items(ref("RuleViolation"))
                        .description("409: every rule the command breaks; nothing was recorded"))
                .addProperty("reason", new StringSchema()._enum(java.util.stream.Stream.concat(
                                Arrays.stream(DocumentTypes.Refusal.values()), Arrays.stream(ImportRefusedException.Refusal.values()))
                        .map(Enum::name).toList()).description("400/415 for a document, 422 for a file to import: why it was refused"))
                .addProperty("rebuild", ref("RebuildStatus").description("409 for a rebuild: the one running"))
                .required(List.of("status", "title", "type"));
    }

    /** A count for each phase of the lifecycle, every phase present. */
    private static Schema<?> phaseCounts() {
        ObjectSchema counts = new ObjectSchema();
        counts.description("A count for each phase: ACQUIRE (anskaffning), OPERATE (förvaltning), EXIT (avveckling)");
        for (Phase phase : Phase.values()) {
            counts.addProperty(phase.name(), new IntegerSchema().format("int64").minimum(BigDecimal.ZERO));
        }
        counts.setRequired(Arrays.stream(Phase.values()).map(Enum::name).toList());
        counts.setAdditionalProperties(false);
        return counts;
    }

    static Schema<?> ref(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }

    /** Applies the document's security to every operation: a configured user, or a token when SSO is on. */
    static List<SecurityRequirement> signedIn() {
        return List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("bearer"));
    }
}
