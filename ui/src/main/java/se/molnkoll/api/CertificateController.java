package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.exports.RegisterExport;
import se.molnkoll.exports.ServiceExports;
import se.molnkoll.exports.Spreadsheets;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.Dashboard;
import se.molnkoll.kernel.query.FindCertificates;
import se.molnkoll.kernel.query.FindDashboard;
import se.molnkoll.kernel.query.Moment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Expired and expiring certificates over the portfolio, and the dashboard. */
@RestController
@Tag(name = "Portfolio")
class CertificateController {

    static final int MAX_WINDOW_DAYS = 3650;

    private final QueryGateway queries;
    private final Clock clock;
    private final int warningDays;

    private final ServiceExports exports;

    CertificateController(QueryGateway queries, Clock clock, CertificateProperties certificates, ServiceExports exports) {
        this.exports = exports;
        this.queries = queries;
        this.clock = clock;
        this.warningDays = certificates.warningDays();
    }

    @GetMapping("/api/certificates")
    @Operation(operationId = "listCertificates", summary = "Expired and expiring certificates, most urgent first",
            description = "Every piece of evidence with a valid-until date that is not withdrawn, not renewed by other "
                    + "evidence and belongs to a service in use. EXPIRING: valid until within withinDays "
                    + "(default molnkoll.certificates.warning-days, 60). Without status, both.")
    List<CertificateView> certificates(@RequestParam(required = false) CertificateStatus status,
                                       @RequestParam(required = false) Integer withinDays,
                                       @RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String validAt) {
        Asked asked = asked(withinDays, asOf, validAt);
        return queries.query(new FindCertificates(status, asked.window(), asked.moment()),
                ResponseTypes.multipleInstancesOf(CertificateView.class)).join();
    }

    @GetMapping("/api/certificates/export")
    @Operation(operationId = "exportCertificates", summary = "The certificates list as a spreadsheet: xlsx or csv-excel",
            description = "The certificates GET /api/certificates lists for the same status, withinDays and moment, most urgent "
                    + "first: valid-until as a date and days left as a number. Headers in the Accept-Language's language; "
                    + "formulas neutralised.")
    @ApiResponse(responseCode = "200", description = "The certificates", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
            required = true, description = "attachment; filename=\"molnkoll-intyg-….xlsx\" (or .csv)", schema = @Schema(type = "string")),
            content = {@Content(mediaType = Spreadsheets.XLSX_MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<StreamingResponseBody> exportCertificates(@RequestParam String format,
                                                             @RequestParam(required = false) CertificateStatus status,
                                                             @RequestParam(required = false) Integer withinDays,
                                                             @RequestParam(required = false) String asOf,
                                                             @RequestParam(required = false) String validAt,
                                                             Locale locale) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        RegisterExport.Format chosen = ExportFormats.chosen(format, problems);
        int window = window(withinDays, problems);
        Moment moment = TimeParameters.moment(asOf, validAt, clock, problems);
        TimeParameters.throwIfAny(problems);
        return exports.certificates(chosen, queries.query(new FindCertificates(status, window, moment),
                ResponseTypes.multipleInstancesOf(CertificateView.class)).join(), locale);
    }

    @GetMapping("/api/dashboard")
    @Operation(operationId = "getDashboard",
            summary = "The portfolio at a glance: services and open measures per phase, certificates, unclassified services")
    Dashboard dashboard(@RequestParam(required = false) Integer withinDays,
                        @RequestParam(required = false) String asOf,
                        @RequestParam(required = false) String validAt) {
        Asked asked = asked(withinDays, asOf, validAt);
        return queries.query(new FindDashboard(asked.window(), asked.moment()), ResponseTypes.instanceOf(Dashboard.class))
                .join();
    }

    /** The warning window and the moment asked about, every bad parameter named at once. */
    private record Asked(int window, Moment moment) {
    }

    private Asked asked(Integer withinDays, String asOf, String validAt) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        int window = window(withinDays, problems);
        Moment moment = TimeParameters.moment(asOf, validAt, clock, problems);
        TimeParameters.throwIfAny(problems);
        return new Asked(window, moment);
    }

    private int window(Integer withinDays, List<InvalidInputException.FieldProblem> problems) {
        if (withinDays == null) {
            return warningDays;
        }
        if (withinDays < 0 || withinDays > MAX_WINDOW_DAYS) {
            problems.add(new InvalidInputException.FieldProblem("withinDays", "must be between 0 and " + MAX_WINDOW_DAYS));
            return warningDays;
        }
        return withinDays;
    }
}
