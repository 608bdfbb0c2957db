package se.molnkoll.imports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.molnkoll.exports.Spreadsheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The template an import reads: a workbook with the sheets Tjänster and Underlag (a header row each, in
 * Swedish, frozen) and a sheet of instructions naming every column, whether it must be filled and an
 * example; and the same headers as semicolon CSV files for Swedish Excel.
 */
public final class ImportTemplate {

    private ImportTemplate() {
    }

    public static byte[] workbook() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            header(book.createSheet("Tjänster"), ImportColumn.of(ImportColumn.Sheet.SERVICES), bold);
            header(book.createSheet("Underlag"), ImportColumn.of(ImportColumn.Sheet.EVIDENCE), bold);
            Sheet help = book.createSheet("Anvisningar");
            List<String> titles = List.of("Blad", "Kolumn", "Column (English)", "Måste fyllas i", "Exempel");
            Row first = help.createRow(0);
            for (int i = 0; i < titles.size(); i++) {
                first.createCell(i).setCellValue(titles.get(i));
                first.getCell(i).setCellStyle(bold);
                help.setColumnWidth(i, 28 * 256);
            }
            int r = 1;
            for (ImportColumn column : ImportColumn.values()) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(column.sheet() == ImportColumn.Sheet.SERVICES ? "Tjänster" : "Underlag");
                row.createCell(1).setCellValue(column.swedish());
                row.createCell(2).setCellValue(column.english());
                row.createCell(3).setCellValue(column.required() ? "ja" : "nej");
                row.createCell(4).setCellValue(column.example());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, List<ImportColumn> columns, CellStyle bold) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            row.createCell(i).setCellValue(columns.get(i).swedish());
            row.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, Math.max(14, columns.get(i).swedish().length() + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** The workbook as a download. */
    public static ResponseEntity<byte[]> workbookDownload() {
        return download(workbook(), "molnkoll-import.xlsx", Spreadsheets.XLSX_MEDIA_TYPE);
    }

    /** One sheet's headers as a CSV download. */
    public static ResponseEntity<byte[]> csvDownload(ImportColumn.Sheet sheet) {
        return download(csv(sheet), "molnkoll-import-" + (sheet == ImportColumn.Sheet.SERVICES ? "services" : "evidence")
                + ".csv", "text/csv;charset=UTF-8");
    }

    private static ResponseEntity<byte[]> download(byte[] content, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    /** The headers of one sheet as a CSV file for Swedish Excel (semicolons, byte order mark). */
    public static byte[] csv(ImportColumn.Sheet sheet) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Spreadsheets.csvForExcel(out, ImportColumn.of(sheet).stream().map(ImportColumn::swedish).toList()).finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
