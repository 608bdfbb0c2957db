package se.molnkoll.pages.dashboard;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.exports.RegisterExport;
import se.molnkoll.exports.ServiceExports;
import org.springframework.web.bind.annotation.RequestParam;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.Dashboard;
import se.molnkoll.kernel.query.FindCertificates;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.FindDashboard;
import se.molnkoll.pages.layout.PageMoment;
import se.molnkoll.reports.PortfolioFigures;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start page: services and open measures per phase, expired and expiring certificates (most
 * urgent first), unclassified services; as of a past date for those who may look back.
 */
@Controller
class DashboardPage {

    static final String VIEW = "dashboard";

    private final QueryGateway queries;
    private final Clock clock;
    private final int warningDays;

    private final ServiceExports exports;

    DashboardPage(QueryGateway queries, Clock clock, CertificateProperties certificates, ServiceExports exports) {
        this.exports = exports;
        this.queries = queries;
        this.clock = clock;
        this.warningDays = certificates.warningDays();
    }

    /** The dashboard's certificates (expired and expiring, at the same moment) as a spreadsheet. */
    @GetMapping("/certificates/export")
    ResponseEntity<StreamingResponseBody> exportCertificates(@RequestParam(required = false) String format,
                                                             @RequestParam(required = false) String asOf, Locale locale) {
        RegisterExport.Format chosen = RegisterExport.Format.of(format);
        PageMoment moment = PageMoment.parse(asOf, null, null, clock);
        if (chosen == null || !moment.problems().isEmpty()) throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        return exports.certificates(chosen, queries.query(new FindCertificates(null, warningDays, moment.moment()),
                ResponseTypes.multipleInstancesOf(CertificateView.class)).join(), locale);
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String asOf, Model model, Locale locale) {
        PageMoment moment = PageMoment.parse(asOf, null, null, clock);
        Dashboard dashboard = queries.query(new FindDashboard(warningDays, moment.moment()),
                ResponseTypes.instanceOf(Dashboard.class)).join();
        List<CertificateView> certificates = queries.query(new FindCertificates(null, warningDays, moment.moment()),
                ResponseTypes.multipleInstancesOf(CertificateView.class)).join();
        List<CloudServiceSummary> services = queries.query(new FindCloudServices(moment.moment()),
                ResponseTypes.multipleInstancesOf(CloudServiceSummary.class)).join();
        List<CloudServiceSummary> unclassified = services.stream()
                .filter(s -> !s.classified() && !s.decommissioned())
                .toList();
        Map<Phase, Long> openInPhase = PortfolioFigures.openWhereTheServicesAre(services);
        long largest = openInPhase.values().stream().mapToLong(Long::longValue).max().orElse(0);
        model.addAttribute("moment", moment);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("chartScale", Math.max(largest, 1));
        model.addAttribute("openInPhase", openInPhase);
        model.addAttribute("certificates", certificates);
        model.addAttribute("unclassified", unclassified);
        model.addAttribute("units", services.stream().map(CloudServiceSummary::organisationUnit).distinct()
                .sorted(java.text.Collator.getInstance(locale)).toList());
        return VIEW;
    }
}
