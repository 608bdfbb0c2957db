package se.molnkoll.documents;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.molnkoll.support.Api;
import se.molnkoll.support.RunningMolnkoll;
import se.molnkoll.support.TestClock;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real file of an accepted kind is accepted, every polyglot refused: judged on its own, and
 * uploaded through the API of a running Molnkoll, where a refusal is problem+json and stores nothing.
 */
class UploadCorpusTest {

    private static RunningMolnkoll molnkoll;
    private static Api manager;
    private static String service;

    @BeforeAll
    static void start() {
        molnkoll = RunningMolnkoll.start();
        manager = molnkoll.api().as("manager");
        service = manager.post("/api/services", Map.of("name", "Dokumenttjänst", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
        manager.put("/api/services/" + service + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                "availability", 1, "secrecy", false, "personalData", false));
    }

    @AfterAll
    static void stop() {
        molnkoll.close();
    }

    @Test
    void every_real_file_of_an_accepted_kind_is_accepted() {
        for (Map.Entry<String, UploadCorpus.Upload> file : UploadCorpus.realFiles().entrySet()) {
            UploadCorpus.Upload upload = file.getValue();
            assertThat(DocumentTypesTest.refusal(upload.content(), upload.name(), upload.declaredType()))
                    .as("%s: %s", file.getKey(), DocumentTypes.magicOf(upload.content())).isNull();
            DocumentTypes.Judged judged = DocumentTypes.judge(upload.content(), upload.name(), upload.declaredType());
            assertThat(judged.fileName()).as(file.getKey()).isEqualTo(upload.name());

            Api.Response answer = manager.postFile(documentPath(), upload.name(), upload.declaredType(), upload.content());
            assertThat(answer.status()).as("%s: %s", file.getKey(), answer).isEqualTo(201);
            assertThat(answer.json().get("fileName").asText()).isEqualTo(upload.name());
            assertThat(answer.json().get("mediaType").asText()).isEqualTo(judged.type().mediaType());
        }
    }

    @Test
    void every_polyglot_is_refused_with_its_reason_and_nothing_is_stored() {
        for (Map.Entry<String, UploadCorpus.Upload> file : UploadCorpus.polyglots().entrySet()) {
            UploadCorpus.Upload upload = file.getValue();
            DocumentTypes.Refusal refusal = DocumentTypesTest.refusal(upload.content(), upload.name(), upload.declaredType());
            assertThat(refusal).as(file.getKey()).isNotNull();

            String path = documentPath();
            long documents = molnkoll.storedDocuments();
            long events = molnkoll.storedEvents();
            Api.Response answer = manager.postFile(path, upload.name(), upload.declaredType(), upload.content());
            assertThat(answer.status()).as("%s: %s", file.getKey(), answer)
                    .isEqualTo(refusal == DocumentTypes.Refusal.UNSUPPORTED ? 415 : 400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("reason").asText()).as(file.getKey()).isEqualTo(refusal.name());
            assertThat(answer.json().get("detail").asText()).as(file.getKey()).endsWith("nothing was stored.");
            assertThat(molnkoll.storedDocuments()).as(file.getKey()).isEqualTo(documents);
            assertThat(molnkoll.storedEvents()).as(file.getKey()).isEqualTo(events);
        }
    }

    @Test
    void the_polyglots_are_refused_for_what_they_hide() {
        Map<String, UploadCorpus.Upload> polyglots = UploadCorpus.polyglots();
        Map<String, DocumentTypes.Refusal> expected = Map.ofEntries(
                Map.entry("Windows executable with %PDF- in its first kilobyte", DocumentTypes.Refusal.UNSUPPORTED),
                Map.entry("ZIP with %PDF- in its first kilobyte", DocumentTypes.Refusal.UNSUPPORTED),
                Map.entry("HTML with %PDF- in its first kilobyte", DocumentTypes.Refusal.UNSUPPORTED),
                Map.entry("SVG with script and %PDF-", DocumentTypes.Refusal.UNSUPPORTED),
                Map.entry("PDF with bytes before its header", DocumentTypes.Refusal.UNSUPPORTED),
                Map.entry("PDF with a ZIP appended", DocumentTypes.Refusal.ALSO_ARCHIVE),
                Map.entry("PDF with a Windows executable appended", DocumentTypes.Refusal.ALSO_EXECUTABLE),
                Map.entry("PDF with a RAR archive appended", DocumentTypes.Refusal.ALSO_ARCHIVE),
                Map.entry("PNG with a script in a text chunk", DocumentTypes.Refusal.ALSO_MARKUP),
                Map.entry("GIF with a ZIP appended (GIFAR)", DocumentTypes.Refusal.ALSO_ARCHIVE),
                Map.entry("JPEG with HTML in a comment", DocumentTypes.Refusal.ALSO_MARKUP),
                Map.entry("Word document with macros", DocumentTypes.Refusal.MACROS),
                Map.entry("real PDF named as an executable", DocumentTypes.Refusal.NAME_DISAGREES),
                Map.entry("real PDF declared as HTML", DocumentTypes.Refusal.DECLARED_TYPE_DISAGREES),
                Map.entry("text named as a batch file", DocumentTypes.Refusal.NAME_DISAGREES));
        assertThat(polyglots.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        polyglots.forEach((what, upload) -> assertThat(DocumentTypesTest.refusal(upload.content(), upload.name(),
                upload.declaredType())).as(what).isEqualTo(expected.get(what)));
    }

    /** A new piece of evidence to attach a document to (one document per evidence). */
    private static String documentPath() {
        Api.Response evidence = manager.post("/api/services/" + service + "/evidence", Map.of("measureIds", List.of(27),
                "phases", List.of("ACQUIRE"), "kind", "CERTIFICATE", "title", "Intyg", "issuer", "Cert AB",
                "receivedOn", TestClock.TODAY.minusDays(1).toString()));
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(201);
        return "/api/services/" + service + "/evidence/" + evidence.json().get("id").asText() + "/document";
    }
}
