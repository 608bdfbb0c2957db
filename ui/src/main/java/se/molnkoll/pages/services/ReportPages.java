package se.molnkoll.pages.services;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.pages.layout.PageMoment;
import se.molnkoll.reports.EvidencePackage;
import se.molnkoll.reports.ServiceReport;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** The service page's reports, for the moment the page shows: its report (PDF) and its evidence package (ZIP). */
@Controller
class ReportPages {

    private final ServiceReport serviceReport;
    private final EvidencePackage evidencePackage;
    private final Clock clock;

    ReportPages(ServiceReport serviceReport, EvidencePackage evidencePackage, Clock clock) {
        this.serviceReport = serviceReport;
        this.evidencePackage = evidencePackage;
        this.clock = clock;
    }

    @GetMapping("/services/{id}/report")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String id, @RequestParam(required = false) String asOf,
                                                 @RequestParam(required = false) String asOfTime,
                                                 @RequestParam(required = false) String validAt, Authentication who, Locale locale) {
        CloudServiceId service = ServicePage.serviceId(id);
        PageMoment moment = moment(asOf, asOfTime, validAt);
        return serviceReport.respond(service, moment.moment(), null, locale, who.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/services/{id}/evidence-package")
    ResponseEntity<StreamingResponseBody> evidencePackage(@PathVariable String id, @RequestParam(required = false) String asOf,
                                                          @RequestParam(required = false) String asOfTime,
                                                          @RequestParam(required = false) String validAt, Authentication who) {
        CloudServiceId service = ServicePage.serviceId(id);
        PageMoment moment = moment(asOf, asOfTime, validAt);
        String name = evidencePackage.nameAt(service, moment.moment())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return evidencePackage.respond(List.of(service), name, moment.moment(), null, who.getName());
    }

    private PageMoment moment(String asOf, String asOfTime, String validAt) {
        PageMoment moment = PageMoment.parse(asOf, asOfTime, validAt, clock);
        if (!moment.problems().isEmpty()) throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        return moment;
    }
}
