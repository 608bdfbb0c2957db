package se.molnkoll.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.molnkoll.documents.StoredDocument;
import se.molnkoll.support.Api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * Reports read back as their readers would: PDFs with PDFBox, workbooks with POI, packages unzipped and checked with
 * sha256sum, each against what the API answers for the same moment.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
abstract class ReportScenarios extends AuditorScenarios {

    private static final String[] STATUS_WORDS = {"Uppfylld", "Öppen", "Utgången", "Risk accepterad", "Granskning försenad"};
    private static final Map<String, String> STATUS_OF_WORD = Map.of("Uppfylld", "COVERED", "Öppen", "OPEN",
            "Utgången", "EXPIRED", "Risk accepterad", "RISK_ACCEPTED", "Granskning försenad", "REVIEW_DUE");

    /** A PDF read back: its pages' text, its text line by line as laid out, title, language and whether it is tagged. */
    record Pdf(List<String> pages, String laidOut, String title, String language, boolean tagged) {
        String text() {
            return String.join("\n", pages);
        }
    }

    static Pdf pdf(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            PDFTextStripper byPosition = new PDFTextStripper();
            byPosition.setSortByPosition(true); // a table row's cells on one line
            return new Pdf(pages, byPosition.getText(document), document.getDocumentInformation().getTitle(),
                    document.getDocumentCatalog().getLanguage(),
                    document.getDocumentCatalog().getMarkInfo() != null && document.getDocumentCatalog().getMarkInfo().isMarked());
        }
    }

    HttpResponse<byte[]> file(Api who, String path, String mediaType) {
        HttpResponse<byte[]> response = who.getBytes(path);
        assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(mediaType);
        assertThat(response.headers().firstValue("Molnkoll-Report-Id").orElseThrow()).matches("[0-9a-f-]{36}");
        return response;
    }

    /** The report's table of evidence, between its heading and the events. */
    static String evidenceSection(String text) {
        return text.substring(text.lastIndexOf("\nUnderlag\n"), text.indexOf("\nHändelser"));
    }

    /** Each applicable measure's status per phase ("27 ACQUIRE" → "COVERED"), as the API says. */
    static Map<String, String> statuses(JsonNode view) {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode m : view.get("measures")) {
            statuses.put(m.get("measureId").asInt() + " " + m.get("phase").asText(), m.get("status").asText());
        }
        return statuses;
    }

    private static final Map<String, String> PHASE_HEADINGS = Map.of("Åtgärder: Anskaffa", "ACQUIRE",
            "Åtgärder: Förvalta", "OPERATE", "Åtgärder: Lämna", "EXIT");

    /**
     * Each measure's status per phase as the report's tables show it: a row's first line (laid out by position) holds
     * its number, the start of its text, its status and the start of what lies behind it.
     */
    static Map<String, String> statuses(Pdf report) {
        Map<String, String> statuses = new HashMap<>();
        String phase = null;
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("^([1-9][0-9]?) ");
        for (String line : report.laidOut().split("\n")) {
            for (Map.Entry<String, String> heading : PHASE_HEADINGS.entrySet()) {
                if (line.startsWith(heading.getKey())) phase = heading.getValue();
            }
            if (line.strip().equals("Underlag")) break; // the evidence table: the measures are behind
            java.util.regex.Matcher number = row.matcher(line);
            if (phase == null || !number.find()) continue;
            for (String word : STATUS_WORDS) {
                if (line.contains(" " + word + " ") || line.endsWith(" " + word)) {
                    String previous = statuses.put(number.group(1) + " " + phase, STATUS_OF_WORD.get(word));
                    assertThat(previous).as("one status for measure " + number.group(1) + " in " + phase + ": " + line).isNull();
                }
            }
        }
        return statuses;
    }

    @Test
    void a_service_report_shows_the_service_as_the_api_did_at_the_moment_and_every_page_names_the_chain_head(
            org.springframework.boot.test.system.CapturedOutput log) throws Exception {
        at(9, 0);
        String id = register("Rapporterad tjänst");
        at(9, 30);
        classify(id, 3, 2, 2, false, true);
        at(10, 0);
        String certificate = recordEvidence(id, List.of(27, 29), List.of("ACQUIRE"), TODAY.plusYears(1).toString());
        at(10, 10);
        Api.Response proposed = manager.post("/api/services/" + id + "/risk-proposals", Map.of("measureId", 18, "phase", "ACQUIRE",
                "residualRisk", "Kapaciteten kan inte prognostiseras", "motivation", "Följs upp i förvaltningen",
                "validUntil", TODAY.plusYears(1).toString()));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        Api.Response approved = Api.at(port).as("riskowner").post("/api/services/" + id + "/risk-proposals/"
                + proposed.json().get("id").asText() + "/approval", Map.of("note", "Följs upp efter tre månader"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        at(11, 0);
        withdraw(id, certificate);
        at(12, 0);
        Instant beforeWithdrawal = time(10, 30);

        JsonNode head = auditor.get("/api/audit/head").json();
        JsonNode then = view(auditor, id, asOf(beforeWithdrawal));
        HttpResponse<byte[]> answer = file(auditor, "/api/services/" + id + "/report?" + asOf(beforeWithdrawal), "application/pdf");
        String reportId = answer.headers().firstValue("Molnkoll-Report-Id").orElseThrow();
        assertThat(log.getOut()).as("the generation is in the log: what, of which service, which moment, who, the id")
                .contains("Report generated: service report of " + id + " (Rapporterad tjänst) as of " + beforeWithdrawal
                        + " (status date " + TODAY + ") by auditor; report " + reportId + ", chain head " + head.get("position").asLong());
        Pdf report = pdf(answer.body());
        assertThat(report.title()).isEqualTo("Tjänsterapport: Rapporterad tjänst");
        assertThat(report.language()).isEqualTo("sv");
        assertThat(report.tagged()).as("a tagged PDF (PDF/UA)").isTrue();
        String text = report.text();
        assertThat(text).contains("Moln AB", "Regionstyrelsen", "Anna Andersson", "RS 2026-117", "Personuppgifter ja",
                "Klassningen gör " + then.get("measures").findValues("measureId").stream().map(JsonNode::asInt).distinct().count()
                        + " av rutinens 42 åtgärder tillämpliga");
        assertThat(statuses(report)).as("each measure's status as the API gives it for the same moment").isEqualTo(statuses(then));
        assertThat(statusIn(then, 27, "ACQUIRE")).isEqualTo("COVERED");
        assertThat(statusIn(then, 18, "ACQUIRE")).isEqualTo("RISK_ACCEPTED");
        assertThat(text.replaceAll("\\s+", " ")).as("the acceptance behind measure 18, with its approver and dates")
                .contains("Risk accepterad av riskägaren riskowner, föreslagen av manager; gäller " + TODAY + " – " + TODAY.plusYears(1));
        // before the withdrawal the certificate is valid (the evidence table's status) and behind measures 27 and 29
        assertThat(evidenceSection(text)).contains("ISO/IEC 27001-certifikat", "Giltigt");
        assertThat(text).doesNotContain("Återkallat", "Fel certifikat");
        // the events up to the moment: the receipt, not the withdrawal
        assertThat(text.replaceAll("\\s+", " ")).contains("Händelser fram till läget", "Underlag mottaget: \"ISO/IEC 27001-certifikat\"")
                .doesNotContain("återkallades");
        for (int page = 0; page < report.pages().size(); page++) {
            String footer = report.pages().get(page).replaceAll("\\s+", " ");
            assertThat(footer).as("page " + (page + 1))
                    .contains("Hashkedjans huvud: position " + head.get("position").asLong() + ", hash")
                    .contains(head.get("hash").asText())
                    .contains("Läget som Molnkoll kände till det " + se.molnkoll.kernel.BusinessDates.dateOf(beforeWithdrawal))
                    .contains("av auditor; rapport " + reportId)
                    .contains("Informationssäkerhet för extern molntjänst, version 3.0")
                    .contains("Sida " + (page + 1) + " av " + report.pages().size());
        }

        Pdf now = pdf(file(auditor, "/api/services/" + id + "/report", "application/pdf").body());
        JsonNode today = view(auditor, id, "");
        assertThat(statuses(now)).isEqualTo(statuses(today));
        assertThat(evidenceSection(now.text())).contains("Återkallat").doesNotContain("Giltigt");
        assertThat(now.text().replaceAll("\\s+", " ")).contains("återkallades: Fel certifikat");
        assertThat(statusIn(today, 27, "ACQUIRE")).isEqualTo("OPEN");

        Pdf english = pdf(file(manager, "/api/services/" + id + "/report?lang=en&validAt=" + TODAY.plusYears(2), "application/pdf").body());
        assertThat(english.title()).isEqualTo("Service report: Rapporterad tjänst");
        assertThat(english.language()).isEqualTo("en");
        assertThat(english.text()).contains("statuses judged for " + TODAY.plusYears(2));

        assertThat(Api.at(port).as("viewer").getBytes("/api/services/" + id + "/report").statusCode()).isEqualTo(403);
        assertProblem(auditor.get("/api/services/" + id + "/report?asOf=igår&lang=de"), 400, "asOf");
        assertProblem(auditor.get("/api/services/" + id + "/report?lang=de"), 400, "lang");
        assertThat(auditor.get("/api/services/" + id + "/report?" + asOf(time(8, 0))).status())
                .as("not registered yet at 08:00").isEqualTo(404);
    }

    @Test
    void the_portfolio_report_gives_the_figures_the_api_gives_for_the_same_date_as_pdf_and_xlsx() throws Exception {
        at(9, 0);
        String unit = "Revision " + System.nanoTime() % 100_000;
        List<String> ours = new ArrayList<>();
        for (String name : List.of("Portfölj A", "Portfölj B", "Portfölj C")) {
            Api.Response created = manager.post("/api/services", Map.of("name", name, "vendor", "Moln AB",
                    "serviceModel", "SAAS", "organisationUnit", unit, "owner", "Anna Andersson"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ours.add(created.json().get("id").asText());
        }
        classify(ours.get(0), 2, 2, 2, false, false);
        classify(ours.get(1), 1, 1, 1, false, false);
        recordEvidence(ours.get(1), List.of(27), List.of("ACQUIRE"), TODAY.plusDays(10).toString());
        at(10, 0);
        String encodedUnit = URLEncoder.encode(unit, StandardCharsets.UTF_8);

        // what the API says of the unit at the same moment: the register's rows, counted as the pages count them
        JsonNode register = register(manager, "");
        Map<String, Long> servicesPerPhase = new LinkedHashMap<>(Map.of("ACQUIRE", 0L, "OPERATE", 0L, "EXIT", 0L));
        Map<String, Long> openPerPhase = new LinkedHashMap<>(Map.of("ACQUIRE", 0L, "OPERATE", 0L, "EXIT", 0L));
        long unclassified = 0;
        for (JsonNode s : register) {
            if (!s.get("organisationUnit").asText().equals(unit) || s.get("decommissioned").asBoolean()) continue;
            String phase = s.get("phase").asText();
            servicesPerPhase.merge(phase, 1L, Long::sum);
            openPerPhase.merge(phase, s.get("openMeasures").get(phase).asLong(), Long::sum);
            if (!s.get("classified").asBoolean()) unclassified++;
        }
        long expiring = 0;
        long expired = 0;
        for (JsonNode c : manager.get("/api/certificates").json()) {
            if (!c.get("organisationUnit").asText().equals(unit)) continue;
            if (c.get("status").asText().equals("EXPIRING")) expiring++;
            else expired++;
        }
        assertThat(expiring).isEqualTo(1);
        assertThat(unclassified).isEqualTo(1);

        byte[] workbook = file(Api.at(port).as("viewer"), "/api/reports/portfolio?format=xlsx&unit=" + encodedUnit,
                se.molnkoll.exports.Spreadsheets.XLSX_MEDIA_TYPE).body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Map<String, String> summary = new HashMap<>();
            DataFormatter cells = new DataFormatter();
            for (Row row : book.getSheet("Läget")) summary.put(cells.formatCellValue(row.getCell(0)), cells.formatCellValue(row.getCell(1)));
            assertThat(summary.get("Organisationsenhet")).isEqualTo(unit);
            assertThat(summary.get("Tjänster i användning")).isEqualTo("3");
            assertThat(summary.get("Tjänster: Anskaffa")).isEqualTo(servicesPerPhase.get("ACQUIRE").toString());
            assertThat(summary.get("Öppna: Anskaffa")).isEqualTo(openPerPhase.get("ACQUIRE").toString());
            assertThat(summary.get("Öppna: Förvalta")).isEqualTo(openPerPhase.get("OPERATE").toString());
            assertThat(summary.get("Intyg som snart går ut")).isEqualTo(Long.toString(expiring));
            assertThat(summary.get("Utgångna intyg")).isEqualTo(Long.toString(expired));
            assertThat(summary.get("Oklassade tjänster")).isEqualTo(Long.toString(unclassified));
            assertThat(summary.get("Skapad av")).isEqualTo("viewer");

            Sheet trend = book.getSheet("Utveckling");
            assertThat(trend.getLastRowNum()).as("12 month ends and the report's day").isEqualTo(13);
            for (int back = 12; back >= 1; back--) {
                Row row = trend.getRow(13 - back);
                assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(YearMonth.from(TODAY).minusMonths(back).atEndOfMonth());
                assertThat(row.getCell(1).getNumericCellValue()).as("nothing was recorded before today").isZero();
            }
            Row last = trend.getRow(13);
            assertThat(last.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(TODAY);
            assertThat((long) last.getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat((long) last.getCell(5).getNumericCellValue()).isEqualTo(openPerPhase.get("ACQUIRE"));
            assertThat(book.getSheet("Enheter")).as("per unit only for the whole portfolio").isNull();
            assertThat(book.getSheet("Oklassade").getRow(1).getCell(0).getStringCellValue()).isEqualTo("Portfölj C");
            assertThat(book.getSheet("Intyg").getRow(1).getCell(0).getStringCellValue()).isEqualTo("Portfölj B");
        }

        JsonNode dashboard = auditor.get("/api/dashboard").json();
        Pdf whole = pdf(file(auditor, "/api/reports/portfolio", "application/pdf").body());
        assertThat(whole.title()).isEqualTo("Portföljrapport: externa molntjänster");
        assertThat(whole.tagged()).isTrue();
        String text = whole.text().replaceAll("\\s+", " ");
        long services = dashboard.get("services").asLong();
        assertThat(text).contains("Tjänster i användning " + dashboard.get("servicesPerPhase").get("ACQUIRE").asLong() + " "
                + dashboard.get("servicesPerPhase").get("OPERATE").asLong() + " " + dashboard.get("servicesPerPhase").get("EXIT").asLong()
                + " " + services);
        assertThat(text).contains("Utgångna intyg " + dashboard.get("expiredCertificates").asLong());
        assertThat(text).contains("Oklassade tjänster " + dashboard.get("unclassifiedServices").asLong());
        assertThat(text).contains("Per organisationsenhet", unit + " 3 ");
        JsonNode head = auditor.get("/api/audit/head").json();
        for (String page : whole.pages()) assertThat(page.replaceAll("\\s+", " ")).contains("position " + head.get("position").asLong());

        Pdf english = pdf(file(manager, "/api/reports/portfolio?lang=en&unit=" + encodedUnit, "application/pdf").body());
        assertThat(english.title()).isEqualTo("Portfolio report: " + unit);
        assertThat(english.language()).isEqualTo("en");
        assertThat(english.text().replaceAll("\\s+", " ")).contains("Services in use " + servicesPerPhase.get("ACQUIRE") + " "
                + servicesPerPhase.get("OPERATE") + " " + servicesPerPhase.get("EXIT") + " 3", "The trend over the last twelve months");

        assertThat(Api.at(port).as("viewer").getBytes("/api/reports/portfolio?asOf=" + TODAY).statusCode())
                .as("history is the auditors' view").isEqualTo(403);
        assertProblem(auditor.get("/api/reports/portfolio?format=docx"), 400, "format");
        assertProblem(auditor.get("/api/reports/portfolio?unit=Finns%20inte"), 400, "unit");
    }

    @Test
    void an_evidence_package_holds_each_document_with_its_recorded_hash_checks_with_sha256sum_and_marks_one_altered(@TempDir Path folder)
            throws Exception {
        at(9, 0);
        String unit = "Paket " + System.nanoTime() % 100_000;
        List<String> services = new ArrayList<>();
        Map<String, String> recorded = new HashMap<>();
        for (String name : List.of("Paket å", "Paket ö")) {
            String id = manager.post("/api/services", Map.of("name", name, "vendor", "Moln AB", "serviceModel", "SAAS",
                    "organisationUnit", unit, "owner", "Anna Andersson")).json().get("id").asText();
            classify(id, 1, 1, 1, false, false);
            for (int i = 0; i < 2; i++) {
                Map<String, Object> body = evidence(List.of(27 + i), List.of("ACQUIRE"), null);
                body.remove("documentSha256");
                body.put("title", "Avtal/bilaga " + i);
                String evidenceId = manager.post("/api/services/" + id + "/evidence", body).json().get("id").asText();
                byte[] content = ("%PDF-1.4\n% " + name.hashCode() + i + "\n1 0 obj << >> endobj\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
                Api.Response uploaded = manager.postFile("/api/services/" + id + "/evidence/" + evidenceId + "/document",
                        "säkerhetsbilaga.pdf", content);
                assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
                recorded.put(evidenceId, uploaded.json().get("sha256").asText());
            }
            services.add(id);
        }
        at(10, 0);

        Map<String, byte[]> files = unzip(file(auditor, "/api/evidence-package?unit=" + URLEncoder.encode(unit, StandardCharsets.UTF_8),
                "application/zip").body());
        assertThat(files).containsKeys("manifest.csv", "manifest.json", "SHA256SUMS", "LASMIG.txt", "chain-verification.json",
                "paket-a/service.json", "paket-a/audit-trail.csv", "paket-a/audit-trail.json", "paket-o/service.json");
        Map<String, String> sums = sums(files.get("SHA256SUMS"));
        assertThat(sums.keySet()).as("every file but SHA256SUMS itself").isEqualTo(new java.util.HashSet<>(files.keySet()) {{
            remove("SHA256SUMS");
        }});
        sums.forEach((path, sum) -> assertThat(StoredDocument.sha256Of(files.get(path))).as(path).isEqualTo(sum));
        List<CSVRecord> manifest = manifest(files.get("manifest.csv"));
        assertThat(manifest).hasSize(4).allSatisfy(row -> {
            assertThat(row.get("integrity")).isEqualTo("INTACT");
            assertThat(row.get("recordedSha256")).isEqualTo(recorded.get(row.get("evidenceId")));
            assertThat(StoredDocument.sha256Of(files.get(row.get("path")))).isEqualTo(row.get("recordedSha256"));
            assertThat(row.get("path")).startsWith(row.get("serviceName").equals("Paket å") ? "paket-a/dokument/" : "paket-o/dokument/")
                    .endsWith(" - sakerhetsbilaga.pdf");
        });
        assertThat(new ObjectMapper().readTree(files.get("chain-verification.json")).get("intact").asBoolean()).isTrue();
        assertThat(new String(files.get("paket-a/audit-trail.csv"), StandardCharsets.UTF_8))
                .contains("CloudServiceRegistered", "DocumentAttached");

        // checked as the README says, without Molnkoll: unpacked, then sha256sum -c
        files.forEach((path, content) -> {
            try {
                Path target = folder.resolve(path);
                Files.createDirectories(target.getParent());
                Files.write(target, content);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Process check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(folder.toFile()).redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(checked).isZero();
        assertThat(checked.lines().filter(line -> line.endsWith(": OK"))).hasSize(sums.size());

        // a document altered in the store is left out and marked, and the rest still checks
        String altered = manifest.get(0).get("evidenceId");
        jdbc.update("update evidence_document set content = ? where evidence_id = ?",
                "%PDF-1.4 tampered".getBytes(StandardCharsets.US_ASCII), altered);
        Map<String, byte[]> again = unzip(file(manager, "/api/services/" + manifest.get(0).get("serviceId") + "/evidence-package",
                "application/zip").body());
        CSVRecord marked = manifest(again.get("manifest.csv")).stream().filter(r -> r.get("evidenceId").equals(altered)).findFirst().orElseThrow();
        assertThat(marked.get("integrity")).isEqualTo("ALTERED");
        assertThat(marked.get("path")).isEmpty();
        assertThat(marked.get("actualSha256")).isEqualTo(StoredDocument.sha256Of("%PDF-1.4 tampered".getBytes(StandardCharsets.US_ASCII)));
        assertThat(again.keySet()).noneMatch(path -> path.contains("dokument/") && path.contains(marked.get("evidenceTitle").replace("/", "_")));
        assertThat(new String(again.get("LASMIG.txt"), StandardCharsets.UTF_8)).contains("VARNING", "ALTERED", marked.get("recordedSha256"));
        sums(again.get("SHA256SUMS")).forEach((path, sum) -> assertThat(StoredDocument.sha256Of(again.get(path))).isEqualTo(sum));

        assertThat(Api.at(port).as("viewer").getBytes("/api/services/" + services.get(0) + "/evidence-package").statusCode()).isEqualTo(403);
        assertProblem(auditor.get("/api/evidence-package?unit=Finns%20inte"), 400, "unit");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static Map<String, String> sums(byte[] file) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            sums.put(line.substring(66), line.substring(0, 64));
        }
        return sums;
    }

    static List<CSVRecord> manifest(byte[] csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
    }
}
