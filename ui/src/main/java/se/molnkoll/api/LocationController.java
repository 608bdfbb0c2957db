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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.exports.RegisterExport;
import se.molnkoll.exports.ServiceExports;
import se.molnkoll.exports.Spreadsheets;
import se.molnkoll.input.CommandInput;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.event.CountryRuleChanged;
import se.molnkoll.kernel.query.CountryRulesView;
import se.molnkoll.kernel.query.FindCountryRules;
import se.molnkoll.kernel.query.FindLocationHistory;
import se.molnkoll.kernel.query.FindServiceLocations;
import se.molnkoll.kernel.query.LocationCheckPeriod;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.ServiceLocationsView;
import se.molnkoll.recording.Recorder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where each service's data goes (measure 5's inventory) and whose law it answers to, checked against what its
 * classification allows (routine §2, §4.1.1, measures 3 and 24); and the country rules the check uses.
 */
@RestController
@Tag(name = "Locations")
class LocationController {

    private final Commands commands;
    private final Recorder recorder;
    private final QueryGateway queries;
    private final ServiceExports exports;
    private final Clock clock;

    LocationController(Commands commands, Recorder recorder, QueryGateway queries, ServiceExports exports, Clock clock) {
        this.commands = commands;
        this.recorder = recorder;
        this.queries = queries;
        this.exports = exports;
        this.clock = clock;
    }

    @PostMapping("/api/services/{id}/vendor-link")
    @Operation(operationId = "linkVendor", summary = "Link the service to a vendor record, with the reason",
            description = "A match proposed by GET /api/vendor-link-proposals confirmed, a vendor chosen, or a change of "
                    + "provider. The service's vendor in words stays as registered. Answers with the service's locations.")
    ResponseEntity<ServiceLocationsView> link(@PathVariable String id, @RequestBody Requests.VendorLink body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.linkVendor(service, se.molnkoll.kernel.VendorId.of(body.vendorId()), body.reason()),
                HttpStatus.OK, () -> locations(service, Moment.NOW));
    }

    @PostMapping("/api/services/{id}/vendor-evidence")
    @Tag(name = "Vendors")
    @Operation(operationId = "adoptVendorEvidence", summary = "Let evidence recorded on the service's vendor count for this service",
            description = "For the measures and phases it covers here, judged as any evidence is (the measures must apply to "
                    + "the classification and belong to the phases). Recorded as the service's own evidence (EvidenceReceived) "
                    + "beside the adoption (VendorEvidenceAdopted): it counts from now, lapses with the vendor's, and ends when "
                    + "the vendor's is withdrawn. Answers 201 with the id of the service's copy.")
    @ApiResponse(responseCode = "201", description = "Adopted; the body holds the id of the service's copy")
    @ApiResponse(responseCode = "202", description = "Adopted, but reads may not show it yet; the body holds the id",
            content = @Content(schema = @Schema(implementation = se.molnkoll.api.Answers.Created.class)), headers = @Header(
            name = Commands.READ_YOUR_WRITES_HEADER, required = true, schema = @Schema(type = "string", allowableValues = Commands.NOT_CONFIRMED)))
    ResponseEntity<Answers.Created> adopt(@PathVariable String id, @RequestBody Requests.Adoption body) {
        CloudServiceId service = Ids.service(id);
        var adoption = CommandInput.adopt(service, body.vendorEvidenceId(), body.measureIds(), body.phases());
        return commands.sendAndAnswer(service, adoption, HttpStatus.CREATED, new Answers.Created(adoption.evidenceId().value()));
    }

    @PostMapping("/api/services/{id}/locations")
    @Operation(operationId = "declareLocations", summary = "Declare where the service's data is stored and processed, and by which sub-processors",
            description = "Country codes (ISO 3166-1 alpha-2). subProcessorIds are the linked vendor's (GET /api/vendors/{id}); "
                    + "where they process is on the vendor's record. Replaces what was declared before; the history keeps it. "
                    + "Answers with the service's locations and what the location check finds.")
    ResponseEntity<ServiceLocationsView> declare(@PathVariable String id, @RequestBody Requests.Locations body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.declareLocations(service, body.storageCountries(), body.processingCountries(),
                body.subProcessorIds(), body.declaredOn(), body.evidence()), HttpStatus.OK, () -> locations(service, Moment.NOW));
    }

    @GetMapping("/api/services/{id}/locations")
    @Operation(operationId = "getServiceLocations", summary = "Where the service's data goes, whose law it answers to, and the conflicts the location check finds",
            description = "With asOf, as Molnkoll knew it then.")
    ServiceLocationsView get(@PathVariable String id, @RequestParam(required = false) String asOf) {
        return locations(Ids.service(id), TimeParameters.moment(asOf, null, clock));
    }

    @GetMapping("/api/services/{id}/locations/history")
    @Operation(operationId = "getLocationHistory", summary = "The moments the location check began and stopped finding each set of conflicts",
            description = "Periods of recorded time, oldest first; to is null for the one that holds now.")
    List<LocationCheckPeriod> history(@PathVariable String id) {
        CloudServiceId service = Ids.service(id);
        locations(service, Moment.NOW);
        return queries.query(new FindLocationHistory(service), ResponseTypes.multipleInstancesOf(LocationCheckPeriod.class)).join();
    }

    @GetMapping("/api/locations")
    @Operation(operationId = "listLocations", summary = "Measure 5's inventory: every service in use with its classification's requirements, vendor, locations and conflicts",
            description = "Of one organisation unit with unit; only services in conflict with conflicts=true; with asOf, as known then.")
    List<ServiceLocationsView> list(@RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) @Parameter(description = "An organisation unit") String unit,
                                    @RequestParam(required = false) @Parameter(description = "Only services in conflict") Boolean conflicts) {
        return inventory(TimeParameters.moment(asOf, null, clock), unit, Boolean.TRUE.equals(conflicts));
    }

    @GetMapping("/api/locations/export")
    @Operation(operationId = "exportLocations", summary = "Measure 5's inventory as a spreadsheet: xlsx or csv-excel",
            description = "What GET /api/locations answers for the same parameters, a row per service. Headers in the "
                    + "Accept-Language's language; formulas neutralised.")
    @ApiResponse(responseCode = "200", description = "The inventory", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
            required = true, description = "attachment; filename=\"molnkoll-tillgangsforteckning-….xlsx\" (or .csv)", schema = @Schema(type = "string")),
            content = {@Content(mediaType = Spreadsheets.XLSX_MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<StreamingResponseBody> export(@RequestParam String format,
                                                 @RequestParam(required = false) String asOf,
                                                 @RequestParam(required = false) @Parameter(description = "An organisation unit") String unit,
                                                 @RequestParam(required = false) @Parameter(description = "Only services in conflict") Boolean conflicts,
                                                 Locale locale) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        RegisterExport.Format chosen = ExportFormats.chosen(format, problems);
        Moment moment = TimeParameters.moment(asOf, null, clock, problems);
        TimeParameters.throwIfAny(problems);
        return exports.inventory(chosen, inventory(moment, unit, Boolean.TRUE.equals(conflicts)), locale);
    }

    @GetMapping("/api/country-rules")
    @Operation(operationId = "getCountryRules", summary = "The EU/EEA and the adequacy decisions the location check uses, with the shipped list's source and date",
            description = "Each country an administrator changed says who, when and why. With asOf, as they were then.")
    CountryRulesView countryRules(@RequestParam(required = false) String asOf) {
        return queries.query(new FindCountryRules(TimeParameters.moment(asOf, null, clock)), ResponseTypes.instanceOf(CountryRulesView.class)).join();
    }

    @PostMapping("/api/admin/country-rules")
    @Tag(name = "Administration")
    @Operation(operationId = "changeCountryRule", summary = "Change what holds for a country: EU/EEA membership or an adequacy decision",
            description = "An adequacy decision is given by its date and reference (adequacyWhole false: it covers only some "
                    + "organisations); neither: none. The reason is kept in the history. Every service is checked again from now. "
                    + "Answers the country rules in force.")
    CountryRulesView changeCountryRule(@RequestBody Requests.CountryRule body) {
        recorder.recordSetting(CountryRuleChanged.COUNTRY_RULES_ID, CommandInput.changeCountryRule(body.country(), body.euEea(),
                body.adequacyDecidedOn(), body.adequacyWhole(), body.adequacyReference(), body.reason()));
        return countryRules(null);
    }

    private List<ServiceLocationsView> inventory(Moment moment, String unit, boolean conflictsOnly) {
        return queries.query(new FindServiceLocations(moment, null, unit == null || unit.isBlank() ? null : unit.strip(), conflictsOnly),
                ResponseTypes.multipleInstancesOf(ServiceLocationsView.class)).join();
    }

    private ServiceLocationsView locations(CloudServiceId service, Moment moment) {
        return queries.query(new FindServiceLocations(moment, service, null, false),
                        ResponseTypes.multipleInstancesOf(ServiceLocationsView.class)).join().stream().findFirst()
                .orElseThrow(() -> NotFoundException.service(service.value(), moment));
    }
}
