package se.molnkoll.exports;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One table (a header and rows of numbers, dates and text) as the answer a spreadsheet export gives: an
 * XLSX workbook of one sheet (frozen, filtered header; numbers and dates as cell types) or a CSV file for
 * Swedish Excel, named by what it holds and when it was made. Formulas are neutralised in both.
 */
public final class TableExport {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private TableExport() {
    }

    public static ResponseEntity<StreamingResponseBody> respond(RegisterExport.Format format, String sheetName,
                                                                List<String> header, int[] widths, List<List<Object>> rows,
                                                                String fileBase, Instant now) {
        String fileName = fileBase + "-" + FILE_TIME.format(now) + (format == RegisterExport.Format.XLSX ? ".xlsx" : ".csv");
        StreamingResponseBody body = format == RegisterExport.Format.XLSX
                ? out -> {
                    try (Spreadsheets.Workbook book = Spreadsheets.workbook(sheetName, header, widths)) {
                        rows.forEach(book::row);
                        book.writeTo(out);
                    }
                }
                : out -> {
                    Spreadsheets.CsvForExcel csv = Spreadsheets.csvForExcel(out, header);
                    for (List<Object> row : rows) {
                        csv.row(row.stream().map(v -> v == null ? "" : v.toString()).toList());
                    }
                    csv.finish();
                };
        return ResponseEntity.ok()
                .contentType(format == RegisterExport.Format.XLSX ? MediaType.parseMediaType(Spreadsheets.XLSX_MEDIA_TYPE)
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
