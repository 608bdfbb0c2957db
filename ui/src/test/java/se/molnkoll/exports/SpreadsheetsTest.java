package se.molnkoll.exports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The spreadsheets Molnkoll writes, read back with the libraries that read them. */
class SpreadsheetsTest {

    private static final List<String> FORMULAS = List.of("=1+1", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1");

    @Test
    void a_text_that_a_spreadsheet_would_run_is_neutralised_and_any_other_is_left_as_it_is() {
        FORMULAS.forEach(text -> assertThat(Spreadsheets.neutralised(text)).isEqualTo("'" + text));
        for (String plain : List.of("", "Molntjänst", "1-2", "a=b", "'=redan", "ÅÄÖ")) {
            assertThat(Spreadsheets.neutralised(plain)).isEqualTo(plain);
        }
    }

    @Test
    void the_csv_for_excel_has_a_byte_order_mark_semicolons_and_no_formula() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.CsvForExcel csv = Spreadsheets.csvForExcel(out, List.of("namn", "anteckning"));
        csv.row(List.of("Tjänst; med semikolon", "=HYPERLINK(\"http://x\")"));
        csv.row(List.of("Rad\nbrytning", "\"citat\""));
        csv.finish();
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("namn;anteckning\r\n");
        List<CSVRecord> rows = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(rows.get(0).get("namn")).isEqualTo("Tjänst; med semikolon");
        assertThat(rows.get(0).get("anteckning")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(1).get("namn")).isEqualTo("Rad\nbrytning");
        assertThat(rows.get(1).get("anteckning")).isEqualTo("\"citat\"");
    }

    @Test
    void the_workbook_has_real_cell_types_a_frozen_filtered_header_and_text_that_never_runs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Spreadsheets.Workbook book = Spreadsheets.workbook("Blad", List.of("nr", "när", "dag", "text"), new int[]{6, 20, 12, 40})) {
            for (String formula : FORMULAS) {
                book.row(Arrays.asList(42, LocalDateTime.of(2026, 12, 5, 9, 30, 15), LocalDate.of(2027, 1, 31), formula));
            }
            book.row(Arrays.asList(null, null, null, "x".repeat(Spreadsheets.CELL_LIMIT + 10)));
            book.writeTo(out);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = read.getSheet("Blad");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D8");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("nr");
            for (int i = 0; i < FORMULAS.size(); i++) {
                var row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(42);
                assertThat(row.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 5, 9, 30, 15));
                assertThat(row.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 31));
                assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(FORMULAS.get(i));
                assertThat(row.getCell(3).getCellStyle().getQuotePrefixed()).as("shown as typed with a leading apostrophe").isTrue();
            }
            var last = sheet.getRow(FORMULAS.size() + 1);
            assertThat(last.getCell(0)).isNull();
            assertThat(last.getCell(3).getStringCellValue()).hasSize(Spreadsheets.CELL_LIMIT).endsWith("finns i CSV- och JSON-exporten]");
        }
    }
}
