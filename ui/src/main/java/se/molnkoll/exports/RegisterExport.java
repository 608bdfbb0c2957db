package se.molnkoll.exports;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.FindCertificates;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.CloudServiceSummary;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** One service as exported: what the register shows of it. */
    public record Row(CloudServiceSummary service, boolean expiredCertificates, Long expiringInDays) {
    }

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

    /** The services with an expired certificate, and the fewest days left of each one's expiring certificates. */
    public record Attention(Set<String> expired, Map<String, Long> expiringInDays) {
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

    /** Which services' certificates need attention at the moment, within the warning window. */
    public Attention attention(Moment moment) {
        Set<String> expired = queries.query(new FindCertificates(CertificateStatus.EXPIRED, 0, moment),
                        ResponseTypes.multipleInstancesOf(CertificateView.class)).join().stream()
                .map(c -> c.serviceId().value()).collect(Collectors.toSet());
        Map<String, Long> expiring = queries.query(new FindCertificates(CertificateStatus.EXPIRING, warningDays, moment),
                        ResponseTypes.multipleInstancesOf(CertificateView.class)).join().stream()
                .collect(Collectors.toMap(c -> c.serviceId().value(), CertificateView::daysLeft, Math::min));
        return new Attention(expired, expiring);
    }

    /** The whole register at the moment, by name: what the API exports. */
    public List<Row> register(Moment moment) {
        Attention attention = attention(moment);
        return queries.query(new FindCloudServices(moment), ResponseTypes.multipleInstancesOf(CloudServiceSummary.class))
                .join().stream()
                .map(s -> new Row(s, attention.expired().contains(s.id().value()), attention.expiringInDays().get(s.id().value())))
                .toList();
    }

    public ResponseEntity<StreamingResponseBody> respond(Format format, List<Row> rows, Locale locale) {
        List<String> header = HEADER_KEYS.stream().map(key -> messages.getMessage(key, null, locale)).toList();
        return TableExport.respond(format, messages.getMessage("register.title", null, locale), header, WIDTHS,
                rows.stream().map(row -> cells(row, locale)).toList(), "molnkoll-register", clock.instant());
    }

    private List<Object> cells(Row row, Locale locale) {
        CloudServiceSummary s = row.service();
        List<Object> cells = new ArrayList<>(Arrays.asList(s.name(), s.vendor(), s.organisationUnit(),
                messages.getMessage("phase." + s.phase(), null, locale), s.openMeasures().getOrDefault(s.phase(), 0L)));
        for (Phase phase : Phase.values()) cells.add(s.openMeasures().getOrDefault(phase, 0L));
        cells.add(messages.getMessage(s.classified() ? "yes" : "no", null, locale));
        cells.add(messages.getMessage(s.decommissioned() ? "yes" : "no", null, locale));
        cells.add(messages.getMessage(row.expiredCertificates() ? "yes" : "no", null, locale));
        cells.add(row.expiringInDays());
        cells.add(s.id().value());
        return cells;
    }
}
