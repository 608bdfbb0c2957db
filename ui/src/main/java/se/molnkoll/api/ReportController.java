package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.exports.Spreadsheets;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.StorableValues;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.reports.EvidencePackage;
import se.molnkoll.reports.PortfolioReport;
import se.molnkoll.reports.Reports;
import se.molnkoll.reports.ServiceReport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reports to file (ADR 0019): a service's report (PDF), the portfolio report (PDF, XLSX), evidence packages (ZIP). */
@RestController
@Tag(name = "Reports")
class ReportController {

    static final List<String> LANGUAGES = List.of("sv", "en");

    private final ServiceReport serviceReport;
    private final PortfolioReport portfolioReport;
    private final EvidencePackage evidencePackage;
    private final QueryGateway queries;
    private final Clock clock;

    ReportController(ServiceReport serviceReport, PortfolioReport portfolioReport, EvidencePackage evidencePackage,
                     QueryGateway queries, Clock clock) {
        this.serviceReport = serviceReport;
        this.portfolioReport = portfolioReport;
        this.evidencePackage = evidencePackage;
        this.queries = queries;
        this.clock = clock;
    }

    /** A report's answer: the file, its name, and the id its footer and the log line carry. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.ANNOTATION_TYPE)
    @interface Headers {
        String DISPOSITION = "attachment, with a file name that says what the report holds and the moment shown";
        String ID = "The report's id, as its footer and the log line name it";
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "200", description = "The report, streamed; its generation is logged with who asked and its id",
            headers = {@Header(name = HttpHeaders.CONTENT_DISPOSITION, required = true, description = Headers.DISPOSITION,
                    schema = @Schema(type = "string")),
                    @Header(name = Reports.REPORT_ID_HEADER, required = true, description = Headers.ID,
                            schema = @Schema(type = "string", format = "uuid"))},
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @interface PdfAnswer {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "200", description = "The report, streamed (format=pdf or xlsx); its generation is logged with "
            + "who asked and its id",
            headers = {@Header(name = HttpHeaders.CONTENT_DISPOSITION, required = true, description = Headers.DISPOSITION,
                    schema = @Schema(type = "string")),
                    @Header(name = Reports.REPORT_ID_HEADER, required = true, description = Headers.ID,
                            schema = @Schema(type = "string", format = "uuid"))},
            content = {@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = Spreadsheets.XLSX_MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @interface PdfOrXlsxAnswer {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "200", description = "The package, streamed; its generation is logged with who asked and its id",
            headers = {@Header(name = HttpHeaders.CONTENT_DISPOSITION, required = true, description = Headers.DISPOSITION,
                    schema = @Schema(type = "string")),
                    @Header(name = Reports.REPORT_ID_HEADER, required = true, description = Headers.ID,
                            schema = @Schema(type = "string", format = "uuid"))},
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @interface ZipAnswer {
    }

    @GetMapping("/api/services/{id}/report")
    @Operation(operationId = "getServiceReport", summary = "A service's report as a PDF, as of any moment",
            description = "The service as its page shows it at the moment (asOf, recorded time) and business date (validAt): "
                    + "facts; classification with its decision and the measures it makes applicable per phase; every applicable "
                    + "measure per phase with its status and the evidence (the latest 20 recorded, and how many more) or risk "
                    + "acceptance behind it (approver and dates); what lapses within the warning window; the evidence (the latest "
                    + "500 recorded, and how many there are; the evidence package holds them all); and the events of the period "
                    + "(from, default the registration, up "
                    + "to the moment; at most the first 1000 are listed, and the report says how many there are). Every page's "
                    + "footer names the moment, who generated it and when, the report's id, the routine's version and the hash "
                    + "chain's head at generation. Tagged PDF (PDF/UA) in Swedish (lang=sv, default) or English (lang=en). "
                    + "404 if the service was not registered at the moment.")
    @PdfAnswer
    ResponseEntity<StreamingResponseBody> serviceReport(@PathVariable String id,
                                                        @RequestParam(required = false) String asOf,
                                                        @RequestParam(required = false) String validAt,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String lang,
                                                        Authentication who) {
        CloudServiceId service = Ids.service(id);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        Moment moment = TimeParameters.moment(asOf, validAt, clock, problems);
        Instant start = TimeParameters.bound(from, "from", false, problems);
        Locale locale = language(lang, problems);
        TimeParameters.throwIfAny(problems);
        return serviceReport.respond(service, moment, start, locale, who.getName())
                .orElseThrow(() -> NotFoundException.service(id, moment));
    }

    @GetMapping("/api/services/{id}/evidence-package")
    @Operation(operationId = "getServiceEvidencePackage", summary = "A service's evidence package (ZIP) as of any moment",
            description = EVIDENCE_PACKAGE + " 404 if the service was not registered at the moment.")
    @ZipAnswer
    ResponseEntity<StreamingResponseBody> serviceEvidencePackage(@PathVariable String id,
                                                                 @RequestParam(required = false) String asOf,
                                                                 @RequestParam(required = false) String validAt,
                                                                 @RequestParam(required = false) String from,
                                                                 Authentication who) {
        CloudServiceId service = Ids.service(id);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        Moment moment = TimeParameters.moment(asOf, validAt, clock, problems);
        Instant start = TimeParameters.bound(from, "from", false, problems);
        TimeParameters.throwIfAny(problems);
        String name = evidencePackage.nameAt(service, moment).orElseThrow(() -> NotFoundException.service(id, moment));
        return evidencePackage.respond(List.of(service), name, moment, start, who.getName());
    }

    static final String EVIDENCE_PACKAGE = "Every attached document under a readable name (<service>/dokument/<evidence> - "
            + "<file>), each service as Molnkoll knew it at the moment (service.json) with its audit trail for the period "
            + "(audit-trail.csv and .json: from, default the registration, up to the moment), the hash chain's verification "
            + "(chain-verification.json), a manifest (manifest.csv and manifest.json) listing each document with the SHA-256 "
            + "recorded when it was attached, LASMIG.txt, and SHA256SUMS over every file: `sha256sum -c SHA256SUMS` checks "
            + "the package without Molnkoll. Streamed. A document whose stored bytes no longer match its recorded SHA-256 "
            + "(or are gone) is left out and marked ALTERED (with the hash its bytes have now) or MISSING in the manifest "
            + "and LASMIG.txt.";

    @GetMapping("/api/evidence-package")
    @Operation(operationId = "getEvidencePackage", summary = "The evidence package (ZIP) of the services a filter selects",
            description = EVIDENCE_PACKAGE + " The services: those registered at the moment, of the organisation unit "
                    + "(unit) and/or in the phase (phase) given, decommissioned ones included; 400 when none is.")
    @ZipAnswer
    ResponseEntity<StreamingResponseBody> evidencePackage(@RequestParam(required = false) String unit,
                                                          @RequestParam(required = false) @Parameter(description = "Only services in this phase") Phase phase,
                                                          @RequestParam(required = false) String asOf,
                                                          @RequestParam(required = false) String validAt,
                                                          @RequestParam(required = false) String from,
                                                          Authentication who) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        String unitName = unit(unit, problems);
        Moment moment = TimeParameters.moment(asOf, validAt, clock, problems);
        Instant start = TimeParameters.bound(from, "from", false, problems);
        TimeParameters.throwIfAny(problems);
        List<CloudServiceId> selected = queries.query(new FindCloudServices(moment),
                        ResponseTypes.multipleInstancesOf(CloudServiceSummary.class)).join().stream()
                .filter(s -> unitName == null || s.organisationUnit().equals(unitName))
                .filter(s -> phase == null || s.phase() == phase)
                .map(CloudServiceSummary::id).toList();
        if (selected.isEmpty()) {
            throw InvalidInputException.of(unitName != null ? "unit" : "phase", "selects no service registered at the moment");
        }
        String title = (unitName == null ? "alla" : unitName) + (phase == null ? "" : "-" + phase.name().toLowerCase(Locale.ROOT));
        return evidencePackage.respond(selected, title, moment, start, who.getName());
    }

    @GetMapping("/api/reports/portfolio")
    @Operation(operationId = "getPortfolioReport", summary = "The portfolio report for management: PDF or XLSX",
            description = "The whole portfolio, or one organisation unit (unit), as of a moment (asOf, validAt; other moments "
                    + "than now for auditors and contract managers): services per phase, open measures of each phase's work "
                    + "(each service's open measures in the phase it is in now, as the dashboard counts them), expired and "
                    + "expiring certificates, unclassified services; for the whole portfolio each unit's figures; the trend "
                    + "over the 12 month ends before the moment's day (each as recorded by then), as a chart and a table in the "
                    + "PDF and a sheet in the XLSX; the certificates and unclassified services behind the figures (the PDF "
                    + "lists the first 500 of each and says how many there are, the XLSX all of them). "
                    + "Swedish (lang=sv, default) or English (lang=en). 400 if unit is not the organisation unit of any "
                    + "registered service.")
    @PdfOrXlsxAnswer
    ResponseEntity<StreamingResponseBody> portfolioReport(@RequestParam(required = false) String format,
                                                          @RequestParam(required = false) String unit,
                                                          @RequestParam(required = false) String asOf,
                                                          @RequestParam(required = false) String validAt,
                                                          @RequestParam(required = false) String lang,
                                                          Authentication who) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        PortfolioReport.Format chosen = PortfolioReport.Format.of(format);
        if (chosen == null) {
            problems.add(new InvalidInputException.FieldProblem("format", "must be one of " + PortfolioReport.Format.parameters()));
        }
        String unitName = unit(unit, problems);
        Moment moment = TimeParameters.moment(asOf, validAt, clock, problems);
        Locale locale = language(lang, problems);
        if (unitName != null && problems.isEmpty() && !portfolioReport.units(locale).contains(unitName)) {
            problems.add(new InvalidInputException.FieldProblem("unit", "is not an organisation unit of any registered service"));
        }
        TimeParameters.throwIfAny(problems);
        return portfolioReport.respond(chosen, unitName, moment, locale, who.getName());
    }

    private static String unit(String unit, List<InvalidInputException.FieldProblem> problems) {
        if (unit == null || unit.isBlank()) return null;
        String name = unit.strip();
        if (StorableValues.lineProblem(name) != null) {
            problems.add(new InvalidInputException.FieldProblem("unit", StorableValues.lineProblem(name)));
            return null;
        }
        return name;
    }

    private static Locale language(String lang, List<InvalidInputException.FieldProblem> problems) {
        if (lang == null || lang.isBlank()) return Locale.forLanguageTag("sv");
        if (!LANGUAGES.contains(lang.strip())) {
            problems.add(new InvalidInputException.FieldProblem("lang", "must be one of " + LANGUAGES));
            return null;
        }
        return Locale.forLanguageTag(lang.strip());
    }
}
