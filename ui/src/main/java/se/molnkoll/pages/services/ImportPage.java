package se.molnkoll.pages.services;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import se.molnkoll.imports.ImportColumn;
import se.molnkoll.imports.ImportPlan;
import se.molnkoll.imports.ImportPlanner;
import se.molnkoll.imports.ImportRefusedException;
import se.molnkoll.imports.ImportRun;
import se.molnkoll.imports.ImportTemplate;
import se.molnkoll.imports.Importer;
import se.molnkoll.imports.PendingImports;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Bringing the register in from a spreadsheet, for a contract manager: choose the file, see what each
 * row would do (nothing is saved), import the rows without problems and follow the run. The file
 * previewed is kept for the import, so the user does not choose it again.
 */
@Controller
class ImportPage {

    private final ImportPlanner planner;
    private final Importer importer;
    private final PendingImports pending;
    private final MessageSource messages;

    ImportPage(ImportPlanner planner, Importer importer, PendingImports pending, MessageSource messages) {
        this.planner = planner;
        this.importer = importer;
        this.pending = pending;
        this.messages = messages;
    }

    @GetMapping("/services/import")
    String importForm() {
        return "services/import";
    }

    @GetMapping("/services/import/template.xlsx")
    ResponseEntity<byte[]> template() {
        return ImportTemplate.workbookDownload();
    }

    @GetMapping("/services/import/template-services.csv")
    ResponseEntity<byte[]> servicesCsv() {
        return ImportTemplate.csvDownload(ImportColumn.Sheet.SERVICES);
    }

    @GetMapping("/services/import/template-evidence.csv")
    ResponseEntity<byte[]> evidenceCsv() {
        return ImportTemplate.csvDownload(ImportColumn.Sheet.EVIDENCE);
    }

    @PostMapping("/services/import")
    String preview(@RequestParam(name = "file", required = false) MultipartFile file,
                   @RequestParam(name = "evidence", required = false) MultipartFile evidence,
                   Authentication who, Locale locale, Model model) throws IOException {
        ImportPlanner.Upload services = ImportPlanner.Upload.of(file);
        ImportPlanner.Upload more = ImportPlanner.Upload.of(evidence);
        if (services == null) {
            model.addAttribute("problems", List.of(messages.getMessage("import.refused.EMPTY", null, locale)));
            return "services/import";
        }
        try {
            ImportPlan plan = planner.plan(services, more, who, locale);
            String token = pending.keep(new PendingImports.Pending(who.getName(), services, more));
            model.addAttribute("plan", plan);
            model.addAttribute("token", token);
            return "services/import-preview";
        } catch (ImportRefusedException refused) {
            model.addAttribute("problems", List.of(messages.getMessage("import.refused." + refused.refusal().name(),
                    refused.arguments().toArray(), locale) + " " + messages.getMessage("import.nothingWritten", null, locale)));
            return "services/import";
        }
    }

    @PostMapping("/services/import/{token}")
    String start(@PathVariable String token, Authentication who, Locale locale, Model model) {
        var files = pending.get(token, who.getName());
        if (files.isEmpty()) {
            model.addAttribute("problems", List.of(messages.getMessage("import.expired", null, locale)));
            return "services/import";
        }
        // planned again: what is recorded may have changed since the preview; the import does what the plan says now
        ImportPlan plan = planner.plan(files.get().services(), files.get().evidence(), who, locale);
        ImportRun run = importer.start(plan, who, locale);
        pending.forget(token);
        return "redirect:/services/import/runs/" + run.id();
    }

    @GetMapping("/services/import/runs/{id}")
    String run(@PathVariable String id, Model model) {
        model.addAttribute("run", importer.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "services/import-run";
    }

    @GetMapping("/services/import/runs/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        run(id, model);
        return "services/import-run :: progress";
    }
}
