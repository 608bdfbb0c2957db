package se.molnkoll.pages.services;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.FindCertificates;
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
    private final int warningDays;

    RegisterPage(QueryGateway queries, CertificateProperties certificates) {
        this.queries = queries;
        this.warningDays = certificates.warningDays();
    }

    /** A row of the register with what the filters need. */
    /**
     * A row of the register with what the filters need. Open: the measures open in the phase the service
     * is in now (the current step's work); the other phases' open measures apart, labelled as such.
     * Expiring: the fewest days any of its certificates has left within the warning window, or null.
     */
    record Row(CloudServiceSummary service, long openMeasures, Map<Phase, Long> otherPhases, boolean expiredCertificates,
               Long expiringInDays) {

        static Row of(CloudServiceSummary service, boolean expired, Long expiringInDays) {
            Map<Phase, Long> others = new EnumMap<>(Phase.class);
            service.openMeasures().forEach((phase, count) -> {
                if (phase != service.phase() && count > 0) others.put(phase, count);
            });
            return new Row(service, service.openMeasures().getOrDefault(service.phase(), 0L), others, expired, expiringInDays);
        }
    }

    @GetMapping("/services")
    String register(@RequestParam(required = false) String q,
                    @RequestParam(required = false) Phase phase,
                    @RequestParam(required = false) String unit,
                    @RequestParam(defaultValue = "false") boolean expired,
                    @RequestParam(defaultValue = "false") boolean open,
                    @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String dir,
                    Model model, Locale locale) {
        List<CloudServiceSummary> all = queries.query(new FindCloudServices(Moment.NOW),
                ResponseTypes.multipleInstancesOf(CloudServiceSummary.class)).join();
        Set<String> withExpired = queries.query(new FindCertificates(CertificateStatus.EXPIRED, 0),
                        ResponseTypes.multipleInstancesOf(CertificateView.class)).join().stream()
                .map(c -> c.serviceId().value()).collect(Collectors.toSet());
        Map<String, Long> expiring = queries.query(new FindCertificates(CertificateStatus.EXPIRING, warningDays),
                        ResponseTypes.multipleInstancesOf(CertificateView.class)).join().stream()
                .collect(Collectors.toMap(c -> c.serviceId().value(), CertificateView::daysLeft, Math::min));
        String search = q == null ? "" : q.strip().toLowerCase(locale);
        String sortBy = sort != null && SORTS.contains(sort) ? sort : "name";
        boolean descending = "desc".equals(dir);
        Collator collator = Collator.getInstance(locale);
        Comparator<Row> order = switch (sortBy) {
            case "vendor" -> Comparator.comparing((Row r) -> r.service().vendor(), collator);
            case "unit" -> Comparator.comparing((Row r) -> r.service().organisationUnit(), collator);
            case "phase" -> Comparator.comparing((Row r) -> r.service().phase());
            case "open" -> Comparator.comparingLong(Row::openMeasures);
            default -> Comparator.comparing((Row r) -> r.service().name(), collator);
        };
        order = order.thenComparing((Row r) -> r.service().name(), collator);
        List<Row> rows = all.stream()
                .map(s -> Row.of(s, withExpired.contains(s.id().value()), expiring.get(s.id().value())))
                .filter(r -> search.isEmpty() || r.service().name().toLowerCase(locale).contains(search)
                        || r.service().vendor().toLowerCase(locale).contains(search))
                .filter(r -> phase == null || r.service().phase() == phase)
                .filter(r -> unit == null || unit.isBlank() || r.service().organisationUnit().equals(unit))
                .filter(r -> !expired || r.expiredCertificates())
                .filter(r -> !open || r.openMeasures() > 0)
                .sorted(descending ? order.reversed() : order)
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", all.size());
        model.addAttribute("units", all.stream().map(CloudServiceSummary::organisationUnit).distinct()
                .sorted(collator).toList());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("filter", new Filter(q, phase, unit, expired, open, sortBy, descending ? "desc" : "asc"));
        return VIEW;
    }

    /** The filters as given, to fill the form again and build the sort links. */
    record Filter(String q, Phase phase, String unit, boolean expired, boolean open, String sort, String dir) {

        /** The register sorted by the column: ascending, or the other way if it is sorted by it already. */
        public String sortLink(String column) {
            return Link.to("/services").with("q", q).with("phase", phase).with("unit", unit)
                    .with("expired", expired ? true : null).with("open", open ? true : null)
                    .with("sort", column).with("dir", column.equals(sort) && "asc".equals(dir) ? "desc" : "asc").toString();
        }

        /** aria-sort for a column header. */
        public String ariaSort(String column) {
            return column.equals(sort) ? ("asc".equals(dir) ? "ascending" : "descending") : null;
        }
    }
}
