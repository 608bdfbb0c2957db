package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import se.molnkoll.requests.DocumentProperties;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.molnkoll.documents.DocumentTypes;
import se.molnkoll.documents.Documents;
import se.molnkoll.documents.StoredDocument;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.DocumentView;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.FindCloudService;

import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;

/** Upload and download of the document behind a piece of evidence. */
@RestController
@RequestMapping("/api/services/{id}/evidence/{evidenceId}/document")
@Tag(name = "Cloud services")
class DocumentController {

    private final QueryGateway queries;
    private final Documents documents;

    static final String DOWNLOAD = "downloadDocument";

    private final DocumentProperties limits;

    DocumentController(QueryGateway queries, Documents documents, DocumentProperties limits) {
        this.queries = queries;
        this.documents = documents;
        this.limits = limits;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "attachDocument", summary = "Attach the document (multipart part \"file\")",
            description = "PDF, office documents, images or plain text, judged by content, with a name and a declared type "
                    + "that agree with it; at most molnkoll.documents.max-size "
                    + "(default 20 MB). If a SHA-256 was declared when the evidence was recorded, the document must match it. "
                    + "One document per evidence. Stored with its SHA-256, which the audit trail records.")
    @ApiResponse(responseCode = "201", description = "Attached; the body describes the stored document", headers = @Header(
            name = HttpHeaders.LOCATION, required = true, description = "The document", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "202", description = "Attached, but reads may not show it yet; the body describes the stored document",
            content = @Content(schema = @Schema(implementation = Answers.AttachedDocument.class)), headers = {
            @Header(name = HttpHeaders.LOCATION, required = true, description = "The document", schema = @Schema(type = "string", format = "uri")),
            @Header(name = Commands.READ_YOUR_WRITES_HEADER, required = true, schema = @Schema(type = "string", allowableValues = Commands.NOT_CONFIRMED))})
    @ApiResponse(responseCode = "413", description = "Larger than the limit; nothing stored",
            content = @Content(mediaType = ContractOperations.PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "400", description = "The name's extension or the declared type disagrees with the content, "
            + "or the content is also markup, an executable or an archive, or has macros (`reason`); nothing stored",
            content = @Content(mediaType = ContractOperations.PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "415", description = "Not an accepted kind of document, or the body is not multipart/form-data; nothing stored",
            content = @Content(mediaType = ContractOperations.PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<Answers.AttachedDocument> upload(@PathVariable String id, @PathVariable String evidenceId,
                                               @RequestParam("file") MultipartFile file) throws IOException {
        CloudServiceId service = Ids.service(id);
        EvidenceId evidence = Ids.evidence(id, evidenceId);
        if (file.getSize() > limits.maxSize().toBytes()) {
            // the multipart limit is the larger of a document's and an import's; a document is held to its own
            throw new MaxUploadSizeExceededException(limits.maxSize().toBytes());
        }
        byte[] content = file.getBytes();
        if (content.length == 0) {
            throw InvalidInputException.of("file", "is empty");
        }
        Documents.Attached attached = documents.attach(service, evidence, file.getOriginalFilename(), file.getContentType(),
                content);
        Answers.AttachedDocument answer = new Answers.AttachedDocument(evidence.value(), attached.fileName(),
                attached.mediaType(), attached.sizeBytes(), attached.sha256());
        ResponseEntity.BodyBuilder response = attached.visible() ? ResponseEntity.status(HttpStatus.CREATED)
                : ResponseEntity.status(HttpStatus.ACCEPTED).header(Commands.READ_YOUR_WRITES_HEADER, Commands.NOT_CONFIRMED);
        return response.location(ServletUriComponentsBuilder.fromCurrentRequest().build().toUri()).body(answer);
    }

    /** The download's answer: the document in the media type it was judged to be, and how to check it. */
    static io.swagger.v3.oas.models.responses.ApiResponse downloaded() {
        io.swagger.v3.oas.models.media.Content content = new io.swagger.v3.oas.models.media.Content();
        DocumentTypes.mediaTypes().forEach(type -> content.addMediaType(type,
                new io.swagger.v3.oas.models.media.MediaType().schema(new BinarySchema())));
        return new io.swagger.v3.oas.models.responses.ApiResponse()
                .description("The document, whose bytes were just checked against the SHA-256 recorded when it was attached")
                .content(content)
                .addHeaderObject(HttpHeaders.CONTENT_DISPOSITION, new io.swagger.v3.oas.models.headers.Header().required(true)
                        .description("attachment, with the file name as stored")
                        .schema(new StringSchema()))
                .addHeaderObject("Repr-Digest", new io.swagger.v3.oas.models.headers.Header().required(true)
                        .description("RFC 9530: sha-256=:<base64 of the SHA-256>:")
                        .schema(new StringSchema().pattern("^sha-256=:[A-Za-z0-9+/]{43}=:$")));
    }

    @GetMapping
    @Operation(operationId = DOWNLOAD,
            summary = "Download the document, after checking its bytes against the SHA-256 recorded when it was attached")
    @ApiResponse(responseCode = "500", description = "The stored bytes no longer match the recorded SHA-256, or Molnkoll "
            + "failed; nothing is served",
            content = @Content(mediaType = ContractOperations.PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
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
        StoredDocument document = documents.load(evidence, recorded);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Documents.attachment(document.fileName()))
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256())) + ":")
                .body(document.content());
    }
}
