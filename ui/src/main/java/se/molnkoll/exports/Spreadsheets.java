package se.molnkoll.exports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What every export meant for a spreadsheet shares: XLSX written by Apache POI as it streams (a
 * header row, frozen and filtered; numbers and times as real cell types), and the CSV that Swedish
 * Excel opens in columns (Commons CSV: semicolons, a byte order mark, CRLF). A text that a
 * spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return) is
 * neutralised: in CSV with a leading apostrophe, in XLSX as a text cell marked as typed with one.
 * The archival CSV and JSON keep every value exactly as recorded.
 */
public final class Spreadsheets {

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Excel's most characters in one cell. */
    static final int CELL_LIMIT = 32_767;
    private static final String TRUNCATED = " … [avkortad; hela värdet finns i CSV- och JSON-exporten]";

    private Spreadsheets() {
    }

    /** Whether a spreadsheet would take the text for a formula. */
    public static boolean looksLikeAFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    /** The text as a spreadsheet should show it, never run it. */
    public static String neutralised(String value) {
        return looksLikeAFormula(value) ? "'" + value : value;
    }

    /** A CSV for Excel with Swedish settings: UTF-8 with a byte order mark, semicolons, CRLF, formulas neutralised. */
    public static CsvForExcel csvForExcel(OutputStream out, List<String> header) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').get());
        printer.printRecord(header.stream().map(Spreadsheets::neutralised).toList());
        return new CsvForExcel(printer);
    }

    public record CsvForExcel(CSVPrinter printer) {
        public void row(List<String> values) throws IOException {
            printer.printRecord(values.stream().map(Spreadsheets::neutralised).toList());
        }

        public void finish() throws IOException {
            printer.flush();
        }
    }

    /** A workbook of one sheet (more with {@link Workbook#sheet}), written as it goes (a hundred rows in memory at most). */
    public static Workbook workbook(String sheetName, List<String> header, int[] widths) {
        return new Workbook(sheetName, header, widths);
    }

    public static final class Workbook implements AutoCloseable {
        private final SXSSFWorkbook book = new SXSSFWorkbook(100);
        private final CellStyle bold;
        private final CellStyle time;
        private final CellStyle date;
        private final CellStyle quoted;
        private SXSSFSheet sheet;
        private int columns;
        private int next;

        private Workbook(String sheetName, List<String> header, int[] widths) {
            bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            time = book.createCellStyle();
            time.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
            sheet(sheetName, header, widths);
        }

        /** Ends the sheet being written (its header filtered) and starts the next, with its own header. */
        public void sheet(String sheetName, List<String> header, int[] widths) {
            if (sheet != null) filterHeader();
            sheet = book.createSheet(sheetName);
            columns = header.size();
            next = 0;
            Row row = sheet.createRow(next++);
            for (int i = 0; i < header.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, Math.min(255, widths[i]) * 256);
            }
            sheet.createFreezePane(0, 1);
        }

        private void filterHeader() {
            Sheet written = sheet;
            written.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, columns - 1));
        }

        /** The next row: each value a number, a time (local, as shown), a date, text, or null for an empty cell. */
        public void row(List<Object> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) continue;
                Cell cell = row.createCell(i);
                if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof LocalDateTime at) {
                    cell.setCellValue(at);
                    cell.setCellStyle(time);
                } else if (value instanceof java.time.LocalDate day) {
                    cell.setCellValue(day);
                    cell.setCellStyle(date);
                } else {
                    String text = value.toString();
                    if (text.length() > CELL_LIMIT) text = text.substring(0, CELL_LIMIT - TRUNCATED.length()) + TRUNCATED;
                    cell.setCellValue(text);
                    if (looksLikeAFormula(text)) cell.setCellStyle(quoted);
                }
            }
        }

        /** Filters on the header, then the workbook to the stream. */
        public void writeTo(OutputStream out) throws IOException {
            filterHeader();
            book.write(out);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            book.close(); // also removes its temporary files
        }
    }
}
