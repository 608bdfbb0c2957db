package se.molnkoll.api;

import se.molnkoll.input.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
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
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.StorableValues;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindAuditTrail;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.exports.AuditExport;
import se.molnkoll.exports.Spreadsheets;
import se.molnkoll.query.api.ReadModels;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The audit trail: paged, and exported for archiving (the changes between two moments: ChangesController; the hash chain: ChainController). */
@RestController
@Tag(name = "Audit trail")
class AuditController {

    /** The event names a client may filter on. */
    static final Set<String> EVENT_TYPES = CloudServiceEvent.typeNames();


    private final QueryGateway queries;
    private final AuditExport export;
    private final ReadModels readModels;

    AuditController(QueryGateway queries, AuditExport export, ReadModels readModels) {
        this.queries = queries;
        this.export = export;
        this.readModels = readModels;
    }

    static final String FILTERS = "service, actor, type (event name) and from/to narrow the trail; from/to take an "
            + "ISO-8601 instant or a date (a date means that whole day in Sweden); to is exclusive for an instant, "
            + "inclusive for a date.";

    @GetMapping("/api/audit")
    @Operation(operationId = "getAuditTrail", summary = "The audit trail of every service",
            description = "Paged (page from 0, size 1–500, default 50); newest first, or oldest first with order=asc. "
                    + FILTERS + " Every matching entry for archiving: /api/audit/export.")
    AuditPage all(@RequestParam(required = false) String service,
                  @RequestParam(required = false) String actor,
                  @RequestParam(required = false) String type,
                  @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to,
                  @RequestParam(required = false) String order,
                  @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        AuditFilter filter = filter(serviceParameter(service, problems), actor, type, from, to, problems);
        return page(filter, order, page, size, problems);
    }

    @GetMapping("/api/services/{id}/audit")
    @Operation(operationId = "getServiceAuditTrail", summary = "The audit trail of one service",
            description = "Same parameters as /api/audit.")
    AuditPage ofService(@PathVariable String id,
                        @RequestParam(required = false) String actor,
                        @RequestParam(required = false) String type,
                        @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to,
                        @RequestParam(required = false) String order,
                        @RequestParam(required = false) Integer page,
                        @RequestParam(required = false) Integer size) {
        CloudServiceId service = existing(id);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        return page(filter(service, actor, type, from, to, problems), order, page, size, problems);
    }

    @GetMapping("/api/audit/export")
    @Operation(operationId = "exportAuditTrail", summary = "Export the audit trail for archiving (routine measure 41) or a spreadsheet",
            description = "Every entry matching the filters, oldest first, as the trail was when the export began. "
                    + FILTERS + " Each entry has its position in the event store, the SHA-256 of an evidence document "
                    + "it declares or attaches, its link and hash in the hash chain, and the event as JSON. CSV: "
                    + "RFC 4180, UTF-8, a header row, values exactly as recorded. JSON: the entries with the chain's "
                    + "head at the time of export. For a spreadsheet: xlsx (a header row, frozen and filtered; positions "
                    + "and sequence numbers as numbers, recordedAt as a date-time in Swedish time) or csv-excel (the CSV "
                    + "Swedish Excel opens in columns: semicolons, UTF-8 with a byte order mark); in both, a value that "
                    + "a spreadsheet would run as a formula is neutralised.")
    @ExportAnswer
    ResponseEntity<StreamingResponseBody> export(@RequestParam String format,
                                                 @RequestParam(required = false) String service,
                                                 @RequestParam(required = false) String actor,
                                                 @RequestParam(required = false) String type,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 Authentication who) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        AuditFilter filter = filter(serviceParameter(service, problems), actor, type, from, to, problems);
        return export(format, filter, problems, who);
    }

    @GetMapping("/api/services/{id}/audit/export")
    @Operation(operationId = "exportServiceAuditTrail", summary = "Export one service's audit trail for archiving or a spreadsheet",
            description = "Same parameters and content as /api/audit/export.")
    @ExportAnswer
    ResponseEntity<StreamingResponseBody> exportOfService(@PathVariable String id,
                                                          @RequestParam String format,
                                                          @RequestParam(required = false) String actor,
                                                          @RequestParam(required = false) String type,
                                                          @RequestParam(required = false) String from,
                                                          @RequestParam(required = false) String to,
                                                          Authentication who) {
        CloudServiceId service = existing(id);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        return export(format, filter(service, actor, type, from, to, problems), problems, who);
    }

    /** The export's answer: CSV or the JSON archive, with the file name and the number of entries. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "200", description = "Every matching entry, oldest first", headers = {
            @Header(name = HttpHeaders.CONTENT_DISPOSITION, required = true, description = "attachment; filename=\"molnkoll-audit-….csv\" (or .json, .xlsx)",
                    schema = @Schema(type = "string")),
            @Header(name = AuditExport.ENTRIES_HEADER, required = true, description = "How many entries the file holds, "
                    + "so whoever archives it can check that none went missing", schema = @Schema(type = "integer", format = "int64", minimum = "0"))},
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    description = "RFC 4180, UTF-8: a header row (position, recordedAt, actor, serviceId, sequenceNumber, eventType, "
                            + "eventId, correlationId, summary, evidenceSha256, chainLink, chainHash, payload), then one row per entry")),
                    @Content(mediaType = "application/json", schema = @Schema(implementation = AuditExport.Archive.class)),
                    @Content(mediaType = Spreadsheets.XLSX_MEDIA_TYPE, schema = @Schema(type = "string", format = "binary",
                            description = "One sheet, Händelselogg: the same columns, a row per entry"))})
    @ApiResponse(responseCode = "409", description = "The read models are being rebuilt: an export now could miss entries",
            content = @Content(mediaType = ContractOperations.PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
    @interface ExportAnswer {
    }

    private CloudServiceId existing(String id) {
        CloudServiceId service = Ids.service(id);
        queries.query(new FindCloudService(service), ResponseTypes.optionalInstanceOf(CloudServiceView.class)).join()
                .orElseThrow(() -> NotFoundException.service(id));
        return service;
    }

    private static CloudServiceId serviceParameter(String service, List<InvalidInputException.FieldProblem> problems) {
        if (service == null) return null;
        try {
            return CloudServiceId.of(service);
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.FieldProblem("service", "must be a cloud service id (UUID)"));
            return null;
        }
    }

    private static AuditFilter filter(CloudServiceId service, String actor, String type, String from, String to,
                                      List<InvalidInputException.FieldProblem> problems) {
        String actorName = Text.blankToNull(actor);
        if (actorName != null && StorableValues.lineProblem(actorName) != null) {
            problems.add(new InvalidInputException.FieldProblem("actor", StorableValues.lineProblem(actorName)));
        }
        if (type != null && !EVENT_TYPES.contains(type)) {
            problems.add(new InvalidInputException.FieldProblem("type", "must be one of " + EVENT_TYPES));
        }
        Instant fromInstant = TimeParameters.bound(from, "from", false, problems);
        Instant toInstant = TimeParameters.bound(to, "to", true, problems);
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            problems.add(new InvalidInputException.FieldProblem("to", "must be after from"));
        }
        return new AuditFilter(service, actorName, type, fromInstant, toInstant);
    }

    private AuditPage page(AuditFilter filter, String order, Integer page, Integer size,
                           List<InvalidInputException.FieldProblem> problems) {
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            problems.add(new InvalidInputException.FieldProblem("order", "must be asc (oldest first) or desc (newest first)"));
        }
        PageParameters paging = PageParameters.of(page, size, problems);
        TimeParameters.throwIfAny(problems);
        return queries.query(new FindAuditTrail(filter, paging.page(), paging.size(), !"asc".equals(order)),
                ResponseTypes.instanceOf(AuditPage.class)).join();
    }

    private ResponseEntity<StreamingResponseBody> export(String format, AuditFilter filter,
                                                         List<InvalidInputException.FieldProblem> problems,
                                                         Authentication who) {
        AuditExport.Format chosen = AuditExport.Format.of(format);
        if (chosen == null) {
            problems.add(new InvalidInputException.FieldProblem("format", "must be one of "
                    + String.join(", ", AuditExport.Format.parameters())));
        }
        TimeParameters.throwIfAny(problems);
        readModels.requireNotRebuilding("an export of the audit trail");
        return export.respond(chosen, filter, who.getName());
    }

}
