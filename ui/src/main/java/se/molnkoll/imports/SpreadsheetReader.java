package se.molnkoll.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import se.molnkoll.documents.DocumentTypes;
import se.molnkoll.imports.ImportRefusedException.Refusal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an uploaded spreadsheet into tables of text, refusing a file that is not one Molnkoll can read
 * faithfully. An XLSX workbook is read as a stream (Apache POI's event API over the sheet's XML, from a
 * temporary file), so a large one never sits in memory whole, and reading stops at the first row over
 * the limit; POI's own guard refuses a zip bomb. A CSV file (Apache Commons CSV) must be UTF-8, with or
 * without a byte order mark, separated by commas or by semicolons (as Swedish Excel saves it).
 */
final class SpreadsheetReader {

    /** The names the services' and the evidence's sheets may have, in either language. */
    static final Set<String> SERVICE_SHEETS = Set.of("tjänster", "services");
    static final Set<String> EVIDENCE_SHEETS = Set.of("underlag", "evidence");

    private SpreadsheetReader() {
    }

    /** The workbook's sheets that an import reads (the evidence's, if it has one), or a CSV file's one table. */
    record Sheets(Table services, @Nullable Table evidence) {
    }

    /** A file of services: a workbook (its services' sheet, and its evidence sheet if it has one) or a CSV file. */
    static Sheets readServices(byte[] content, int maxRows) {
        if (isWorkbook(content)) {
            return readWorkbook(content, maxRows, SERVICE_SHEETS, true);
        }
        return new Sheets(readCsv(content, maxRows), null);
    }

    /** A file of evidence alone: a workbook's evidence sheet (or its only sheet), or a CSV file. */
    static Table readEvidence(byte[] content, int maxRows) {
        if (isWorkbook(content)) {
            return readWorkbook(content, maxRows, EVIDENCE_SHEETS, false).services();
        }
        return readCsv(content, maxRows);
    }

    /** An XLSX workbook; anything else that is not text is refused here, saying what it is. */
    private static boolean isWorkbook(byte[] content) {
        if (content.length == 0) {
            throw new ImportRefusedException(Refusal.EMPTY, "The file is empty");
        }
        var type = DocumentTypes.detect(content);
        if (type.isPresent() && type.get().equals(DocumentTypes.XLSX)) return true;
        if (type.isPresent() && type.get().equals(DocumentTypes.XLS)) {
            throw new ImportRefusedException(Refusal.OLD_EXCEL, "An Excel 97–2003 workbook (.xls): save it as .xlsx or CSV");
        }
        String magic = DocumentTypes.magicOf(content);
        boolean text = (magic.equals("text/plain") || magic.equals("application/octet-stream") || magic.equals("text/csv"))
                && type.map(t -> t.mediaType().startsWith("text/")).orElse(true) && !hasNul(content);
        if (!text) {
            String what = type.map(DocumentTypes.DocumentType::label).orElse(magic);
            throw new ImportRefusedException(Refusal.NOT_A_SPREADSHEET,
                    "Not a spreadsheet: an XLSX workbook or a CSV file is needed (this is " + what + ")", what);
        }
        return false;
    }

    private static boolean hasNul(byte[] content) {
        for (byte b : content) if (b == 0) return true;
        return false;
    }

    private static Sheets readWorkbook(byte[] content, int maxRows, Set<String> mainNames, boolean withEvidence) {
        Path file = null;
        try {
            file = Files.createTempFile("molnkoll-import-", ".xlsx");
            Files.write(file, content);
            try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(workbook);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
                StylesTable styles = reader.getStylesTable();
                Map<String, Integer> sheetsByName = new LinkedHashMap<>();
                List<String> names = new ArrayList<>();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                int index = 0;
                while (sheets.hasNext()) {
                    try (InputStream ignored = sheets.next()) {
                        names.add(sheets.getSheetName());
                        sheetsByName.put(sheets.getSheetName().strip().toLowerCase(Locale.ROOT), index++);
                    }
                }
                Integer main = find(sheetsByName, mainNames);
                if (main == null && names.size() == 1) main = 0;
                if (main == null) {
                    String expected = withEvidence ? "Tjänster" : "Underlag";
                    throw new ImportRefusedException(Refusal.WRONG_SHEET, "No sheet named " + expected
                            + " (the workbook has " + String.join(", ", names) + ")", expected, String.join(", ", names));
                }
                Integer evidence = withEvidence ? find(sheetsByName, EVIDENCE_SHEETS) : null;
                Table mainTable = readSheet(reader, strings, styles, main, names.get(main), maxRows);
                Table evidenceTable = evidence == null ? null
                        : readSheet(reader, strings, styles, evidence, names.get(evidence), maxRows);
                return new Sheets(mainTable, evidenceTable);
            }
        } catch (ImportRefusedException refused) {
            throw refused;
        } catch (NotOfficeXmlFileException | org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.apache.poi.ooxml.POIXMLException e) {
            throw notReadable(e);
        } catch (IOException | SAXException | RuntimeException e) {
            if (isZipBomb(e)) {
                throw new ImportRefusedException(Refusal.ZIP_BOMB, "The workbook unpacks to far more than it holds: "
                        + "refused as a possible zip bomb");
            }
            throw notReadable(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is cleaned with the temporary directory
                }
            }
        }
    }

    private static ImportRefusedException notReadable(Exception e) {
        return new ImportRefusedException(Refusal.NOT_A_SPREADSHEET, "The workbook cannot be read: " + e.getMessage(), "XLSX");
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("max entry size")
                    || message.contains("maximum entry size"))) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Integer find(Map<String, Integer> sheets, Set<String> names) {
        return sheets.entrySet().stream().filter(e -> names.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    private static Table readSheet(XSSFReader reader, ReadOnlySharedStringsTable strings, StylesTable styles, int wanted,
                                   String name, int maxRows) throws IOException, SAXException, InvalidFormatException {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        for (int i = 0; sheets.hasNext(); i++) {
            try (InputStream sheet = sheets.next()) {
                if (i != wanted) continue;
                SheetHandler handler = new SheetHandler(strings, styles, maxRows, name);
                XMLReader parser;
                try {
                    parser = XMLHelper.newXMLReader();
                } catch (javax.xml.parsers.ParserConfigurationException e) {
                    throw new IllegalStateException(e);
                }
                parser.setContentHandler(handler);
                parser.parse(new InputSource(sheet));
                return handler.table();
            }
        }
        throw new IllegalStateException("Sheet " + name + " vanished while reading");
    }

    /** The sheet's cells as text, row by row; formulas and merged cells noted, to refuse the sheet for. */
    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final int maxRows;
        private final String name;
        private final List<Table.Row> rows = new ArrayList<>();
        private final List<String> formulas = new ArrayList<>();
        private final List<String> merged = new ArrayList<>();
        private List<String> cells;
        private int rowNumber;
        private int nextColumn;
        private String cellRef;
        private String cellType;
        private String cellStyle;
        private final StringBuilder value = new StringBuilder();
        private boolean inValue;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, int maxRows, String name) {
            this.strings = strings;
            this.styles = styles;
            this.maxRows = maxRows;
            this.name = name;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
                    cells = new ArrayList<>();
                    nextColumn = 0;
                }
                case "c" -> {
                    cellRef = attributes.getValue("r");
                    cellType = attributes.getValue("t");
                    cellStyle = attributes.getValue("s");
                    value.setLength(0);
                }
                case "v", "t" -> inValue = true;
                case "f" -> {
                    if (formulas.size() < 10) formulas.add(cellRef != null ? cellRef : "?");
                }
                case "mergeCell" -> {
                    if (merged.size() < 10) merged.add(attributes.getValue("ref"));
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) value.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    int column = cellRef != null ? columnOf(cellRef) : nextColumn;
                    while (cells.size() < column) cells.add("");
                    cells.add(text());
                    nextColumn = column + 1;
                }
                case "row" -> {
                    Table.Row row = new Table.Row(rowNumber, List.copyOf(cells));
                    if (!row.isBlank()) {
                        rows.add(row);
                        if (rows.size() - 1 > maxRows) {
                            throw new ImportRefusedException(Refusal.TOO_MANY_ROWS, "Sheet " + name + " has more than "
                                    + maxRows + " rows (molnkoll.imports.max-rows); split it", name, maxRows);
                        }
                    }
                }
                default -> {
                }
            }
        }

        private String text() {
            String raw = value.toString();
            if (cellType == null || cellType.equals("n")) {
                return raw.isEmpty() ? "" : number(raw);
            }
            return switch (cellType) {
                case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
                case "b" -> raw.equals("1") ? "true" : "false";
                case "d" -> raw.length() >= 10 ? raw.substring(0, 10) : raw;
                default -> raw; // inlineStr, str (a formula's result, refused anyway), e (an error value)
            };
        }

        /** A number as text: a date cell as its ISO date, a whole number without decimals. */
        private String number(String raw) {
            double number = Double.parseDouble(raw);
            if (cellStyle != null) {
                XSSFCellStyle style = styles.getStyleAt(Integer.parseInt(cellStyle));
                if (style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString())
                        && DateUtil.isValidExcelDate(number)) {
                    return DateUtil.getLocalDateTime(number).toLocalDate().toString();
                }
            }
            BigDecimal decimal = new BigDecimal(raw);
            return decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigInteger().toString()
                    : decimal.stripTrailingZeros().toPlainString();
        }

        Table table() {
            if (!formulas.isEmpty()) {
                throw new ImportRefusedException(Refusal.FORMULAS, "Sheet " + name + " holds formulas (cells "
                        + String.join(", ", formulas) + "); copy them and paste as values", name, String.join(", ", formulas));
            }
            if (!merged.isEmpty()) {
                throw new ImportRefusedException(Refusal.MERGED_CELLS, "Sheet " + name + " has merged cells ("
                        + String.join(", ", merged) + "); unmerge them so that each value has its own cell", name,
                        String.join(", ", merged));
            }
            return withHeader(name, rows);
        }
    }

    /** "AB12" → 27 (zero-based). */
    static int columnOf(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    private static Table withHeader(@Nullable String name, List<Table.Row> rows) {
        if (rows.isEmpty()) {
            throw new ImportRefusedException(Refusal.EMPTY, "The " + (name == null ? "file" : "sheet " + name)
                    + " has no rows");
        }
        List<String> headers = rows.get(0).cells().stream().map(String::strip).toList();
        return new Table(name, headers, List.copyOf(rows.subList(1, rows.size())));
    }

    private static Table readCsv(byte[] content, int maxRows) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportRefusedException(Refusal.NOT_UTF8, "The CSV file is not UTF-8: save it as \"CSV UTF-8\"");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int endOfFirstLine = text.indexOf('\n');
        String firstLine = endOfFirstLine < 0 ? text : text.substring(0, endOfFirstLine);
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<Table.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                Table.Row row = new Table.Row((int) record.getRecordNumber(), record.toList());
                if (row.isBlank()) continue;
                rows.add(row);
                if (rows.size() - 1 > maxRows) {
                    throw new ImportRefusedException(Refusal.TOO_MANY_ROWS, "The file has more than " + maxRows
                            + " rows (molnkoll.imports.max-rows); split it", "CSV", maxRows);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ImportRefusedException(Refusal.NOT_A_SPREADSHEET, "The CSV file cannot be read: " + e.getMessage(), "CSV");
        }
        return withHeader(null, rows);
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}
