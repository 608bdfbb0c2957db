package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.command.AcceptResidualRisk;
import se.molnkoll.kernel.command.Decommission;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.RecordProviderChange;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.command.SetClassification;
import se.molnkoll.kernel.command.StartOperation;
import se.molnkoll.kernel.command.TerminateContract;
import se.molnkoll.kernel.command.WithdrawEvidence;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.FindServiceMeasures;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.query.ServiceMeasures;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Cloud services: register, classify, record evidence and risk acceptances, move through the lifecycle. */
@RestController
@RequestMapping("/api/services")
@Tag(name = "Cloud services")
class CloudServiceController {

    private final Commands commands;
    private final QueryGateway queries;
    private final MeasureCatalogue catalogue;
    private final Clock clock;

    CloudServiceController(Commands commands, QueryGateway queries, MeasureCatalogue catalogue, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a cloud service being acquired", description = "Answers 201 with the new id.")
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody Requests.Register body) {
        CloudServiceId id = CloudServiceId.random();
        commands.send(id, new RegisterCloudService(id, body.name().strip(), body.vendor().strip(),
                Fields.enumValue(ServiceModel.class, body.serviceModel()), body.organisationUnit().strip(), body.owner().strip()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id.value()).toUri();
        return ResponseEntity.created(location).body(Map.of("id", id.value()));
    }

    @PutMapping("/{id}/classification")
    @Operation(summary = "Set or change the information classification")
    CloudServiceView classify(@PathVariable String id, @Valid @RequestBody Requests.Classify body) {
        CloudServiceId service = Ids.service(id);
        List<String> locations = body.allowedLocations() == null ? List.of() : body.allowedLocations();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            if (!Classification.isValidLocation(locations.get(i))) {
                problems.add(new InvalidInputException.FieldProblem("allowedLocations[" + i + "]",
                        "'" + locations.get(i) + "' is not an ISO 3166-1 country code or EU/EEA"));
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        commands.send(service, new SetClassification(service, new Classification(body.confidentiality(),
                body.integrity(), body.availability(), body.secrecy(), body.personalData(),
                locations.stream().distinct().toList(), blankToNull(body.ownershipRequirement()),
                blankToNull(body.decisionReference()))));
        return view(service);
    }

    @PostMapping("/{id}/evidence")
    @Operation(summary = "Record evidence",
            description = "Covers each named measure in each named phase the measure belongs to. Answers 201 with the evidence id.")
    ResponseEntity<Map<String, String>> recordEvidence(@PathVariable String id, @Valid @RequestBody Requests.Evidence body) {
        CloudServiceId service = Ids.service(id);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        List<MeasureId> measureIds = body.measureIds().stream().map(MeasureId::new).distinct().toList();
        List<MeasureId> unknown = catalogue.unknown(measureIds);
        if (!unknown.isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("measureIds",
                    "not measures of the routine: " + unknown + " (the routine has measures 1–"
                            + catalogue.measures().size() + ")"));
        }
        LocalDate receivedOn = Fields.date(body.receivedOn());
        LocalDate validFrom = Fields.date(body.validFrom());
        LocalDate validUntil = Fields.date(body.validUntil());
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add(new InvalidInputException.FieldProblem("validUntil", "must not be before validFrom"));
        }
        LocalDate today = BusinessDates.today(clock);
        if (receivedOn.isAfter(today)) {
            problems.add(new InvalidInputException.FieldProblem("receivedOn", "must not be in the future (today is " + today + ")"));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        EvidenceId evidenceId = EvidenceId.random();
        commands.send(service, new RecordEvidence(service, evidenceId, new HashSet<>(measureIds),
                body.phases().stream().map(p -> Fields.enumValue(Phase.class, p)).collect(Collectors.toSet()),
                Fields.enumValue(EvidenceKind.class, body.kind()), body.title().strip(), body.issuer().strip(), receivedOn,
                validFrom, validUntil,
                body.documentSha256() == null ? null : body.documentSha256().toLowerCase(Locale.ROOT),
                blankToNull(body.reference())));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", evidenceId.value()));
    }

    @PostMapping("/{id}/evidence/{evidenceId}/withdrawal")
    @Operation(summary = "Withdraw evidence; it no longer covers anything")
    CloudServiceView withdrawEvidence(@PathVariable String id, @PathVariable String evidenceId,
                                      @Valid @RequestBody Requests.Withdrawal body) {
        CloudServiceId service = Ids.service(id);
        commands.send(service, new WithdrawEvidence(service, Ids.evidence(id, evidenceId), body.reason().strip()));
        return view(service);
    }

    @PostMapping("/{id}/risk-acceptances")
    @Operation(summary = "Accept the residual risk of a measure in a phase (never 24 or 42)")
    ResponseEntity<CloudServiceView> acceptRisk(@PathVariable String id, @Valid @RequestBody Requests.RiskAcceptance body) {
        CloudServiceId service = Ids.service(id);
        MeasureId measureId = new MeasureId(body.measureId());
        if (!catalogue.contains(measureId)) {
            throw InvalidInputException.of("measureId", "not a measure of the routine: " + measureId);
        }
        commands.send(service, new AcceptResidualRisk(service, measureId, Fields.enumValue(Phase.class, body.phase()),
                body.riskOwner().strip(), body.motivation().strip(), Fields.date(body.validUntil())));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(service));
    }

    @PostMapping("/{id}/operation")
    @Operation(summary = "Start operation (ACQUIRE → OPERATE)",
            description = "Refused (409) while any applicable acquisition measure is neither covered nor risk-accepted; the refusal lists them.")
    CloudServiceView startOperation(@PathVariable String id) {
        CloudServiceId service = Ids.service(id);
        commands.send(service, new StartOperation(service));
        return view(service);
    }

    @PostMapping("/{id}/provider-changes")
    @Operation(summary = "Record a change the provider made (measure 17); re-opens measure 42 for operation")
    CloudServiceView recordProviderChange(@PathVariable String id, @Valid @RequestBody Requests.ProviderChange body) {
        CloudServiceId service = Ids.service(id);
        commands.send(service, new RecordProviderChange(service, body.description().strip(), Fields.date(body.changedOn())));
        return view(service);
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "Terminate the contract (→ EXIT)")
    CloudServiceView terminate(@PathVariable String id, @Valid @RequestBody Requests.Termination body) {
        CloudServiceId service = Ids.service(id);
        commands.send(service, new TerminateContract(service, Fields.date(body.terminatedOn()), body.reason().strip()));
        return view(service);
    }

    @PostMapping("/{id}/decommissioning")
    @Operation(summary = "Decommission the service once every exit measure is covered or risk-accepted")
    CloudServiceView decommission(@PathVariable String id) {
        CloudServiceId service = Ids.service(id);
        commands.send(service, new Decommission(service));
        return view(service);
    }

    @GetMapping
    @Operation(summary = "The register: every service with its phase and open measures per phase")
    List<CloudServiceSummary> list() {
        return queries.query(new FindCloudServices(), ResponseTypes.multipleInstancesOf(CloudServiceSummary.class)).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One service: facts, classification, the status of every applicable measure per phase, evidence")
    CloudServiceView get(@PathVariable String id) {
        return view(Ids.service(id));
    }

    @GetMapping("/{id}/measures")
    @Operation(summary = "The status of every applicable measure, of one phase or of all")
    List<MeasureStatusView> measures(@PathVariable String id, @RequestParam(required = false) Phase phase) {
        CloudServiceId service = Ids.service(id);
        return queries.query(new FindServiceMeasures(service, phase), ResponseTypes.optionalInstanceOf(ServiceMeasures.class))
                .join()
                .map(ServiceMeasures::measures)
                .orElseThrow(() -> NotFoundException.service(id));
    }

    private CloudServiceView view(CloudServiceId service) {
        return queries.query(new FindCloudService(service), ResponseTypes.optionalInstanceOf(CloudServiceView.class))
                .join()
                .orElseThrow(() -> NotFoundException.service(service.value()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
