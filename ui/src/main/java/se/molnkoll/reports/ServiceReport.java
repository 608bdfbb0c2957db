package se.molnkoll.reports;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.config.Formats;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.Measure;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.query.AuditEntry;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.FindAuditTrail;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.RiskAcceptanceView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One service's report as of any moment (recorded time) and business day, read through the same queries as its
 * page: its facts; its classification with the decision behind it and what it makes applicable; every applicable
 * measure per phase with its status and the evidence or risk acceptance behind it; what lapses within the warning
 * window; and the events of the period (the audit trail up to the moment, from an optional start).
 */
@Component
public class ServiceReport {

    /** The most events the report lists; a longer period is named with its count, and the evidence package holds it all. */
    static final int MOST_EVENTS = 1000;
    private static final int EVENT_PAGE = 500;
    /**
     * The most pieces of evidence the report lists, the latest recorded; more are named with their count (the evidence
     * package holds them all). The benchmark's service with 10,000 events, every piece laid out at once, took the
     * application out of a 448 MB heap.
     */
    static final int MOST_EVIDENCE = 500;
    /** The most pieces of evidence a measure's line names, the latest recorded; more are counted. */
    static final int MOST_PER_MEASURE = 20;

    /**
     * One applicable measure in one phase, with the evidence (at most {@link #MOST_PER_MEASURE}, and how many more) and
     * the acceptance in force behind its status.
     */
    public record MeasureLine(Measure measure, Phase phase, MeasureStatus status, List<EvidenceView> evidence,
                              int moreEvidence, RiskAcceptanceView acceptance) {

        /** The routine's text up to its first line break: the measure's heading. */
        public String heading() {
            String text = measure.text();
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end);
        }
    }

    private final QueryGateway queries;
    private final MeasureCatalogue catalogue;
    private final Reports reports;
    private final PdfDocuments pdfs;
    private final int warningDays;
    private final Formats formats;

    public ServiceReport(QueryGateway queries, MeasureCatalogue catalogue, Reports reports, PdfDocuments pdfs,
                         CertificateProperties certificates, Formats formats) {
        this.formats = formats;
        this.queries = queries;
        this.catalogue = catalogue;
        this.reports = reports;
        this.pdfs = pdfs;
        this.warningDays = certificates.warningDays();
    }

    /**
     * The report as a PDF answer, streamed; empty when the service was not registered at the moment.
     *
     * @param from the period's start for the events listed (null: from the service's registration)
     */
    public Optional<ResponseEntity<StreamingResponseBody>> respond(CloudServiceId service, Moment moment, Instant from,
                                                                 Locale locale, String who) {
        Optional<CloudServiceView> found = queries.query(new FindCloudService(service, moment),
                ResponseTypes.optionalInstanceOf(CloudServiceView.class)).join();
        if (found.isEmpty()) return Optional.empty();
        CloudServiceView view = found.get();
        ReportStamp stamp = reports.stamp(who, moment);
        PdfDocuments.Rendered pdf = pdfs.render("reports/service", variables(view, moment, from, stamp, locale), locale);
        return Optional.of(reports.respond(stamp, "service report", view.id().value() + " (" + view.name() + ")", Reports.PDF,
                "molnkoll-tjanstrapport-" + Reports.slug(view.name(), "tjanst"), "pdf", pdf::writeTo));
    }

    /** What the template shows, read before the answer starts, so that a failed read is an error, not a cut file. */
    Map<String, Object> variables(CloudServiceView view, Moment moment, Instant from, ReportStamp stamp, Locale locale) {
        Map<EvidenceId, EvidenceView> evidence = view.evidence().stream()
                .collect(Collectors.toMap(EvidenceView::id, Function.identity(), (a, b) -> a));
        Map<MeasurePhase, RiskAcceptanceView> inForce = new HashMap<>();
        view.riskAcceptances().stream().filter(RiskAcceptanceView::inForce)
                .forEach(r -> inForce.put(new MeasurePhase(r.measureId(), r.phase()), r));
        Map<Phase, List<MeasureLine>> measures = new EnumMap<>(Phase.class);
        for (MeasureStatusView m : view.measures()) {
            List<EvidenceView> behind = latest(m.evidenceIds().stream().map(evidence::get).filter(e -> e != null).toList(),
                    MOST_PER_MEASURE);
            measures.computeIfAbsent(m.phase(), phase -> new ArrayList<>()).add(new MeasureLine(
                    catalogue.measure(m.measureId()).orElseThrow(), m.phase(), m.status(), behind,
                    (int) m.evidenceIds().stream().filter(evidence::containsKey).count() - behind.size(),
                    inForce.get(new MeasurePhase(m.measureId(), m.phase()))));
        }
        Map<Phase, Long> openPerPhase = new EnumMap<>(Phase.class);
        measures.forEach((phase, lines) -> openPerPhase.put(phase, lines.stream().filter(l -> l.status().isOpen()).count()));

        Instant upTo = moment.knownAt() == null ? null : moment.knownAt().plusNanos(1_000); // inclusive: microseconds
        AuditFilter period = new AuditFilter(view.id(), null, null, from, upTo);
        List<AuditEntry> events = new ArrayList<>();
        long total = 0;
        for (int page = 0; events.size() < MOST_EVENTS; page++) {
            AuditPage read = queries.query(new FindAuditTrail(period, page, EVENT_PAGE, false),
                    ResponseTypes.instanceOf(AuditPage.class)).join();
            total = read.totalEntries();
            read.entries().stream().limit(MOST_EVENTS - events.size()).forEach(events::add);
            if (read.entries().size() < EVENT_PAGE) break;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("stamp", stamp);
        variables.put("view", view);
        variables.put("lang", locale.getLanguage());
        variables.put("phases", Phase.values());
        variables.put("measures", measures);
        variables.put("openPerPhase", openPerPhase);
        variables.put("applicableCount", view.measures().stream().map(MeasureStatusView::measureId).distinct().count());
        variables.put("measureCount", catalogue.measures().size());
        variables.put("evidence", latest(view.evidence(), MOST_EVIDENCE));
        variables.put("evidenceTotal", view.evidence().size());
        variables.put("expiring", Lapsing.evidenceExpiringIn(view, warningDays).entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> Map.entry(evidence.get(e.getKey()), e.getValue())).toList());
        variables.put("ending", Lapsing.acceptancesEndingIn(view, warningDays).entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).toList());
        variables.put("warningDays", warningDays);
        variables.put("events", events);
        variables.put("eventsTotal", total);
        variables.put("periodFrom", from);
        variables.put("formats", formats);
        return variables;
    }

    /** The {@code most} pieces recorded last, in the order they were recorded. */
    private static List<EvidenceView> latest(List<EvidenceView> evidence, int most) {
        List<EvidenceView> recorded = evidence.stream().sorted(Comparator.comparing(EvidenceView::recordedAt)).toList();
        return recorded.subList(Math.max(0, recorded.size() - most), recorded.size());
    }
}
