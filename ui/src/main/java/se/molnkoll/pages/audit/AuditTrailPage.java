package se.molnkoll.pages.audit;

import se.molnkoll.input.Text;
import se.molnkoll.exports.AuditExport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.RequestContextUtils;
import se.molnkoll.pages.layout.Link;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.StorableValues;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.FindAuditTrail;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.query.api.ReadModels;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The audit trail for auditors: every recorded event, newest first, filtered by service, actor,
 * event type and days; and the same selection exported as CSV or JSON for archiving.
 */
@Controller
class AuditTrailPage {

    static final String VIEW = "audit/trail";
    static final int PAGE_SIZE = 50;

    /** The event names one may filter on. */
    static final SortedSet<String> EVENT_TYPES = CloudServiceEvent.typeNames();

    private final QueryGateway queries;
    private final AuditExport export;
    private final ReadModels readModels;
    private final MessageSource messages;

    AuditTrailPage(QueryGateway queries, AuditExport export, ReadModels readModels, MessageSource messages) {
        this.queries = queries;
        this.export = export;
        this.readModels = readModels;
        this.messages = messages;
    }

    /** The filter as the user gave it; {@code problems} maps a field to the message key of what is wrong with it. */
    record Filter(String service, String actor, String type, String from, String to, java.util.Map<String, String> problems) {

        static Filter of(String service, String actor, String type, String from, String to) {
            return new Filter(Text.blankToNull(service), Text.blankToNull(actor), Text.blankToNull(type), Text.blankToNull(from), Text.blankToNull(to),
                    new java.util.LinkedHashMap<>());
        }

        /** The filter for the query; parts with a problem are recorded in {@link #problems()}. */
        AuditFilter toQuery() {
            CloudServiceId id = null;
            if (service != null) {
                try {
                    id = CloudServiceId.of(service);
                } catch (IllegalArgumentException e) {
                    problems.put("service", "audit.badService");
                }
            }
            if (actor != null && StorableValues.lineProblem(actor) != null) problems.put("actor", "audit.badActor");
            if (type != null && !EVENT_TYPES.contains(type)) problems.put("type", "audit.badType");
            LocalDate fromDay = day(from, "from");
            LocalDate toDay = day(to, "to");
            if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) problems.put("to", "audit.toBeforeFrom");
            Instant start = fromDay == null ? null : BusinessDates.startOf(fromDay);
            // a day is inclusive: up to the start of the next
            Instant end = toDay == null ? null : BusinessDates.startOf(toDay.plusDays(1));
            return new AuditFilter(id, actor, type, start, end);
        }

        private LocalDate day(String value, String field) {
            if (value == null) return null;
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.put(field, "moment.invalidDate");
                return null;
            }
        }

        /** The link to this filter with another page or as an export. */
        String link(String path, String name, Object value) {
            Link link = Link.to(path).with("service", service).with("actor", actor).with("type", type).with("from", from)
                    .with("to", to);
            return (name == null ? link : link.with(name, value)).toString();
        }

        public String page(int page) {
            return page == 0 ? link("/audit", null, null) : link("/audit", "page", page);
        }

        public String export(String format) {
            return link("/audit/export", "format", format);
        }
    }

    @GetMapping("/audit")
    String trail(@RequestParam(required = false) String service, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) String type, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
        Filter filter = Filter.of(service, actor, type, from, to);
        AuditFilter query = filter.toQuery();
        model.addAttribute("filter", filter);
        model.addAttribute("types", EVENT_TYPES);
        List<CloudServiceSummary> services = queries.query(new FindCloudServices(Moment.NOW),
                        ResponseTypes.multipleInstancesOf(CloudServiceSummary.class)).join().stream()
                .sorted(Comparator.comparing(CloudServiceSummary::name, String.CASE_INSENSITIVE_ORDER)).toList();
        model.addAttribute("services", services);
        model.addAttribute("serviceNames", services.stream()
                .collect(Collectors.toMap(s -> s.id().value(), CloudServiceSummary::name)));
        model.addAttribute("vendorNames", queries.query(new se.molnkoll.kernel.query.FindVendors(Moment.NOW),
                        ResponseTypes.multipleInstancesOf(se.molnkoll.kernel.query.VendorSummary.class)).join().stream()
                .collect(Collectors.toMap(v -> v.vendorId().value(), v -> v.details().name())));
        if (filter.problems().isEmpty()) {
            // a page beyond any trail is simply empty, not an overflow
            int shown = Math.min(Math.max(page, 0), Integer.MAX_VALUE / PAGE_SIZE - 1);
            AuditPage trail = queries.query(new FindAuditTrail(query, shown, PAGE_SIZE, true),
                    ResponseTypes.instanceOf(AuditPage.class)).join();
            model.addAttribute("trail", trail);
            model.addAttribute("summaries", EvidenceTitles.named(trail.entries(), this::evidenceTitles));
        }
        return VIEW;
    }

    /** The titles of a service's evidence as now known (evidence is never removed, only withdrawn). */
    private Map<String, String> evidenceTitles(String serviceId) {
        return queries.query(new FindCloudService(CloudServiceId.of(serviceId)), ResponseTypes.optionalInstanceOf(CloudServiceView.class))
                .join().map(view -> view.evidence().stream().collect(Collectors.toMap(e -> e.id().value(), EvidenceView::title)))
                .orElse(Map.of());
    }

    @GetMapping("/audit/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format, @RequestParam(required = false) String service,
                  @RequestParam(required = false) String actor, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  Authentication who, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Filter filter = Filter.of(service, actor, type, from, to);
        AuditFilter query = filter.toQuery();
        AuditExport.Format chosen = AuditExport.Format.of(format);
        List<String> refused = new ArrayList<>();
        if (chosen == null) refused.add(messages.getMessage("audit.badFormat", null, locale));
        filter.problems().values().forEach(key -> refused.add(messages.getMessage(key, null, locale)));
        if (readModels.isRebuilding()) refused.add(messages.getMessage("audit.rebuildRunning", null, locale));
        if (!refused.isEmpty()) {
            // back to the trail with the same filter, saying why
            String location = request.getContextPath() + filter.page(0);
            RequestContextUtils.getOutputFlashMap(request).put("refused", refused);
            RequestContextUtils.saveOutputFlashMap(location, request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
        }
        return export.respond(chosen, query, who.getName());
    }

}
