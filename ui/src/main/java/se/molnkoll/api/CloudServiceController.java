package se.molnkoll.api;

import se.molnkoll.exports.RegisterExport;
import se.molnkoll.exports.ServiceExports;
import se.molnkoll.exports.Spreadsheets;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import se.molnkoll.input.CommandInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.command.Decommission;
import se.molnkoll.kernel.command.ProposeRiskAcceptance;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.SetClassification;
import se.molnkoll.kernel.command.StartOperation;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindRegisterPage;
import se.molnkoll.kernel.query.RegisterPage;
import se.molnkoll.kernel.query.FindServiceMeasures;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.ServiceMeasures;
import se.molnkoll.security.Role;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** Cloud services: register, classify, record evidence, propose and decide risk acceptances, move through the lifecycle. */
@RestController
@RequestMapping("/api/services")
@Tag(name = "Cloud services")
class CloudServiceController {

    private final Commands commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final RegisterExport registerExport;
    private final ServiceExports serviceExports;

    CloudServiceController(Commands commands, QueryGateway queries, Clock clock, RegisterExport registerExport, ServiceExports serviceExports) {
        this.serviceExports = serviceExports;
        this.registerExport = registerExport;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping
    @Operation(operationId = "registerService", summary = "Register a cloud service being acquired",
            description = "Answers 201 with the new id.")
    @ApiResponse(responseCode = "201", description = "Registered; the body holds the id, Location the service",
            headers = @Header(name = "Location", required = true, description = "The service", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "202", description = "Registered, but reads may not show it yet; the body holds the id",
            content = @Content(schema = @Schema(implementation = Answers.Created.class)), headers = {
            @Header(name = "Location", required = true, description = "The service", schema = @Schema(type = "string", format = "uri")),
            @Header(name = Commands.READ_YOUR_WRITES_HEADER, required = true, schema = @Schema(type = "string", allowableValues = Commands.NOT_CONFIRMED))})
    ResponseEntity<Answers.Created> register(@RequestBody Requests.Register body) {
        CloudServiceId id = CloudServiceId.random();
        ResponseEntity<Answers.Created> answer = commands.sendRegistration(id, CommandInput.register(id, body.name(), body.vendor(),
                body.serviceModel(), body.organisationUnit(), body.owner()), body.vendorId() == null ? null
                : CommandInput.linkVendor(id, se.molnkoll.kernel.VendorId.of(body.vendorId()), "Vald vid registreringen"),
                HttpStatus.CREATED, new Answers.Created(id.value()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id.value()).toUri();
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).location(location)
                .body(answer.getBody());
    }

    @PutMapping("/{id}/classification")
    @Operation(operationId = "setClassification", summary = "Set or change the information classification")
    ResponseEntity<CloudServiceView> classify(@PathVariable String id, @RequestBody Requests.Classify body) {
        CloudServiceId service = Ids.service(id);
        Classification classification = CommandInput.classification(body.confidentiality(), body.integrity(),
                body.availability(), body.secrecy(), body.personalData(),
                body.allowedLocations() == null ? List.of() : body.allowedLocations(), body.ownershipRequirement(),
                body.decisionReference());
        return commands.sendAndShow(service, new SetClassification(service, classification), HttpStatus.OK, () -> view(service));
    }

    @PostMapping("/{id}/evidence")
    @Operation(operationId = "recordEvidence", summary = "Record evidence",
            description = "Covers each named measure in each named phase the measure belongs to. Answers 201 with the "
                    + "evidence id. validUntil may not be before validFrom (nor before receivedOn when there is no "
                    + "validFrom), and receivedOn not after today.")
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the evidence id")
    @ApiResponse(responseCode = "202", description = "Recorded, but reads may not show it yet; the body holds the evidence id",
            content = @Content(schema = @Schema(implementation = Answers.Created.class)), headers = @Header(
            name = Commands.READ_YOUR_WRITES_HEADER, required = true, schema = @Schema(type = "string", allowableValues = Commands.NOT_CONFIRMED)))
    ResponseEntity<Answers.Created> recordEvidence(@PathVariable String id, @RequestBody Requests.Evidence body) {
        CloudServiceId service = Ids.service(id);
        EvidenceId evidenceId = EvidenceId.random();
        RecordEvidence command = CommandInput.recordEvidence(service, evidenceId, body.measureIds(), body.phases(),
                body.kind(), body.title(), body.issuer(), body.receivedOn(), body.validFrom(), body.validUntil(),
                body.documentSha256(), body.reference());
        return commands.sendAndAnswer(service, command, HttpStatus.CREATED, new Answers.Created(evidenceId.value()));
    }

    @PostMapping("/{id}/evidence/{evidenceId}/withdrawal")
    @Operation(operationId = "withdrawEvidence", summary = "Withdraw evidence; it no longer covers anything")
    ResponseEntity<CloudServiceView> withdrawEvidence(@PathVariable String id, @PathVariable String evidenceId,
                                                      @RequestBody Requests.Withdrawal body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.withdraw(service, Ids.evidence(id, evidenceId), body.reason()),
                HttpStatus.OK, () -> view(service));
    }

    @PostMapping("/{id}/risk-proposals")
    @Operation(operationId = "proposeRiskAcceptance",
            summary = "Propose that the risk owner accept the residual risk of a measure in a phase (never 24 or 42)",
            description = "The proposal counts for nothing until a risk owner other than the proposer approves it. The end "
                    + "date is mandatory: not before today and at most molnkoll.risk-acceptance.longest (3 years) ahead. "
                    + "A measure has at most one proposal waiting. Answers 201 with the proposal's id.")
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the proposal's id")
    @ApiResponse(responseCode = "202", description = "Recorded, but reads may not show it yet; the body holds the proposal's id",
            content = @Content(schema = @Schema(implementation = Answers.Created.class)), headers = @Header(
            name = Commands.READ_YOUR_WRITES_HEADER, required = true, schema = @Schema(type = "string", allowableValues = Commands.NOT_CONFIRMED)))
    ResponseEntity<Answers.Created> proposeRiskAcceptance(@PathVariable String id, @RequestBody Requests.RiskProposal body) {
        CloudServiceId service = Ids.service(id);
        ProposeRiskAcceptance command = CommandInput.proposeRisk(service, body.measureId(), body.phase(), body.residualRisk(),
                body.motivation(), body.validUntil());
        return commands.sendAndAnswer(service, command, HttpStatus.CREATED, new Answers.Created(command.proposalId()));
    }

    @PostMapping("/{id}/risk-proposals/{proposalId}/approval")
    @Operation(operationId = "approveRiskAcceptance",
            summary = "Approve a proposed risk acceptance (risk owners; never the proposer)",
            description = "From today through the proposal's end date the measure is RISK_ACCEPTED in its phase. Refused "
                    + "(409) when the signed-in user proposed it, when it is already decided, or when its end has passed.")
    ResponseEntity<CloudServiceView> approveRiskAcceptance(@PathVariable String id, @PathVariable String proposalId,
                                                           @RequestBody Requests.RiskApproval body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.approveRisk(service, Ids.proposal(id, proposalId), body.note()),
                HttpStatus.OK, () -> view(service));
    }

    @PostMapping("/{id}/risk-proposals/{proposalId}/rejection")
    @Operation(operationId = "rejectRiskAcceptance",
            summary = "Reject a proposed risk acceptance, saying why (risk owners; never the proposer)")
    ResponseEntity<CloudServiceView> rejectRiskAcceptance(@PathVariable String id, @PathVariable String proposalId,
                                                          @RequestBody Requests.RiskRejection body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.rejectRisk(service, Ids.proposal(id, proposalId), body.reason()),
                HttpStatus.OK, () -> view(service));
    }

    @PostMapping("/{id}/risk-acceptances/revocations")
    @Operation(operationId = "revokeRiskAcceptance",
            summary = "Revoke the risk accepted for a measure in a phase, from a business date on",
            description = "From revokedFrom on no acceptance of the (measure, phase) counts, so its status follows from "
                    + "its evidence; on earlier days the acceptance counts as it did, and history keeps it as recorded. "
                    + "An acceptance given in error is revoked from its first day.")
    ResponseEntity<CloudServiceView> revokeRiskAcceptance(@PathVariable String id, @RequestBody Requests.RiskRevocation body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.revokeRisk(service, body.measureId(), body.phase(),
                body.revokedFrom(), body.reason()), HttpStatus.OK, () -> view(service));
    }

    @PostMapping("/{id}/operation")
    @Operation(operationId = "startOperation", summary = "Start operation (ACQUIRE → OPERATE)",
            description = "Refused (409) while any applicable acquisition measure is neither covered nor risk-accepted; the refusal lists them.")
    ResponseEntity<CloudServiceView> startOperation(@PathVariable String id) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, new StartOperation(service), HttpStatus.OK, () -> view(service));
    }

    @PostMapping("/{id}/provider-changes")
    @Operation(operationId = "recordProviderChange",
            summary = "Record a change the provider made (measure 17); re-opens measure 42 for operation")
    ResponseEntity<CloudServiceView> recordProviderChange(@PathVariable String id, @RequestBody Requests.ProviderChange body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.providerChange(service, body.description(), body.changedOn()),
                HttpStatus.OK, () -> view(service));
    }

    @PostMapping("/{id}/corrections")
    @Operation(operationId = "correctServiceDetails",
            summary = "Correct or update the service's name, vendor, service model, organisation unit or owner, with a reason",
            description = "Give only the details that change. Each detail that differs from what is recorded becomes an "
                    + "event of its own kind (ServiceRenamed, VendorChanged, ServiceModelCorrected, ServiceMovedToUnit, "
                    + "OwnerChanged) with the value before and after; history before the correction keeps the old value. "
                    + "Moving a service to another organisation unit needs the right to change both units.")
    ResponseEntity<CloudServiceView> correct(@PathVariable String id, @RequestBody Requests.Correction body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.correct(service, body.name(), body.vendor(), body.serviceModel(),
                body.organisationUnit(), body.owner(), body.reason()), HttpStatus.OK, () -> view(service));
    }

    @PostMapping("/{id}/archiving")
    @Operation(operationId = "archiveService", summary = "Archive a service registered by mistake, with the reason",
            description = "The service leaves the register, the totals, the dashboard and the certificates; it takes no "
                    + "further command. Read by its id it stays visible to auditors and contract managers, with its "
                    + "history and hash chain untouched. Not decommissioning, which is the routine's end of life.")
    ResponseEntity<CloudServiceView> archive(@PathVariable String id, @RequestBody Requests.Archiving body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.archive(service, body.reason()), HttpStatus.OK, () -> view(service));
    }

    @PostMapping("/{id}/termination")
    @Operation(operationId = "terminateContract", summary = "Terminate the contract (→ EXIT)")
    ResponseEntity<CloudServiceView> terminate(@PathVariable String id, @RequestBody Requests.Termination body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.terminate(service, body.terminatedOn(), body.reason()),
                HttpStatus.OK, () -> view(service));
    }

    @PostMapping("/{id}/decommissioning")
    @Operation(operationId = "decommissionService",
            summary = "Decommission the service once every exit measure is covered or risk-accepted")
    ResponseEntity<CloudServiceView> decommission(@PathVariable String id) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, new Decommission(service), HttpStatus.OK, () -> view(service));
    }

    @GetMapping
    @Operation(operationId = "listServices", summary = "The register: a page of services with their phase, open measures and what needs attention",
            description = "Paged (page from 0, size 1–500, default 50) and filtered by the database, with the total count. "
                    + "q: in the name or the vendor, whatever the case; phase, unit; expired=true: with an expired "
                    + "certificate; open=true: with measures open in the phase the service is in; conflict=true: in use "
                    + "and in location conflict. sort: name (default), vendor, unit, phase or open, then by name; "
                    + "dir: asc (default) or desc. With asOf and/or validAt, as known then and judged for that date. "
                    + "Every matching service at once: /api/services/export.")
    RegisterPage list(@RequestParam(required = false) String q,
                          @RequestParam(required = false) Phase phase,
                          @RequestParam(required = false) String unit,
                          @RequestParam(required = false) Boolean expired,
                          @RequestParam(required = false) Boolean open,
                          @RequestParam(required = false) Boolean conflict,
                          @RequestParam(required = false) String sort,
                          @RequestParam(required = false) String dir,
                          @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size,
                          @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String validAt) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        Moment moment = TimeParameters.moment(asOf, validAt, clock, problems);
        FindRegisterPage.Sort order = sort == null ? FindRegisterPage.Sort.NAME : FindRegisterPage.Sort.of(sort);
        if (order == null) {
            problems.add(new InvalidInputException.FieldProblem("sort", "must be one of " + REGISTER_SORTS));
        }
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            problems.add(new InvalidInputException.FieldProblem("dir", "must be asc or desc"));
        }
        PageParameters paging = PageParameters.of(page, size, problems);
        TimeParameters.throwIfAny(problems);
        FindRegisterPage.Filter filter = new FindRegisterPage.Filter(q, phase, unit, Boolean.TRUE.equals(expired),
                Boolean.TRUE.equals(open), Boolean.TRUE.equals(conflict));
        return queries.query(new FindRegisterPage(moment, filter, order, "desc".equals(dir), paging.page(), paging.size(),
                registerExport.warningDays()), ResponseTypes.instanceOf(RegisterPage.class)).join();
    }

    static final List<String> REGISTER_SORTS = Arrays.stream(FindRegisterPage.Sort.values()).map(FindRegisterPage.Sort::parameter).toList();

    @GetMapping("/export")
    @Operation(operationId = "exportRegister", summary = "The register as a spreadsheet: xlsx or csv-excel",
            description = "Every service as the register lists it (by name; with asOf and/or validAt, as known then and "
                    + "judged for that date), with its open measures in the phase it is in now and in each phase, and "
                    + "whether a certificate has expired or how many days the soonest expiring one has left. xlsx: a "
                    + "frozen, filtered header and numbers as numbers; csv-excel: semicolons and a byte order mark for "
                    + "Swedish Excel. Headers in the Accept-Language's language (Swedish by default); formulas neutralised.")
    @ApiResponse(responseCode = "200", description = "The register", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
            required = true, description = "attachment; filename=\"molnkoll-register-….xlsx\" (or .csv)", schema = @Schema(type = "string")),
            content = {@Content(mediaType = Spreadsheets.XLSX_MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<StreamingResponseBody> export(@RequestParam String format,
                                                 @RequestParam(required = false) String asOf,
                                                 @RequestParam(required = false) String validAt,
                                                 Locale locale) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        RegisterExport.Format chosen = ExportFormats.chosen(format, problems);
        Moment moment = TimeParameters.moment(asOf, validAt, clock, problems);
        TimeParameters.throwIfAny(problems);
        return registerExport.respond(chosen, registerExport.register(moment), locale);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getService",
            summary = "One service: facts, classification, the status of every applicable measure per phase, evidence",
            description = "With asOf and/or validAt, the service as Molnkoll knew it then (404 if it was not "
                    + "registered yet) and its statuses on that date.")
    CloudServiceView get(@PathVariable String id,
                         @RequestParam(required = false) String asOf,
                         @RequestParam(required = false) String validAt,
                         Authentication who) {
        CloudServiceId service = Ids.service(id);
        CloudServiceView view = readable(view(service, moment(asOf, validAt)), who);
        return Role.mayReadAuditTrail(who) ? view : view.withoutActors();
    }

    @GetMapping("/{id}/measures")
    @Operation(operationId = "getServiceMeasures", summary = "The status of every applicable measure, of one phase or of all")
    List<MeasureStatusView> measures(@PathVariable String id,
                                     @RequestParam(required = false) @Parameter(description = "Only this phase") Phase phase,
                                     @RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) String validAt,
                                     Authentication who) {
        CloudServiceId service = Ids.service(id);
        Moment moment = moment(asOf, validAt);
        readable(view(service, moment), who);
        return queries.query(new FindServiceMeasures(service, phase, moment),
                        ResponseTypes.optionalInstanceOf(ServiceMeasures.class))
                .join()
                .map(ServiceMeasures::measures)
                .orElseThrow(() -> NotFoundException.service(id, moment));
    }

    @GetMapping("/{id}/measures/export")
    @Operation(operationId = "exportServiceMeasures", summary = "The service's measures as a spreadsheet: xlsx or csv-excel",
            description = "Every applicable measure (of one phase with phase), as GET /api/services/{id}/measures answers "
                    + "for the same moment: its status, the routine's text, the evidence behind it and the latest valid-until. "
                    + "Headers in the Accept-Language's language; formulas neutralised.")
    @ApiResponse(responseCode = "200", description = "The measures", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
            required = true, description = "attachment; filename=\"molnkoll-atgarder-….xlsx\" (or .csv)", schema = @Schema(type = "string")),
            content = {@Content(mediaType = Spreadsheets.XLSX_MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<StreamingResponseBody> exportMeasures(@PathVariable String id, @RequestParam String format,
                                                         @RequestParam(required = false) @Parameter(description = "Only this phase") Phase phase,
                                                         @RequestParam(required = false) String asOf,
                                                         @RequestParam(required = false) String validAt,
                                                         Authentication who, Locale locale) {
        CloudServiceId service = Ids.service(id);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        RegisterExport.Format chosen = ExportFormats.chosen(format, problems);
        Moment moment = TimeParameters.moment(asOf, validAt, clock, problems);
        TimeParameters.throwIfAny(problems);
        CloudServiceView view = readable(view(service, moment), who);
        return serviceExports.measures(chosen, view, view.measures().stream()
                .filter(m -> phase == null || m.phase() == phase).toList(), locale);
    }

    /** The service, unless it is archived and the reader does not read history: then, as for a viewer, there is none. */
    private static CloudServiceView readable(CloudServiceView view, Authentication who) {
        if (view.archivedBecause() != null && !Role.mayReadAuditTrail(who)) {
            throw NotFoundException.service(view.id().value(), Moment.NOW);
        }
        return view;
    }

    private CloudServiceView view(CloudServiceId service) {
        return view(service, Moment.NOW);
    }

    private CloudServiceView view(CloudServiceId service, Moment moment) {
        return queries.query(new FindCloudService(service, moment), ResponseTypes.optionalInstanceOf(CloudServiceView.class))
                .join()
                .orElseThrow(() -> NotFoundException.service(service.value(), moment));
    }

    private Moment moment(String asOf, String validAt) {
        return TimeParameters.moment(asOf, validAt, clock);
    }

}
