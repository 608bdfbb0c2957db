package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.molnkoll.documents.DocumentStore;
import se.molnkoll.documents.DocumentTypes;
import se.molnkoll.documents.StoredDocument;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.StorableValues;
import se.molnkoll.kernel.command.AttachDocument;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.DocumentView;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.FindCloudService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** Upload and download of the document behind a piece of evidence. */
@RestController
@RequestMapping("/api/services/{id}/evidence/{evidenceId}/document")
@Tag(name = "Cloud services")
class DocumentController {

    private static final Logger log = LoggerFactory.getLogger(DocumentController.class);
    static final int LONGEST_FILE_NAME = 200;

    private final Commands commands;
    private final QueryGateway queries;
    private final DocumentStore documents;

    DocumentController(Commands commands, QueryGateway queries, DocumentStore documents) {
        this.commands = commands;
        this.queries = queries;
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach the document (multipart part \"file\")",
            description = "PDF, office documents, images or plain text, judged by content; at most molnkoll.documents.max-size "
                    + "(default 20 MB). If a SHA-256 was declared when the evidence was recorded, the document must match it. "
                    + "One document per evidence. Stored with its SHA-256, which the audit trail records.")
    @ApiResponse(responseCode = "201", description = "Attached; the body describes the stored document")
    @ApiResponse(responseCode = "413", description = "Larger than the limit; nothing stored")
    @ApiResponse(responseCode = "415", description = "Not an accepted kind of document; nothing stored")
    ResponseEntity<Map<String, Object>> upload(@PathVariable String id, @PathVariable String evidenceId,
                                               @RequestParam("file") MultipartFile file) throws IOException {
        CloudServiceId service = Ids.service(id);
        EvidenceId evidence = Ids.evidence(id, evidenceId);
        byte[] content = file.getBytes();
        if (content.length == 0) {
            throw InvalidInputException.of("file", "is empty");
        }
        DocumentTypes.DocumentType type = DocumentTypes.detect(content).orElseThrow(() -> new UnsupportedDocumentException(
                "Not an accepted document: PDF, office documents (Word, Excel, PowerPoint, OpenDocument, RTF), images "
                        + "(PNG, JPEG, GIF, TIFF, WebP) or plain text, judged by the content"));
        // the name keeps what the user called it but always ends in an extension that says what it is
        String fileName = type.safeFileName(fileName(file.getOriginalFilename()));
        String mediaType = type.mediaType();
        StoredDocument document = new StoredDocument(fileName, mediaType, StoredDocument.sha256Of(content), content);
        Map<String, Object> answer = Map.of("evidenceId", evidence.value(), "fileName", fileName, "mediaType", mediaType,
                "sizeBytes", content.length, "sha256", document.sha256());
        ResponseEntity<Map<String, Object>> sent = commands.sendAndAnswer(service,
                new AttachDocument(service, evidence, document.sha256(), content.length, fileName, mediaType),
                HttpStatus.CREATED, answer, () -> documents.store(service, evidence, document));
        return ResponseEntity.status(sent.getStatusCode()).headers(sent.getHeaders())
                .location(ServletUriComponentsBuilder.fromCurrentRequest().build().toUri()).body(sent.getBody());
    }

    @GetMapping
    @Operation(summary = "Download the document, after checking its bytes against the SHA-256 recorded when it was attached")
    @ApiResponse(responseCode = "500", description = "The stored bytes no longer match the recorded SHA-256; nothing is served")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String evidenceId) {
        CloudServiceId service = Ids.service(id);
        EvidenceId evidence = Ids.evidence(id, evidenceId);
        CloudServiceView view = queries.query(new FindCloudService(service), ResponseTypes.optionalInstanceOf(CloudServiceView.class))
                .join().orElseThrow(() -> NotFoundException.service(id));
        DocumentView recorded = view.evidence().stream().filter(e -> e.id().equals(evidence)).findFirst()
                .map(EvidenceView::document)
                .orElseThrow(() -> new NotFoundException("Cloud service " + id + " has no evidence " + evidenceId));
        if (recorded == null) {
            throw new NotFoundException("Evidence " + evidenceId + " has no document");
        }
        StoredDocument stored = documents.load(evidence).orElseThrow(() -> new DocumentIntegrityException(
                "The document of evidence " + evidenceId + " is recorded but its bytes are missing"));
        String actual = StoredDocument.sha256Of(stored.content());
        if (!actual.equals(recorded.sha256())) {
            log.error("Integrity check failed for the document of evidence {}: recorded SHA-256 {}, stored bytes hash to {}",
                    evidenceId, recorded.sha256(), actual);
            throw new DocumentIntegrityException("The stored document of evidence " + evidenceId
                    + " does not match the SHA-256 recorded when it was attached; it has been altered or damaged");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(recorded.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(recorded.fileName()))
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(actual)) + ":")
                .body(stored.content());
    }

    /**
     * Content-Disposition for a download: an ASCII name for clients that read only "filename", and the
     * real one in RFC 5987 form ("filename*") for those that read both.
     */
    static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace('"', '_').replace('\\', '_');
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The last part of the name the client gave, made storable; "document" if none is left. */
    static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> c >= 0x20 && c != 0x7f && !Character.isSurrogate((char) c))
                .limit(LONGEST_FILE_NAME).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        return result.isEmpty() || StorableValues.textProblem(result) != null ? "document" : result;
    }

    /** 415: not a kind of document Molnkoll accepts. */
    static class UnsupportedDocumentException extends RuntimeException {
        UnsupportedDocumentException(String message) {
            super(message);
        }
    }

    /** The stored bytes do not match the hash the event store recorded. */
    static class DocumentIntegrityException extends RuntimeException {
        DocumentIntegrityException(String message) {
            super(message);
        }
    }
}
