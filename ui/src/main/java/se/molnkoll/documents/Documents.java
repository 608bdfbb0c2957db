package se.molnkoll.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.StorableValues;
import se.molnkoll.kernel.command.AttachDocument;
import se.molnkoll.kernel.query.DocumentView;
import se.molnkoll.recording.Recorder;

/**
 * Attaching the document behind a piece of evidence, and handing it out again only while its bytes
 * still match the SHA-256 recorded when it was attached. The API and the pages both go through here.
 */
@Component
public class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);
    static final int LONGEST_FILE_NAME = 200;

    private final Recorder recorder;
    private final DocumentStore store;

    public Documents(Recorder recorder, DocumentStore store) {
        this.recorder = recorder;
        this.store = store;
    }

    /** What was attached, and whether the read models show it yet. */
    public record Attached(String fileName, String mediaType, long sizeBytes, String sha256, boolean visible) {
    }

    /**
     * Judges the document ({@link DocumentTypes#judge}): what it is, and the name it is stored under.
     *
     * @param originalName the name the client gave, or null
     * @param declaredType the type the client declared for it (the part's Content-Type), or null
     * @throws DocumentTypes.RefusedException when it is not accepted, with the reason
     */
    public static DocumentTypes.Judged judge(String originalName, String declaredType, byte[] content) {
        return DocumentTypes.judge(content, fileName(originalName), declaredType);
    }

    /**
     * Judges the content, records the attachment and stores the bytes in one transaction: a refusal
     * (of the content, or of the command by the aggregate) stores nothing.
     *
     * @throws DocumentTypes.RefusedException when the document is not accepted, with the reason
     */
    public Attached attach(CloudServiceId service, EvidenceId evidence, String originalName, String declaredType,
                           byte[] content) {
        DocumentTypes.Judged judged = judge(originalName, declaredType, content);
        String fileName = judged.fileName();
        String mediaType = judged.type().mediaType();
        StoredDocument document = new StoredDocument(fileName, mediaType, StoredDocument.sha256Of(content), content);
        boolean visible = recorder.record(service,
                new AttachDocument(service, evidence, document.sha256(), content.length, fileName, mediaType),
                () -> store.store(service, evidence, document));
        return new Attached(fileName, mediaType, content.length, document.sha256(), visible);
    }

    /** Whether a recorded document's stored bytes are still those it was attached with. */
    public enum Integrity {
        INTACT, ALTERED, MISSING
    }

    /**
     * A recorded document as stored now: intact (with its bytes), altered (the bytes hash to {@code actualSha256}),
     * or missing. The bytes are handed on only when intact.
     */
    public record Checked(Integrity integrity, StoredDocument document, String actualSha256) {
    }

    /** The stored bytes of a recorded document, checked against the SHA-256 recorded when it was attached. */
    public Checked check(EvidenceId evidence, DocumentView recorded) {
        java.util.Optional<StoredDocument> stored = store.load(evidence);
        if (stored.isEmpty()) {
            log.error("Integrity check failed for the document of evidence {}: recorded, but its bytes are missing", evidence);
            return new Checked(Integrity.MISSING, null, null);
        }
        String actual = StoredDocument.sha256Of(stored.get().content());
        if (!actual.equals(recorded.sha256())) {
            log.error("Integrity check failed for the document of evidence {}: recorded SHA-256 {}, stored bytes hash to {}",
                    evidence, recorded.sha256(), actual);
            return new Checked(Integrity.ALTERED, null, actual);
        }
        return new Checked(Integrity.INTACT,
                new StoredDocument(recorded.fileName(), recorded.mediaType(), actual, stored.get().content()), actual);
    }

    /**
     * The stored bytes of a recorded document, checked against the SHA-256 recorded when it was attached.
     *
     * @throws DocumentIntegrityException when the bytes are missing or no longer match
     */
    public StoredDocument load(EvidenceId evidence, DocumentView recorded) {
        Checked checked = check(evidence, recorded);
        return switch (checked.integrity()) {
            case INTACT -> checked.document();
            case MISSING -> throw new DocumentIntegrityException("The document of evidence " + evidence
                    + " is recorded but its bytes are missing");
            case ALTERED -> throw new DocumentIntegrityException("The stored document of evidence " + evidence
                    + " does not match the SHA-256 recorded when it was attached; it has been altered or damaged");
        };
    }

    /** The last part of the name the client gave, made storable; "document" if none is left. */
    public static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> c >= 0x20 && c != 0x7f && !Character.isSurrogate((char) c))
                .limit(LONGEST_FILE_NAME).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        return result.isEmpty() || StorableValues.textProblem(result) != null ? "document" : result;
    }

    /**
     * Content-Disposition for a download: an ASCII name for clients that read only "filename", and the
     * real one in RFC 5987 form ("filename*") for those that read both.
     */
    public static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace('"', '_').replace('\\', '_');
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The stored bytes do not match the hash the event store recorded. */
    public static class DocumentIntegrityException extends RuntimeException {
        public DocumentIntegrityException(String message) {
            super(message);
        }
    }
}
