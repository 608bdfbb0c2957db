package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.molnkoll.input.CommandInput;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.query.FindVendor;
import se.molnkoll.kernel.query.FindVendorLinkProposals;
import se.molnkoll.kernel.query.FindVendors;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.VendorLinkProposal;
import se.molnkoll.kernel.query.VendorSummary;
import se.molnkoll.kernel.query.VendorView;
import se.molnkoll.kernel.vendor.ContactPoint;
import se.molnkoll.recording.Recorder;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Vendors as records of their own: who they are in law (organisation number checked, parent company),
 * how to reach them, the sub-processors they engage. Registered and changed by contract managers, each
 * change an event; read by everyone, as of any moment by auditors and contract managers.
 */
@RestController
@Tag(name = "Vendors")
class VendorController {

    private final Recorder recorder;
    private final QueryGateway queries;
    private final Clock clock;

    VendorController(Recorder recorder, QueryGateway queries, Clock clock) {
        this.recorder = recorder;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/vendors")
    @Operation(operationId = "listVendors", summary = "Every vendor, by name, with how many services name it and how many of them conflict")
    List<VendorSummary> list(@RequestParam(required = false) String asOf) {
        return queries.query(new FindVendors(TimeParameters.moment(asOf, null, clock)),
                ResponseTypes.multipleInstancesOf(VendorSummary.class)).join();
    }

    @PostMapping("/api/vendors")
    @Operation(operationId = "registerVendor", summary = "Register a vendor",
            description = "A vendor registered in Sweden (country SE) needs its organisation number, which is checked with "
                    + "its check digit; a sole trader's personal identity number is refused. A parent company needs its "
                    + "country: its law applies to the vendor too. Answers 201 with the new id.")
    @ApiResponse(responseCode = "201", description = "Registered; the body holds the id, Location the vendor",
            headers = @Header(name = "Location", required = true, description = "The vendor", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "202", description = "Registered, but reads may not show it yet; the body holds the id",
            content = @Content(schema = @Schema(implementation = Answers.Created.class)), headers = {
            @Header(name = "Location", required = true, description = "The vendor", schema = @Schema(type = "string", format = "uri")),
            @Header(name = Commands.READ_YOUR_WRITES_HEADER, required = true, schema = @Schema(type = "string", allowableValues = Commands.NOT_CONFIRMED))})
    ResponseEntity<Answers.Created> register(@RequestBody Requests.Vendor body) {
        VendorId id = VendorId.random();
        boolean visible = recorder.recordVendor(id, CommandInput.registerVendor(id, CommandInput.vendorDetails(body.name(),
                body.organisationNumber(), body.foreignRegistration(), body.country(), body.parentCompany(), body.parentCountry())));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id.value()).toUri();
        return created(visible).location(location).body(new Answers.Created(id.value()));
    }

    @GetMapping("/api/vendors/{id}")
    @Operation(operationId = "getVendor", summary = "One vendor: details, contacts, sub-processors, and the services that name it",
            description = "With asOf, as Molnkoll knew it then (404 if it was not registered yet).")
    VendorView get(@PathVariable String id, @RequestParam(required = false) String asOf) {
        VendorId vendor = Ids.vendor(id);
        Moment moment = TimeParameters.moment(asOf, null, clock);
        return view(vendor, moment);
    }

    @PostMapping("/api/vendors/{id}/corrections")
    @Operation(operationId = "correctVendor", summary = "Correct or change a vendor's details, with the reason the history keeps",
            description = "Every detail is given, as it is to be. Answers with the vendor.")
    ResponseEntity<VendorView> correct(@PathVariable String id, @RequestBody Requests.VendorCorrection body) {
        VendorId vendor = existing(id);
        return send(vendor, CommandInput.correctVendor(vendor, CommandInput.vendorDetails(body.name(), body.organisationNumber(),
                body.foreignRegistration(), body.country(), body.parentCompany(), body.parentCountry()), body.reason()));
    }

    @PostMapping("/api/vendors/{id}/contacts/{purpose}")
    @Operation(operationId = "setVendorContact", summary = "Give, change or take away the vendor's contact for a purpose",
            description = "SUPPORT (measure 4), INCIDENT (measure 31), CONTRACT or SECURITY. A function's address, not a "
                    + "person's: events are kept forever. Name, email and phone all blank take the contact away. Answers with the vendor.")
    ResponseEntity<VendorView> contact(@PathVariable String id, @PathVariable ContactPoint.Purpose purpose,
                                       @RequestBody Requests.Contact body) {
        VendorId vendor = existing(id);
        return send(vendor, CommandInput.contact(vendor, purpose, body.name(), body.email(), body.phone()));
    }

    @PostMapping("/api/vendors/{id}/sub-processors")
    @Operation(operationId = "addSubProcessor", summary = "Record a sub-processor the vendor engages, as the vendor notified it",
            description = "Answers 201 with the sub-processor's id.")
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the sub-processor's id")
    @ApiResponse(responseCode = "202", description = "Recorded, but reads may not show it yet; the body holds the id",
            content = @Content(schema = @Schema(implementation = Answers.Created.class)), headers = @Header(
            name = Commands.READ_YOUR_WRITES_HEADER, required = true, schema = @Schema(type = "string", allowableValues = Commands.NOT_CONFIRMED)))
    ResponseEntity<Answers.Created> addSubProcessor(@PathVariable String id, @RequestBody Requests.SubProcessor body) {
        VendorId vendor = existing(id);
        var command = CommandInput.addSubProcessor(vendor, CommandInput.subProcessor(body.name(), body.country(), body.parentCountry(),
                body.activity(), body.processingCountries()), body.notifiedOn());
        return created(recorder.recordVendor(vendor, command)).body(new Answers.Created(command.subProcessorId()));
    }

    @PostMapping("/api/vendors/{id}/sub-processors/{subProcessorId}/changes")
    @Operation(operationId = "changeSubProcessor", summary = "Record a change of a sub-processor (where it processes, its owner), with the reason",
            description = "Every service using it is checked again from now. Answers with the vendor.")
    ResponseEntity<VendorView> changeSubProcessor(@PathVariable String id, @PathVariable String subProcessorId,
                                                  @RequestBody Requests.SubProcessor body) {
        VendorId vendor = existing(id);
        return send(vendor, CommandInput.changeSubProcessor(vendor, Ids.subProcessor(id, subProcessorId), CommandInput.subProcessor(
                body.name(), body.country(), body.parentCountry(), body.activity(), body.processingCountries()), body.notifiedOn(),
                body.reason()));
    }

    @PostMapping("/api/vendors/{id}/sub-processors/{subProcessorId}/removal")
    @Operation(operationId = "removeSubProcessor", summary = "Record that the vendor no longer engages a sub-processor",
            description = "Its history stays. Answers with the vendor.")
    ResponseEntity<VendorView> removeSubProcessor(@PathVariable String id, @PathVariable String subProcessorId,
                                                  @RequestBody Requests.SubProcessorRemoval body) {
        VendorId vendor = existing(id);
        return send(vendor, CommandInput.removeSubProcessor(vendor, Ids.subProcessor(id, subProcessorId), body.notifiedOn(),
                body.reason()));
    }

    @PostMapping("/api/vendors/{id}/evidence")
    @Operation(operationId = "recordVendorEvidence", summary = "Record a certificate or audit report on the vendor, once for all its services",
            description = "Each of the vendor's services adopts it for the measures and phases it covers there "
                    + "(POST /api/services/{id}/vendor-evidence). Answers 201 with the evidence's id at the vendor.")
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the evidence's id")
    @ApiResponse(responseCode = "202", description = "Recorded, but reads may not show it yet; the body holds the id",
            content = @Content(schema = @Schema(implementation = Answers.Created.class)), headers = @Header(
            name = Commands.READ_YOUR_WRITES_HEADER, required = true, schema = @Schema(type = "string", allowableValues = Commands.NOT_CONFIRMED)))
    ResponseEntity<Answers.Created> recordEvidence(@PathVariable String id, @RequestBody Requests.VendorEvidence body) {
        VendorId vendor = existing(id);
        var command = CommandInput.recordVendorEvidence(vendor, body.kind(), body.title(), body.issuer(), body.scope(), body.receivedOn(),
                body.validFrom(), body.validUntil(), body.reference());
        return created(recorder.recordVendor(vendor, command)).body(new Answers.Created(command.vendorEvidenceId()));
    }

    @PostMapping("/api/vendors/{id}/evidence/{vendorEvidenceId}/withdrawal")
    @Operation(operationId = "withdrawVendorEvidence", summary = "Withdraw evidence recorded on the vendor, with the reason",
            description = "Every service that adopted it loses it: its copy is withdrawn there too, once each, by Molnkoll "
                    + "itself (actor system:vendor-evidence) shortly after. Answers with the vendor.")
    ResponseEntity<VendorView> withdrawEvidence(@PathVariable String id, @PathVariable String vendorEvidenceId,
                                                @RequestBody Requests.Withdrawal body) {
        VendorId vendor = existing(id);
        return send(vendor, CommandInput.withdrawVendorEvidence(vendor, Ids.vendorEvidence(id, vendorEvidenceId), body.reason()));
    }

    @GetMapping("/api/vendor-link-proposals")
    @Operation(operationId = "listVendorLinkProposals", summary = "Services that name their vendor only in words, each with the vendor record whose name matches",
            description = "A proposal only: nothing is linked until a contract manager confirms it (POST /api/services/{id}/vendor-link).")
    List<VendorLinkProposal> linkProposals() {
        return queries.query(new FindVendorLinkProposals(), ResponseTypes.multipleInstancesOf(VendorLinkProposal.class)).join();
    }

    /** 201 once the read models show it; 202 with the header saying they do not yet (the body holds the new id either way). */
    private static ResponseEntity.BodyBuilder created(boolean visible) {
        return visible ? ResponseEntity.status(HttpStatus.CREATED)
                : ResponseEntity.status(HttpStatus.ACCEPTED).header(Commands.READ_YOUR_WRITES_HEADER, Commands.NOT_CONFIRMED);
    }

    private ResponseEntity<VendorView> send(VendorId vendor, Object command) {
        return recorder.recordVendor(vendor, command) ? ResponseEntity.ok(view(vendor, Moment.NOW))
                : ResponseEntity.status(HttpStatus.ACCEPTED).header(Commands.READ_YOUR_WRITES_HEADER, Commands.NOT_CONFIRMED).build();
    }

    /** The vendor, which must be known: a command to one that is not names nothing (404), rather than a rule. */
    private VendorId existing(String id) {
        VendorId vendor = Ids.vendor(id);
        view(vendor, Moment.NOW);
        return vendor;
    }

    private VendorView view(VendorId vendor, Moment moment) {
        return queries.query(new FindVendor(vendor, moment), ResponseTypes.optionalInstanceOf(VendorView.class)).join()
                .orElseThrow(() -> new NotFoundException("No vendor " + vendor.value()
                        + (moment.knownAt() == null ? "" : " was registered at " + moment.knownAt())));
    }
}
