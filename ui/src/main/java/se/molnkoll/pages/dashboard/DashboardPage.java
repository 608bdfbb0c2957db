package se.molnkoll.pages.dashboard;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
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

    DashboardPage(QueryGateway queries, Clock clock, CertificateProperties certificates) {
        this.queries = queries;
        this.clock = clock;
        this.warningDays = certificates.warningDays();
    }

    /**
     * The open measures of each phase's work: for every service in use, those open in the phase it is
     * in now. A service still being acquired adds nothing to operation's bar; its later phases' measures
     * are not yet anyone's work.
     */
    static Map<Phase, Long> openWhereTheServicesAre(List<CloudServiceSummary> services) {
        Map<Phase, Long> open = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) open.put(phase, 0L);
        for (CloudServiceSummary service : services) {
            if (service.decommissioned()) continue;
            open.merge(service.phase(), service.openMeasures().getOrDefault(service.phase(), 0L), Long::sum);
        }
        return open;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String asOf, Model model) {
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
        Map<Phase, Long> openInPhase = openWhereTheServicesAre(services);
        long largest = openInPhase.values().stream().mapToLong(Long::longValue).max().orElse(0);
        model.addAttribute("moment", moment);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("chartScale", Math.max(largest, 1));
        model.addAttribute("openInPhase", openInPhase);
        model.addAttribute("certificates", certificates);
        model.addAttribute("unclassified", unclassified);
        return VIEW;
    }
}
