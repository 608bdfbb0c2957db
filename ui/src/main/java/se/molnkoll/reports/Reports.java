package se.molnkoll.reports;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.kernel.Loggable;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.query.ChainHead;
import se.molnkoll.kernel.query.FindChainHead;
import se.molnkoll.kernel.query.Moment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * What the reports share: the stamp each carries, the log line that records each generation (who, what, which
 * moment, the report's id and the chain's head), and the answer that streams the file.
 */
@Component
public class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    public static final MediaType PDF = MediaType.APPLICATION_PDF;
    public static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    /** The header that names the report's id, as its pages and the log line do. */
    public static final String REPORT_ID_HEADER = "Molnkoll-Report-Id";

    private final QueryGateway queries;
    private final MeasureCatalogue catalogue;
    private final Clock clock;

    public Reports(QueryGateway queries, MeasureCatalogue catalogue, Clock clock) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** A stamp for a report about {@code moment}, generated now by {@code who}. */
    ReportStamp stamp(String who, Moment moment) {
        ChainHead head = queries.query(new FindChainHead(), ResponseTypes.instanceOf(ChainHead.class)).join();
        return new ReportStamp(UUID.randomUUID().toString(), clock.instant(), who, moment.knownAt(), moment.day(clock),
                catalogue.identity(), head);
    }

    /** The file as an attachment, named by what it holds and when it was made; its generation is logged here. */
    ResponseEntity<StreamingResponseBody> respond(ReportStamp stamp, String kind, String subject, MediaType type,
                                                 String fileBase, String extension, StreamingResponseBody body) {
        log.info("Report generated: {} of {} as of {} (status date {}) by {}; report {}, chain head {} {}", kind,
                Loggable.value(subject), stamp.asOf() == null ? "now" : stamp.asOf(), stamp.statusDate(),
                Loggable.value(stamp.generatedBy()), stamp.reportId(), stamp.head().position(), stamp.head().hash());
        String fileName = fileBase + "-" + FILE_TIME.format(stamp.shownAt()) + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(REPORT_ID_HEADER, stamp.reportId())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    /** A file name's part from a name: lower-case letters and digits (Swedish letters folded), the rest as dashes. */
    public static String slug(String name, String otherwise) {
        String folded = java.text.Normalizer.normalize(name.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? otherwise : slug.length() > 40 ? slug.substring(0, 40).replaceAll("-$", "") : slug;
    }
}
