package se.molnkoll.pages.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.pages.layout.PageMoment;
import se.molnkoll.reports.PortfolioReport;

import java.time.Clock;
import java.util.Locale;

/** The dashboard's portfolio report, of every unit or one, for the date the dashboard shows: PDF or XLSX. */
@Controller
class PortfolioReportPage {

    private final PortfolioReport portfolioReport;
    private final Clock clock;

    PortfolioReportPage(PortfolioReport portfolioReport, Clock clock) {
        this.portfolioReport = portfolioReport;
        this.clock = clock;
    }

    @GetMapping("/reports/portfolio")
    ResponseEntity<StreamingResponseBody> report(@RequestParam(required = false) String format,
                                                 @RequestParam(required = false) String unit,
                                                 @RequestParam(required = false) String asOf, Authentication who, Locale locale) {
        PortfolioReport.Format chosen = PortfolioReport.Format.of(format);
        PageMoment moment = PageMoment.parse(asOf, null, null, clock);
        String unitName = unit == null || unit.isBlank() ? null : unit.strip();
        if (chosen == null || !moment.problems().isEmpty()
                || (unitName != null && !portfolioReport.units(locale).contains(unitName))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return portfolioReport.respond(chosen, unitName, moment.moment(), locale, who.getName());
    }
}
