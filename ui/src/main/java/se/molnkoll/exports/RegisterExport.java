package se.molnkoll.exports;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.FindRegisterPage;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.RegisterPage;
import se.molnkoll.kernel.query.RegisterRow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The register as a spreadsheet, for a contract manager's follow-up in Excel: the rows the register
 * page or the API chose (same filters, same moment), one per service, with its open measures in the
 * phase it is in now and in each phase, and its certificates that need attention. Headers in the
 * user's language; names as recorded, formulas neutralised.
 */
@Component
public class RegisterExport {

    private static final List<String> HEADER_KEYS = List.of("register.name", "register.vendor", "register.unit",
            "register.phase", "register.openMeasures", "registerExport.openIn.ACQUIRE", "registerExport.openIn.OPERATE",
            "registerExport.openIn.EXIT", "registerExport.classified", "register.decommissioned", "register.hasExpired",
            "registerExport.daysLeft", "registerExport.id");
    private static final int[] WIDTHS = {36, 28, 28, 12, 12, 12, 12, 12, 10, 10, 12, 14, 38};

    public enum Format {
        XLSX("xlsx"), CSV_FOR_EXCEL("csv-excel");

        private final String parameter;

        Format(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        public static Format of(String name) {
            return Arrays.stream(values()).filter(f -> f.parameter.equalsIgnoreCase(name)).findFirst().orElse(null);
        }

        public static List<String> parameters() {
            return Arrays.stream(values()).map(Format::parameter).toList();
        }
    }

    private final MessageSource messages;
    private final Clock clock;
    private final QueryGateway queries;
    private final int warningDays;

    public RegisterExport(MessageSource messages, Clock clock, QueryGateway queries, CertificateProperties certificates) {
        this.messages = messages;
        this.clock = clock;
        this.queries = queries;
        this.warningDays = certificates.warningDays();
    }

    /** The register at the moment as the register page lists it with the filter and the sort: every matching service. */
    public List<RegisterRow> register(Moment moment, FindRegisterPage.Filter filter, FindRegisterPage.Sort sort, boolean descending) {
        return queries.query(FindRegisterPage.all(moment, filter, sort, descending, warningDays),
                ResponseTypes.instanceOf(RegisterPage.class)).join().services();
    }

    /** The whole register at the moment, by name: what the API exports. */
    public List<RegisterRow> register(Moment moment) {
        return register(moment, FindRegisterPage.Filter.NONE, FindRegisterPage.Sort.NAME, false);
    }

    /** Certificates expiring within this many days are flagged. */
    public int warningDays() {
        return warningDays;
    }

    public ResponseEntity<StreamingResponseBody> respond(Format format, List<RegisterRow> rows, Locale locale) {
        List<String> header = HEADER_KEYS.stream().map(key -> messages.getMessage(key, null, locale)).toList();
        return TableExport.respond(format, messages.getMessage("register.title", null, locale), header, WIDTHS,
                rows.stream().map(row -> cells(row, locale)).toList(), "molnkoll-register", clock.instant());
    }

    private List<Object> cells(RegisterRow s, Locale locale) {
        List<Object> cells = new ArrayList<>(Arrays.asList(s.name(), s.vendor(), s.organisationUnit(),
                messages.getMessage("phase." + s.phase(), null, locale), s.openInPhase()));
        for (Phase phase : Phase.values()) cells.add(s.openMeasures().getOrDefault(phase, 0L));
        cells.add(messages.getMessage(s.classified() ? "yes" : "no", null, locale));
        cells.add(messages.getMessage(s.decommissioned() ? "yes" : "no", null, locale));
        cells.add(messages.getMessage(s.expiredCertificates() ? "yes" : "no", null, locale));
        cells.add(s.expiringInDays());
        cells.add(s.id().value());
        return cells;
    }
}
