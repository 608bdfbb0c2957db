package se.molnkoll.pages.services;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.exports.RegisterExport;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.reports.EvidencePackage;
import org.springframework.security.core.Authentication;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.Moment;

import se.molnkoll.pages.layout.Link;

import java.text.Collator;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The service register: search, filters and sorting over every cloud service. */
@Controller
class RegisterPage {

    static final String VIEW = "services/register";
    /** The columns one can sort by. */
    static final List<String> SORTS = List.of("name", "vendor", "unit", "phase", "open");

    private final QueryGateway queries;
    private final RegisterExport export;

    private final EvidencePackage evidencePackage;

    RegisterPage(QueryGateway queries, RegisterExport export, EvidencePackage evidencePackage) {
        this.evidencePackage = evidencePackage;
        this.queries = queries;
        this.export = export;
    }

    /**
     * A row of the register with what the filters need. Open: the measures open in the phase the service
     * is in now (the current step's work); the other phases' open measures apart, labelled as such.
     * Expiring: the fewest days any of its certificates has left within the warning window, or null.
     */
    record Row(CloudServiceSummary service, long openMeasures, Map<Phase, Long> otherPhases, boolean expiredCertificates,
               Long expiringInDays, boolean locationConflict) {

        static Row of(CloudServiceSummary service, boolean expired, Long expiringInDays, boolean locationConflict) {
            Map<Phase, Long> others = new EnumMap<>(Phase.class);
            service.openMeasures().forEach((phase, count) -> {
                if (phase != service.phase() && count > 0) others.put(phase, count);
            });
            return new Row(service, service.openMeasures().getOrDefault(service.phase(), 0L), others, expired, expiringInDays,
                    locationConflict);
        }
    }

    @GetMapping("/services")
    String register(@RequestParam(required = false) String q,
                    @RequestParam(required = false) Phase phase,
                    @RequestParam(required = false) String unit,
                    @RequestParam(defaultValue = "false") boolean expired,
                    @RequestParam(defaultValue = "false") boolean open,
                    @RequestParam(defaultValue = "false") boolean conflict,
                    @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String dir,
                    Model model, Locale locale) {
        Filter filter = Filter.of(q, phase, unit, expired, open, conflict, sort, dir);
        List<CloudServiceSummary> all = services();
        model.addAttribute("rows", rows(all, filter, locale));
        model.addAttribute("total", all.size());
        model.addAttribute("units", all.stream().map(CloudServiceSummary::organisationUnit).distinct()
                .sorted(Collator.getInstance(locale)).toList());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("filter", filter);
        return VIEW;
    }

    /** The rows the register shows with these filters, in its order, as a spreadsheet (xlsx or csv-excel). */
    @GetMapping("/services/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
                                                 @RequestParam(required = false) String q,
                                                 @RequestParam(required = false) Phase phase,
                                                 @RequestParam(required = false) String unit,
                                                 @RequestParam(defaultValue = "false") boolean expired,
                                                 @RequestParam(defaultValue = "false") boolean open,
                                                 @RequestParam(defaultValue = "false") boolean conflict,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir,
                                                 Locale locale) {
        RegisterExport.Format chosen = RegisterExport.Format.of(format);
        if (chosen == null) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format");
        List<RegisterExport.Row> rows = rows(services(), Filter.of(q, phase, unit, expired, open, conflict, sort, dir), locale).stream()
                .map(r -> new RegisterExport.Row(r.service(), r.expiredCertificates(), r.expiringInDays())).toList();
        return export.respond(chosen, rows, locale);
    }

    /** The evidence package (ZIP) of the services the register shows with these filters, as they are now. */
    @GetMapping("/services/evidence-package")
    ResponseEntity<StreamingResponseBody> evidencePackage(@RequestParam(required = false) String q,
                                                          @RequestParam(required = false) Phase phase,
                                                          @RequestParam(required = false) String unit,
                                                          @RequestParam(defaultValue = "false") boolean expired,
                                                          @RequestParam(defaultValue = "false") boolean open,
                                                          @RequestParam(defaultValue = "false") boolean conflict,
                                                          Authentication who, Locale locale) {
        List<CloudServiceId> selected = rows(services(), Filter.of(q, phase, unit, expired, open, conflict, null, null), locale)
                .stream().map(r -> r.service().id()).toList();
        if (selected.isEmpty()) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no service matches");
        String title = unit != null && !unit.isBlank() ? unit : q != null && !q.isBlank() ? q : "urval";
        return evidencePackage.respond(selected, title, Moment.NOW, null, who.getName());
    }

    private List<CloudServiceSummary> services() {
        return queries.query(new FindCloudServices(Moment.NOW), ResponseTypes.multipleInstancesOf(CloudServiceSummary.class)).join();
    }

    private List<Row> rows(List<CloudServiceSummary> all, Filter filter, Locale locale) {
        RegisterExport.Attention attention = export.attention(Moment.NOW);
        java.util.Set<String> inConflict = queries.query(new se.molnkoll.kernel.query.FindServiceLocations(Moment.NOW, null, null, true),
                        ResponseTypes.multipleInstancesOf(se.molnkoll.kernel.query.ServiceLocationsView.class)).join().stream()
                .map(v -> v.serviceId().value()).collect(java.util.stream.Collectors.toSet());
        String search = filter.q() == null ? "" : filter.q().strip().toLowerCase(locale);
        Collator collator = Collator.getInstance(locale);
        Comparator<Row> order = switch (filter.sort()) {
            case "vendor" -> Comparator.comparing((Row r) -> r.service().vendor(), collator);
            case "unit" -> Comparator.comparing((Row r) -> r.service().organisationUnit(), collator);
            case "phase" -> Comparator.comparing((Row r) -> r.service().phase());
            case "open" -> Comparator.comparingLong(Row::openMeasures);
            default -> Comparator.comparing((Row r) -> r.service().name(), collator);
        };
        order = order.thenComparing((Row r) -> r.service().name(), collator);
        return all.stream()
                .map(s -> Row.of(s, attention.expired().contains(s.id().value()), attention.expiringInDays().get(s.id().value()),
                        inConflict.contains(s.id().value())))
                .filter(r -> search.isEmpty() || r.service().name().toLowerCase(locale).contains(search)
                        || r.service().vendor().toLowerCase(locale).contains(search))
                .filter(r -> filter.phase() == null || r.service().phase() == filter.phase())
                .filter(r -> filter.unit() == null || filter.unit().isBlank() || r.service().organisationUnit().equals(filter.unit()))
                .filter(r -> !filter.expired() || r.expiredCertificates())
                .filter(r -> !filter.open() || r.openMeasures() > 0)
                .filter(r -> !filter.conflict() || r.locationConflict())
                .sorted("desc".equals(filter.dir()) ? order.reversed() : order)
                .toList();
    }

    /** The filters as given, to fill the form again and build the sort links. */
    record Filter(String q, Phase phase, String unit, boolean expired, boolean open, boolean conflict, String sort, String dir) {

        static Filter of(String q, Phase phase, String unit, boolean expired, boolean open, boolean conflict, String sort, String dir) {
            return new Filter(q, phase, unit, expired, open, conflict, sort != null && SORTS.contains(sort) ? sort : "name",
                    "desc".equals(dir) ? "desc" : "asc");
        }

        /** The rows this filter shows, in this order, as a spreadsheet. */
        public String exportLink(String format) {
            return Link.to("/services/export").with("format", format).with("q", q).with("phase", phase).with("unit", unit)
                    .with("expired", expired ? true : null).with("open", open ? true : null)
                    .with("conflict", conflict ? true : null).with("sort", sort).with("dir", dir).toString();
        }

        /** The evidence package of the services this filter shows. */
        public String evidencePackageLink() {
            return Link.to("/services/evidence-package").with("q", q).with("phase", phase).with("unit", unit)
                    .with("expired", expired ? true : null).with("open", open ? true : null)
                    .with("conflict", conflict ? true : null).toString();
        }

        /** The register sorted by the column: ascending, or the other way if it is sorted by it already. */
        public String sortLink(String column) {
            return Link.to("/services").with("q", q).with("phase", phase).with("unit", unit)
                    .with("expired", expired ? true : null).with("open", open ? true : null)
                    .with("conflict", conflict ? true : null).with("sort", column).with("dir", column.equals(sort) && "asc".equals(dir) ? "desc" : "asc").toString();
        }

        /** aria-sort for a column header. */
        public String ariaSort(String column) {
            return column.equals(sort) ? ("asc".equals(dir) ? "ascending" : "descending") : null;
        }
    }
}
