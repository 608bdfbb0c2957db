package se.molnkoll.exports;

import io.swagger.v3.oas.annotations.media.Schema;
import se.molnkoll.kernel.Loggable;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import se.molnkoll.kernel.query.AuditExportEntry;
import se.molnkoll.kernel.query.AuditExtent;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.ChainHead;
import se.molnkoll.kernel.query.FindAuditExport;
import se.molnkoll.kernel.query.FindAuditExtent;
import se.molnkoll.kernel.query.FindChainHead;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import se.molnkoll.kernel.BusinessDates;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Streams every entry of the audit trail that matches a filter, oldest first, in batches, so that
 * an export of any size needs little memory. The export shows the trail as it was when it began:
 * entries recorded meanwhile are left for the next one.
 */
@Component
public class AuditExport {

    private static final Logger log = LoggerFactory.getLogger(AuditExport.class);
    private static final int BATCH = 1000;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final String ENTRIES_HEADER = "Molnkoll-Export-Entries";

    /** The formats, by the name the format parameter takes: for the archive (csv, json) and for a spreadsheet. */
    public enum Format {
        CSV("csv", "csv"), JSON("json", "json"), XLSX("xlsx", "xlsx"), CSV_FOR_EXCEL("csv-excel", "csv");

        private final String parameter;
        private final String extension;

        Format(String parameter, String extension) {
            this.parameter = parameter;
            this.extension = extension;
        }

        public String parameter() {
            return parameter;
        }

        public static Format of(String name) {
            for (Format format : values()) {
                if (format.parameter.equalsIgnoreCase(name)) return format;
            }
            return null;
        }

        /** The names the format parameter takes, for the contract and for refusals. */
        public static List<String> parameters() {
            return java.util.Arrays.stream(values()).map(Format::parameter).toList();
        }
    }

    /**
     * What the JSON export streams, in this order (the document's schema for it): who exported when,
     * the filter, the chain's head at the start, every entry, and how many there are.
     */
    @Schema(name = "AuditArchive")
    public record Archive(Instant exportedAt, String exportedBy, AuditFilter filter, ChainHead chainHead,
                          List<AuditExportEntry> entries, long count) {
    }

    private final QueryGateway queries;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditExport(QueryGateway queries, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.json = json;
        this.clock = clock;
    }

    public ResponseEntity<StreamingResponseBody> respond(Format format, AuditFilter filter, String exportedBy) {
        Instant exportedAt = clock.instant();
        ChainHead head = queries.query(new FindChainHead(), ResponseTypes.instanceOf(ChainHead.class)).join();
        AuditExtent extent = queries.query(new FindAuditExtent(filter), ResponseTypes.instanceOf(AuditExtent.class)).join();
        String fileName = "molnkoll-audit-" + FILE_TIME.format(exportedAt)
                + (filter.service() == null ? "" : "-" + filter.service().value()) + "." + format.extension;
        StreamingResponseBody body = switch (format) {
            case CSV -> out -> csv(out, filter, extent);
            case JSON -> out -> json(out, filter, extent, exportedAt, exportedBy, head);
            case XLSX -> out -> xlsx(out, filter, extent);
            case CSV_FOR_EXCEL -> out -> csvForExcel(out, filter, extent);
        };
        log.info("Audit trail exported as {} by {}: {} entries ({})", format, Loggable.value(exportedBy), extent.entries(),
                Loggable.value(filter));
        return ResponseEntity.ok()
                .contentType(switch (format) {
                    case CSV, CSV_FOR_EXCEL -> TEXT_CSV;
                    case JSON -> MediaType.APPLICATION_JSON;
                    case XLSX -> MediaType.parseMediaType(Spreadsheets.XLSX_MEDIA_TYPE);
                })
                // so that whoever archives the file can check that none went missing on the way
                .header(ENTRIES_HEADER, Long.toString(extent.entries()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    /**
     * The entries matching the filter in an archival format (csv or json), as {@link #respond} streams them, written
     * to a stream that stays open (an entry of an evidence package). Returns how many entries it holds.
     */
    public long write(Format format, OutputStream out, AuditFilter filter, String exportedBy) throws IOException {
        AuditExtent extent = queries.query(new FindAuditExtent(filter), ResponseTypes.instanceOf(AuditExtent.class)).join();
        OutputStream open = new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                out.flush(); // the JSON writer closes what it writes to; the package goes on after it
            }
        };
        switch (format) {
            case CSV -> csv(open, filter, extent);
            case JSON -> json(open, filter, extent, clock.instant(), exportedBy,
                    queries.query(new FindChainHead(), ResponseTypes.instanceOf(ChainHead.class)).join());
            default -> throw new IllegalArgumentException("Only the archival formats are written into a package: " + format);
        }
        return extent.entries();
    }

    /** RFC 4180: a header row, then one row per entry, CRLF line ends, quoted where needed. */
    private void csv(OutputStream out, AuditFilter filter, AuditExtent extent) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        row(writer, AuditExportEntry.COLUMNS);
        each(filter, extent, entry -> {
            try {
                row(writer, entry.values());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    /** Times in Swedish time, as the pages show them; the first column's header says so. */
    private static final List<String> SHEET_COLUMNS = AuditExportEntry.COLUMNS.stream()
            .map(column -> column.equals("recordedAt") ? "recordedAt (Europe/Stockholm)" : column).toList();
    private static final int[] SHEET_WIDTHS = {10, 20, 14, 38, 8, 22, 38, 38, 80, 66, 66, 8, 10, 66, 80};

    private void xlsx(OutputStream out, AuditFilter filter, AuditExtent extent) throws IOException {
        try (Spreadsheets.Workbook book = Spreadsheets.workbook("Händelselogg", SHEET_COLUMNS, SHEET_WIDTHS)) {
            each(filter, extent, entry -> book.row(java.util.Arrays.asList(entry.position(),
                    LocalDateTime.ofInstant(entry.recordedAt(), BusinessDates.ZONE), entry.actor(), entry.serviceId(),
                    entry.sequenceNumber(), entry.eventType(), entry.eventId(), entry.correlationId(), entry.summary(),
                    entry.evidenceSha256(), entry.importSha256(), entry.importRow(), entry.chainLink(), entry.chainHash(),
                    entry.payload())));
            book.writeTo(out);
        }
    }

    private void csvForExcel(OutputStream out, AuditFilter filter, AuditExtent extent) throws IOException {
        Spreadsheets.CsvForExcel csv = Spreadsheets.csvForExcel(out, AuditExportEntry.COLUMNS);
        each(filter, extent, entry -> {
            try {
                csv.row(entry.values());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        csv.finish();
    }

    private static void row(Writer writer, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) writer.write(',');
            writer.write(csvField(values.get(i)));
        }
        writer.write("\r\n");
    }

    static String csvField(String value) {
        if (value.indexOf('"') < 0 && value.indexOf(',') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private void json(OutputStream out, AuditFilter filter, AuditExtent extent, Instant exportedAt, String exportedBy,
                      ChainHead head) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("exportedAt", exportedAt.toString());
            generator.writeStringField("exportedBy", exportedBy);
            generator.writeFieldName("filter");
            json.writeValue(generator, filter);
            generator.writeFieldName("chainHead");
            json.writeValue(generator, head);
            generator.writeArrayFieldStart("entries");
            long[] count = {0};
            each(filter, extent, entry -> {
                try {
                    json.writeValue(generator, entry);
                    count[0]++;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            generator.writeEndArray();
            generator.writeNumberField("count", count[0]);
            generator.writeEndObject();
        }
    }

    /**
     * Every entry up to the extent's end, batch by batch. If fewer come than the extent promised (the
     * trail changed underneath, as in a rebuild), the export fails rather than end looking complete:
     * the connection is cut before the end of the chunked body, which every client reports. (More
     * can come: an event committed late, behind later positions.)
     */
    private void each(AuditFilter filter, AuditExtent extent, Consumer<AuditExportEntry> write) {
        long after = 0;
        long written = 0;
        while (true) {
            List<AuditExportEntry> batch = queries.query(new FindAuditExport(filter, after, extent.endOfTrail(), BATCH),
                    ResponseTypes.multipleInstancesOf(AuditExportEntry.class)).join();
            batch.forEach(write);
            written += batch.size();
            if (batch.size() < BATCH) break;
            after = batch.get(batch.size() - 1).position();
        }
        if (written < extent.entries()) {
            throw new IllegalStateException("Audit trail export wrote " + written + " entries, not the "
                    + extent.entries() + " it began with: the trail changed underneath (a rebuild?)");
        }
    }
}
