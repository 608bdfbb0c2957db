package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.molnkoll.exports.Spreadsheets;
import se.molnkoll.imports.ImportColumn;
import se.molnkoll.imports.ImportPlan;
import se.molnkoll.imports.ImportPlanner;
import se.molnkoll.imports.ImportRefusedException;
import se.molnkoll.imports.ImportRun;
import se.molnkoll.imports.ImportTemplate;
import se.molnkoll.imports.Importer;

import java.io.IOException;
import java.util.Locale;

/**
 * Bringing a region's register in from a spreadsheet: the template, a preview that writes nothing,
 * and the import itself, which runs in the background and is followed at its own address.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Import")
class ImportController {

    private final ImportPlanner planner;
    private final Importer importer;

    ImportController(ImportPlanner planner, Importer importer) {
        this.planner = planner;
        this.importer = importer;
    }

    @GetMapping("/template")
    @Operation(operationId = "importTemplate", summary = "The import template as an XLSX workbook",
            description = "Sheets Tjänster and Underlag with their headers, and Anvisningar naming every column.")
    @ApiResponse(responseCode = "200", description = "The template", content = @Content(mediaType = Spreadsheets.XLSX_MEDIA_TYPE,
            schema = @Schema(type = "string", format = "binary")), headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
            required = true, description = "attachment; filename=\"molnkoll-import.xlsx\"", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> template() {
        return ImportTemplate.workbookDownload();
    }

    @GetMapping("/template/services.csv")
    @Operation(operationId = "importTemplateServicesCsv", summary = "The services' headers as semicolon CSV, for a CSV import")
    @ApiResponse(responseCode = "200", description = "The headers, for Swedish Excel (semicolons, byte order mark)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")), headers = @Header(
            name = HttpHeaders.CONTENT_DISPOSITION, required = true, description = "attachment; filename=\"molnkoll-import-services.csv\"",
            schema = @Schema(type = "string")))
    ResponseEntity<byte[]> servicesCsv() {
        return ImportTemplate.csvDownload(ImportColumn.Sheet.SERVICES);
    }

    @GetMapping("/template/evidence.csv")
    @Operation(operationId = "importTemplateEvidenceCsv", summary = "The evidence's headers as semicolon CSV, for a CSV import")
    @ApiResponse(responseCode = "200", description = "The headers, for Swedish Excel (semicolons, byte order mark)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")), headers = @Header(
            name = HttpHeaders.CONTENT_DISPOSITION, required = true, description = "attachment; filename=\"molnkoll-import-evidence.csv\"",
            schema = @Schema(type = "string")))
    ResponseEntity<byte[]> evidenceCsv() {
        return ImportTemplate.csvDownload(ImportColumn.Sheet.EVIDENCE);
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "previewImport", summary = "What importing the file would do, row by row; writes nothing",
            description = "Part \"file\": an XLSX workbook (sheet Tjänster, and Underlag for evidence) or a CSV file of services "
                    + "(comma or semicolon separated, UTF-8 with or without a byte order mark); part \"evidence\": evidence as a "
                    + "CSV file of its own (optional). Each row: what it would do, or every problem with it (the column and the "
                    + "fix, in the Accept-Language's words, as the forms say them). A file that cannot be imported as a whole "
                    + "is refused with 422 and a reason.")
    @ApiResponse(responseCode = "200", description = "What each row would do, or its problems")
    @ApiResponse(responseCode = "422", description = "The file cannot be imported (`reason`: NOT_A_SPREADSHEET, OLD_EXCEL, "
            + "NOT_UTF8, EMPTY, ZIP_BOMB, TOO_MANY_ROWS, FORMULAS, MERGED_CELLS, WRONG_SHEET, MISSING_COLUMNS, "
            + "DUPLICATE_COLUMNS); nothing written",
            content = @Content(mediaType = ContractOperations.PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "413", description = "Larger than molnkoll.documents.max-size; nothing read",
            content = @Content(mediaType = ContractOperations.PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
    ImportPlan preview(@RequestParam("file") MultipartFile file, @RequestParam(name = "evidence", required = false) MultipartFile evidence,
                       Authentication who, Locale locale) throws IOException {
        return plan(file, evidence, who, locale);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "startImport", summary = "Import the file's rows without problems, in the background",
            description = "The same parts as the preview. Rows with problems are left out; the rest go through the same "
                    + "commands as the forms, as the calling user, each event carrying the file's SHA-256 and the row. A row "
                    + "already imported changes nothing; a changed one becomes a correction. Follow the run at its Location; "
                    + "if it stops (state FAILED, failedRow), every row before it is done and importing the same file again "
                    + "does the rest.")
    @ApiResponse(responseCode = "202", description = "Started; the body is the run as it begins", headers = @Header(name = HttpHeaders.LOCATION, required = true,
            description = "The run", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "422", description = "The file cannot be imported (`reason` as for the preview); nothing written",
            content = @Content(mediaType = ContractOperations.PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "413", description = "Larger than molnkoll.documents.max-size; nothing read",
            content = @Content(mediaType = ContractOperations.PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<ImportRun> start(@RequestParam("file") MultipartFile file, @RequestParam(name = "evidence", required = false) MultipartFile evidence,
                                    Authentication who, Locale locale) throws IOException {
        ImportRun run = importer.start(plan(file, evidence, who, locale), who, locale);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(run.id()).toUri())
                .body(run);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "importRun", summary = "An import's progress: rows done of all, refused rows, where it stopped",
            description = "Runs are kept by the instance that runs them, for a day.")
    ImportRun run(@PathVariable String id) {
        return importer.run(id).orElseThrow(() -> new NotFoundException("No import " + id + " on this instance"));
    }

    private ImportPlan plan(MultipartFile file, MultipartFile evidence, Authentication who, Locale locale) throws IOException {
        ImportPlanner.Upload services = ImportPlanner.Upload.of(file);
        if (services == null) {
            throw new ImportRefusedException(ImportRefusedException.Refusal.EMPTY, "The file is empty");
        }
        return planner.plan(services, ImportPlanner.Upload.of(evidence), who, locale);
    }
}
