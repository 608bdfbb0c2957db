package se.molnkoll.pages.services;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.exports.RegisterExport;
import se.molnkoll.exports.ServiceExports;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.documents.Documents;
import se.molnkoll.documents.StoredDocument;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.catalogue.Measure;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditEntry;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.DocumentView;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.FindAuditTrail;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindServiceChanges;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.FindTasks;
import se.molnkoll.kernel.query.FindReviews;
import se.molnkoll.kernel.query.ReviewView;
import se.molnkoll.kernel.query.TaskView;
import se.molnkoll.kernel.query.RiskProposalView;
import se.molnkoll.kernel.query.ServiceChanges;
import se.molnkoll.security.Role;
import se.molnkoll.security.UnitScope;
import se.molnkoll.pages.audit.EvidenceTitles;
import se.molnkoll.pages.layout.PageMoment;
import se.molnkoll.reports.Lapsing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One cloud service: facts, classification, measures per phase with their status and text, evidence
 * with its document, and its history; for auditors also as of a past moment and compared between two.
 */
@Controller
class ServicePage {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServicePage.class);

    static final String VIEW = "services/service";
    /** The routine's measure for the classification and the evaluation of the provider against it. */
    static final int CLASSIFICATION_MEASURE = 24;
    /** The service page for a moment before the service was registered. */
    static final String NOT_YET = "services/not-yet";
    static final String CHANGES_VIEW = "services/changes";
    static final int TIMELINE_LENGTH = 100;

    private final QueryGateway queries;
    private final MeasureCatalogue catalogue;
    private final Documents documents;
    private final Clock clock;
    private final int warningDays;

    private final ServiceExports exports;

    ServicePage(QueryGateway queries, MeasureCatalogue catalogue, Documents documents, Clock clock,
                CertificateProperties certificates, ServiceExports exports) {
        this.exports = exports;
        this.warningDays = certificates.warningDays();
        this.queries = queries;
        this.catalogue = catalogue;
        this.documents = documents;
        this.clock = clock;
    }

    /** One applicable measure in one phase, with what the page shows of it. */
    record MeasureRow(Measure measure, Phase phase, MeasureStatus status, List<String> evidence) {
    }

    @GetMapping("/services/{id}")
    String service(@PathVariable String id, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String asOfTime, @RequestParam(required = false) String validAt,
                   Authentication who, Model model) {
        CloudServiceId service = serviceId(id);
        PageMoment moment = PageMoment.parse(asOf, asOfTime, validAt, clock);
        Optional<CloudServiceView> then = lookUp(service, moment.moment());
        if (then.isEmpty() && !moment.isNow()) {
            // asked about a moment before the service was registered: say so, on the service's own page
            model.addAttribute("view", find(service, Moment.NOW));
            model.addAttribute("moment", moment);
            return NOT_YET;
        }
        CloudServiceView view = then.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (view.archivedBecause() != null && !Role.mayReadAuditTrail(who)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND); // archived: left for those who read history
        }
        Map<EvidenceId, String> titles = view.evidence().stream().collect(Collectors.toMap(EvidenceView::id, EvidenceView::title));
        Map<Phase, List<MeasureRow>> measures = new EnumMap<>(Phase.class);
        for (MeasureStatusView m : view.measures()) {
            Measure measure = catalogue.measure(m.measureId()).orElseThrow();
            measures.computeIfAbsent(m.phase(), phase -> new ArrayList<>()).add(new MeasureRow(measure, m.phase(), m.status(),
                    m.evidenceIds().stream().map(titles::get).toList()));
        }
        List<MeasureRow> blocking = measures.getOrDefault(Phase.ACQUIRE, List.of()).stream()
                .filter(m -> m.status().isOpen()).toList();
        List<MeasureRow> exitBlocking = measures.getOrDefault(Phase.EXIT, List.of()).stream()
                .filter(m -> m.status().isOpen()).toList();
        model.addAttribute("view", view);
        // a manager limited to other organisation units reads the service but gets no controls for it
        model.addAttribute("mayChange", Role.isManager(who) && UnitScope.allows(who, view.organisationUnit()));
        model.addAttribute("moment", moment);
        model.addAttribute("measures", measures);
        model.addAttribute("operationBlockedBy", blocking);
        model.addAttribute("decommissioningBlockedBy", exitBlocking);
        model.addAttribute("applicableCount", view.measures().stream().map(MeasureStatusView::measureId).distinct().count());
        model.addAttribute("evidenceTitles", titles);
        model.addAttribute("riskAnalysisReopened", riskAnalysisReopened(view, moment.moment().knownAt()));
        model.addAttribute("expiringIn", Lapsing.evidenceExpiringIn(view, warningDays));
        model.addAttribute("acceptanceEndsIn", Lapsing.acceptancesEndingIn(view, warningDays));
        model.addAttribute("reviews", queries.query(new FindReviews(moment.moment(), service, false),
                ResponseTypes.multipleInstancesOf(ReviewView.class)).join());
        List<TaskView> tasks = queries.query(new FindTasks(moment.moment(), null, service, true),
                ResponseTypes.multipleInstancesOf(TaskView.class)).join();
        model.addAttribute("tasks", tasks);
        model.addAttribute("tasksByPair", tasks.stream().filter(t -> t.measureId() != null)
                .collect(Collectors.toMap(t -> t.measureId().value() + "-" + t.phase(), t -> t, (a, b) -> a)));
        se.molnkoll.kernel.query.ServiceLocationsView locations = queries.query(
                new se.molnkoll.kernel.query.FindServiceLocations(moment.moment(), service, null, false),
                ResponseTypes.multipleInstancesOf(se.molnkoll.kernel.query.ServiceLocationsView.class)).join().stream().findFirst().orElse(null);
        model.addAttribute("locations", locations);
        model.addAttribute("locationHistory", locations == null ? List.of() : queries.query(
                        new se.molnkoll.kernel.query.FindLocationHistory(service),
                        ResponseTypes.multipleInstancesOf(se.molnkoll.kernel.query.LocationCheckPeriod.class)).join().stream()
                .filter(p -> moment.moment().knownAt() == null || !p.from().isAfter(moment.moment().knownAt())).toList());
        if (locations != null && locations.vendorId() == null && moment.isNow()) {
            model.addAttribute("vendorChoices", queries.query(new se.molnkoll.kernel.query.FindVendors(Moment.NOW),
                    ResponseTypes.multipleInstancesOf(se.molnkoll.kernel.query.VendorSummary.class)).join());
        }
        // approved proposals are shown as the acceptances they became
        model.addAttribute("openProposals", view.riskProposals().stream()
                .filter(p -> p.state() != RiskProposalView.State.APPROVED).toList());
        // measure 24 asks for the classification and for an evaluation against it; classifying closes only half
        model.addAttribute("evaluationOpen", view.classification() != null && blocking.stream()
                .anyMatch(m -> m.measure().id().value() == CLASSIFICATION_MEASURE));
        if (Role.mayReadAuditTrail(who)) {
            Instant knownAt = moment.moment().knownAt();
            // up to the moment shown, inclusive (recorded times have microseconds)
            AuditFilter upToMoment = new AuditFilter(service, null, null, null, knownAt == null ? null : knownAt.plusNanos(1_000));
            AuditPage trail = queries.query(new FindAuditTrail(upToMoment, 0, TIMELINE_LENGTH, true),
                    ResponseTypes.instanceOf(AuditPage.class)).join();
            model.addAttribute("timeline", trail.entries());
            Map<String, String> titlesById = view.evidence().stream().collect(Collectors.toMap(e -> e.id().value(), EvidenceView::title));
            model.addAttribute("summaries", EvidenceTitles.named(trail.entries(), ignored -> titlesById));
            model.addAttribute("timelineTotal", trail.totalEntries());
        }
        return VIEW;
    }

    /** Why the risk analysis in operation (measure 42) is open again, if it is and something re-opened it. */
    record Reopening(String type, java.time.LocalDate on, String description) {
    }

    private Reopening riskAnalysisReopened(CloudServiceView view, Instant knownAt) {
        boolean open = view.measures().stream().anyMatch(m -> m.measureId().equals(MeasureId.RISK_ANALYSIS)
                && m.phase() == Phase.OPERATE && m.status().isOpen());
        if (!open) return null;
        Instant upTo = knownAt == null ? null : knownAt.plusNanos(1_000);
        AuditEntry newest = null;
        for (String type : List.of("RiskAnalysisReopened", "ProviderChangeRecorded")) {
            List<AuditEntry> found = queries.query(new FindAuditTrail(new AuditFilter(view.id(), null, type, null, upTo), 0, 1, true),
                    ResponseTypes.instanceOf(AuditPage.class)).join().entries();
            if (!found.isEmpty() && (newest == null || found.get(0).position() > newest.position())) newest = found.get(0);
        }
        if (newest == null) return null;
        try {
            com.fasterxml.jackson.databind.JsonNode payload = JSON.readTree(newest.payload());
            return newest.type().equals("RiskAnalysisReopened")
                    ? new Reopening(newest.type(), java.time.LocalDate.parse(payload.get("reopenedOn").asText()), null)
                    : new Reopening(newest.type(), java.time.LocalDate.parse(payload.get("changedOn").asText()),
                    payload.get("description").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The audit trail holds an event that is not JSON: " + newest.eventId(), e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The service's measures as the page shows them at the same moment, as a spreadsheet. */
    @GetMapping("/services/{id}/measures/export")
    ResponseEntity<StreamingResponseBody> exportMeasures(@PathVariable String id, @RequestParam(required = false) String format,
                                                         @RequestParam(required = false) String asOf,
                                                         @RequestParam(required = false) String asOfTime,
                                                         @RequestParam(required = false) String validAt,
                                                         Authentication who, Locale locale) {
        RegisterExport.Format chosen = RegisterExport.Format.of(format);
        PageMoment moment = PageMoment.parse(asOf, asOfTime, validAt, clock);
        if (chosen == null || !moment.problems().isEmpty()) throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        CloudServiceView view = lookUp(serviceId(id), moment.moment())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (view.archivedBecause() != null && !Role.mayReadAuditTrail(who)) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        return exports.measures(chosen, view, view.measures(), locale);
    }

    @GetMapping("/services/{id}/changes")
    String changes(@PathVariable String id, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String fromTime, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String toTime, Model model) {
        CloudServiceId service = serviceId(id);
        CloudServiceView view = find(service, Moment.NOW);
        model.addAttribute("view", view);
        model.addAttribute("form", new ChangesForm(from, fromTime, to, toTime));
        if (from == null && to == null) {
            return CHANGES_VIEW;
        }
        List<String> fromProblems = new ArrayList<>();
        List<String> toProblems = new ArrayList<>();
        Instant start = PageMoment.instant(from, fromTime, clock, fromProblems);
        Instant end = to == null || to.isBlank() ? clock.instant() : PageMoment.instant(to, toTime, clock, toProblems);
        if (start != null && end != null && !end.isAfter(start)) {
            toProblems.add("changes.toBeforeFrom");
        }
        model.addAttribute("fromProblems", fromProblems);
        model.addAttribute("toProblems", toProblems);
        if (fromProblems.isEmpty() && toProblems.isEmpty()) {
            ServiceChanges changes = queries.query(new FindServiceChanges(service, start, end),
                    ResponseTypes.optionalInstanceOf(ServiceChanges.class)).join().orElse(null);
            model.addAttribute("changes", changes);
            model.addAttribute("evidenceTitles", view.evidence().stream()
                    .collect(Collectors.toMap(EvidenceView::id, EvidenceView::title)));
        }
        return CHANGES_VIEW;
    }

    /** The comparison's moments as the user gave them. */
    record ChangesForm(String from, String fromTime, String to, String toTime) {
    }

    @GetMapping("/services/{id}/evidence/{evidenceId}/document")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable String evidenceId) {
        CloudServiceId service = serviceId(id);
        EvidenceId evidence;
        try {
            evidence = EvidenceId.of(evidenceId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        DocumentView recorded = find(service, Moment.NOW).evidence().stream().filter(e -> e.id().equals(evidence))
                .findFirst().map(EvidenceView::document)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        StoredDocument document = documents.load(evidence, recorded);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Documents.attachment(document.fileName()))
                .body(document.content());
    }

    /** A stored document that no longer matches its recorded hash is not handed out; the page says why. */
    @ExceptionHandler(Documents.DocumentIntegrityException.class)
    ModelAndView integrityFailed(Documents.DocumentIntegrityException failure) {
        log.error("A document failed its integrity check: {}", failure.getMessage());
        ModelAndView page = new ModelAndView("error", Map.of("status", 500, "integrity", true));
        page.setStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        return page;
    }

    private CloudServiceView find(CloudServiceId service, Moment moment) {
        return lookUp(service, moment).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Optional<CloudServiceView> lookUp(CloudServiceId service, Moment moment) {
        return queries.query(new FindCloudService(service, moment), ResponseTypes.optionalInstanceOf(CloudServiceView.class))
                .join();
    }

    static CloudServiceId serviceId(String id) {
        try {
            return CloudServiceId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
