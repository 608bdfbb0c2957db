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
import se.molnkoll.kernel.query.FindRegisterPage;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.RegisterRow;

import se.molnkoll.pages.layout.Link;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service register: search, filters and sorting over every cloud service, a page of
 * {@value #PAGE_SIZE} at a time, each filtered, sorted and counted by the database; the export and the
 * evidence package take every service the filters match.
 */
@Controller
class RegisterPage {

    static final String VIEW = "services/register";
    static final int PAGE_SIZE = 50;
    /** The columns one can sort by. */
    static final List<String> SORTS = Arrays.stream(FindRegisterPage.Sort.values()).map(FindRegisterPage.Sort::parameter).toList();

    private final QueryGateway queries;
    private final RegisterExport export;
    private final EvidencePackage evidencePackage;

    RegisterPage(QueryGateway queries, RegisterExport export, EvidencePackage evidencePackage) {
        this.evidencePackage = evidencePackage;
        this.queries = queries;
        this.export = export;
    }

    /** A row of the register: the service, and the other phases' open measures apart, labelled as such. */
    record Row(RegisterRow service, Map<Phase, Long> otherPhases) {

        static Row of(RegisterRow service) {
            Map<Phase, Long> others = new EnumMap<>(Phase.class);
            service.openMeasures().forEach((phase, count) -> {
                if (phase != service.phase() && count > 0) others.put(phase, count);
            });
            return new Row(service, others);
        }

        public long openMeasures() {
            return service.openInPhase();
        }

        public boolean expiredCertificates() {
            return service.expiredCertificates();
        }

        public Long expiringInDays() {
            return service.expiringInDays();
        }

        public boolean locationConflict() {
            return service.locationConflict();
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
                    @RequestParam(defaultValue = "0") int page,
                    Model model) {
        if (page < 0) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page");
        Filter filter = Filter.of(q, phase, unit, expired, open, conflict, sort, dir);
        se.molnkoll.kernel.query.RegisterPage shown = queries.query(new FindRegisterPage(Moment.NOW, filter.query(), filter.order(),
                filter.descending(), page, PAGE_SIZE, export.warningDays()),
                ResponseTypes.instanceOf(se.molnkoll.kernel.query.RegisterPage.class)).join();
        model.addAttribute("rows", shown.services().stream().map(Row::of).toList());
        model.addAttribute("register", shown);
        model.addAttribute("first", shown.services().isEmpty() ? 0 : (long) page * PAGE_SIZE + 1);
        model.addAttribute("last", (long) page * PAGE_SIZE + shown.services().size());
        model.addAttribute("units", shown.units());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("filter", filter);
        return VIEW;
    }

    /** The rows the register shows with these filters, on every page, in its order, as a spreadsheet (xlsx or csv-excel). */
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
        Filter filter = Filter.of(q, phase, unit, expired, open, conflict, sort, dir);
        return export.respond(chosen, export.register(Moment.NOW, filter.query(), filter.order(), filter.descending()), locale);
    }

    /** The evidence package (ZIP) of the services the register shows with these filters, on every page, as they are now. */
    @GetMapping("/services/evidence-package")
    ResponseEntity<StreamingResponseBody> evidencePackage(@RequestParam(required = false) String q,
                                                          @RequestParam(required = false) Phase phase,
                                                          @RequestParam(required = false) String unit,
                                                          @RequestParam(defaultValue = "false") boolean expired,
                                                          @RequestParam(defaultValue = "false") boolean open,
                                                          @RequestParam(defaultValue = "false") boolean conflict,
                                                          Authentication who) {
        Filter filter = Filter.of(q, phase, unit, expired, open, conflict, null, null);
        List<CloudServiceId> selected = export.register(Moment.NOW, filter.query(), filter.order(), false).stream()
                .map(RegisterRow::id).toList();
        if (selected.isEmpty()) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no service matches");
        String title = unit != null && !unit.isBlank() ? unit : q != null && !q.isBlank() ? q : "urval";
        return evidencePackage.respond(selected, title, Moment.NOW, null, who.getName());
    }

    /** The filters as given, to fill the form again and build the sort and page links. */
    record Filter(String q, Phase phase, String unit, boolean expired, boolean open, boolean conflict, String sort, String dir) {

        static Filter of(String q, Phase phase, String unit, boolean expired, boolean open, boolean conflict, String sort, String dir) {
            return new Filter(q, phase, unit, expired, open, conflict, sort != null && SORTS.contains(sort) ? sort : "name",
                    "desc".equals(dir) ? "desc" : "asc");
        }

        FindRegisterPage.Filter query() {
            return new FindRegisterPage.Filter(q, phase, unit, expired, open, conflict);
        }

        FindRegisterPage.Sort order() {
            return FindRegisterPage.Sort.of(sort);
        }

        boolean descending() {
            return "desc".equals(dir);
        }

        private Link filtered(String path) {
            return filtered(Link.to(path));
        }

        private Link filtered(Link link) {
            return link.with("q", q).with("phase", phase).with("unit", unit)
                    .with("expired", expired ? true : null).with("open", open ? true : null)
                    .with("conflict", conflict ? true : null);
        }

        /** The rows this filter shows, in this order, as a spreadsheet. */
        public String exportLink(String format) {
            return filtered(Link.to("/services/export").with("format", format)).with("sort", sort).with("dir", dir).toString();
        }

        /** The evidence package of the services this filter shows. */
        public String evidencePackageLink() {
            return filtered("/services/evidence-package").toString();
        }

        /** The register sorted by the column: ascending, or the other way if it is sorted by it already; from its first page. */
        public String sortLink(String column) {
            return filtered("/services").with("sort", column)
                    .with("dir", column.equals(sort) && "asc".equals(dir) ? "desc" : "asc").toString();
        }

        /** Another page of the register with this filter and order. */
        public String pageLink(int page) {
            return filtered("/services").with("sort", sort).with("dir", dir).with("page", page == 0 ? null : page).toString();
        }

        /** aria-sort for a column header. */
        public String ariaSort(String column) {
            return column.equals(sort) ? ("asc".equals(dir) ? "ascending" : "descending") : null;
        }
    }
}
