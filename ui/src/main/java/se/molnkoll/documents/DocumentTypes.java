package se.molnkoll.documents;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a document is, judged by its content. Accepted: PDF, office documents (Office Open XML,
 * OpenDocument text/spreadsheet/presentation/drawing, the older binary Word, Excel and PowerPoint
 * formats, RTF), images (PNG, JPEG, GIF, TIFF, WebP) and plain text (UTF-8, UTF-16 with a byte-order
 * mark, or Windows-1252). How it is judged:
 * <ol>
 *     <li>Apache Tika's detector names the content's type from its magic numbers, never from its name.
 *     Anything else than the kinds above is refused (415): markup (HTML, SVG, XML), executables and
 *     scripts, archives. A PDF must start as a PDF.</li>
 *     <li>Containers are opened to see what they hold: a ZIP is accepted only as an Office Open XML or
 *     OpenDocument file, an OLE2 file only as a Word, Excel or PowerPoint one (not an installer).</li>
 *     <li>The name's extension and the type the client declared must agree with the content (400): a
 *     "report.pdf" holding an executable, or a PDF declared as text/html, is refused. A name without a
 *     known extension gets the usual one.</li>
 *     <li>Content that is also something else is refused (400): markup, an executable or an archive
 *     hidden inside (a polyglot), or macros in an office document.</li>
 * </ol>
 */
public final class DocumentTypes {

    /** A kind of document: its media type and the file-name extensions it may carry, the first the usual one. */
    public record DocumentType(String mediaType, List<String> extensions) {

        DocumentType(String mediaType, String... extensions) {
            this(mediaType, List.of(extensions));
        }

        /** The usual extension, in capitals: how messages name the kind ("PDF", "DOCX", "TXT"). */
        public String label() {
            return extensions.get(0).toUpperCase(Locale.ROOT);
        }

        String baseType() {
            int parameters = mediaType.indexOf(';');
            return parameters < 0 ? mediaType : mediaType.substring(0, parameters);
        }

        /** The name ending in an extension that says what the document is: kept, or the usual one added. */
        String named(String name) {
            String extension = extensionOf(name);
            return extension != null && extensions.contains(extension) ? name : name + "." + extensions.get(0);
        }
    }

    /** A document found acceptable: what it is, and the name it is stored under. */
    public record Judged(DocumentType type, String fileName) {
    }

    /** Why a document is refused. The first is 415 (not a kind accepted); the others 400. */
    public enum Refusal {
        /** Not a kind of document Molnkoll accepts. */
        UNSUPPORTED,
        /** The name's extension says another type than the content is. */
        NAME_DISAGREES,
        /** The type the client declared is another than the content is. */
        DECLARED_TYPE_DISAGREES,
        /** An accepted kind that also holds markup (HTML, SVG, script). */
        ALSO_MARKUP,
        /** An accepted kind that also holds an executable. */
        ALSO_EXECUTABLE,
        /** An accepted kind that is also an archive (ZIP, RAR, 7z). */
        ALSO_ARCHIVE,
        /** An office document with macros. */
        MACROS
    }

    /** A refused document: why, in words for the API, and the values the pages' message needs. */
    public static class RefusedException extends RuntimeException {
        private final Refusal refusal;
        private final transient List<String> arguments;

        RefusedException(Refusal refusal, String message, String... arguments) {
            super(message);
            this.refusal = refusal;
            this.arguments = List.of(arguments);
        }

        public Refusal refusal() {
            return refusal;
        }

        /** For the pages' message document.refused.{refusal}: e.g. the name's extension and what the content is. */
        public List<String> arguments() {
            return arguments;
        }
    }

    static final DocumentType PDF = new DocumentType("application/pdf", "pdf");
    static final DocumentType PNG = new DocumentType("image/png", "png");
    static final DocumentType JPEG = new DocumentType("image/jpeg", "jpg", "jpeg");
    static final DocumentType GIF = new DocumentType("image/gif", "gif");
    static final DocumentType TIFF = new DocumentType("image/tiff", "tif", "tiff");
    static final DocumentType WEBP = new DocumentType("image/webp", "webp");
    static final DocumentType RTF = new DocumentType("application/rtf", "rtf");
    static final DocumentType DOC = new DocumentType("application/msword", "doc");
    public static final DocumentType XLS = new DocumentType("application/vnd.ms-excel", "xls");
    static final DocumentType PPT = new DocumentType("application/vnd.ms-powerpoint", "ppt");
    static final DocumentType DOCX = new DocumentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
    public static final DocumentType XLSX = new DocumentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    static final DocumentType PPTX = new DocumentType("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
    static final List<DocumentType> OPEN_DOCUMENT = List.of(
            new DocumentType("application/vnd.oasis.opendocument.text", "odt"),
            new DocumentType("application/vnd.oasis.opendocument.spreadsheet", "ods"),
            new DocumentType("application/vnd.oasis.opendocument.presentation", "odp"),
            new DocumentType("application/vnd.oasis.opendocument.graphics", "odg"));
    static final List<String> TEXT_EXTENSIONS = List.of("txt", "text", "csv", "log");
    private static final Map<String, DocumentType> BY_MAGIC = Map.of("application/pdf", PDF, "image/png", PNG,
            "image/jpeg", JPEG, "image/gif", GIF, "image/tiff", TIFF, "image/webp", WEBP, "application/rtf", RTF);
    /** Types clients declare that Tika's registry does not know as aliases. */
    private static final Map<String, String> DECLARED_ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
            "text/rtf", "application/rtf", "application/x-pdf", "application/pdf");

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TIKA.getMediaTypeRegistry();

    /** Every media type a stored document can have (text as text/plain with its charset): what a download answers with. */
    public static List<String> mediaTypes() {
        List<String> types = new java.util.ArrayList<>(java.util.stream.Stream.of(PDF, PNG, JPEG, GIF, TIFF, WEBP, RTF, DOC,
                XLS, PPT, DOCX, XLSX, PPTX).map(DocumentType::mediaType).toList());
        OPEN_DOCUMENT.forEach(type -> types.add(type.mediaType()));
        types.add("text/plain");
        return types;
    }

    private DocumentTypes() {
    }

    /**
     * Judges a document: what it is, from its content, and the name it is stored under.
     *
     * @param name         the file's name as given (already made storable), never null
     * @param declaredType the type the client declared for it, or null
     * @throws RefusedException when it is not accepted: {@link Refusal#UNSUPPORTED} for a kind Molnkoll
     *                          does not take, another refusal for one that contradicts itself
     */
    public static Judged judge(byte[] content, String name, String declaredType) {
        DocumentType type = detect(content).orElseThrow(() -> new RefusedException(Refusal.UNSUPPORTED,
                "Not an accepted document: PDF, office documents (Word, Excel, PowerPoint, OpenDocument, RTF), images "
                        + "(PNG, JPEG, GIF, TIFF, WebP) or plain text, judged by the content (this is "
                        + magicOf(content) + ")"));
        String extension = extensionOf(name);
        if (extension != null && !type.extensions().contains(extension) && isKnownExtension(extension)) {
            throw new RefusedException(Refusal.NAME_DISAGREES, "The name ends in ." + extension + " but the content is "
                    + type.label() + "; name it ." + type.extensions().get(0), extension, type.label(), type.extensions().get(0));
        }
        String declared = declaredBaseType(declaredType);
        if (declared != null && !agrees(declared, type, extension)) {
            throw new RefusedException(Refusal.DECLARED_TYPE_DISAGREES, "It was sent as " + declared + " but the content is "
                    + type.label() + " (" + type.baseType() + ")", declared, type.label());
        }
        Polyglots.refuseIfAlsoSomethingElse(content, type);
        return new Judged(type, type.named(name));
    }

    /** What the content is, if it is a kind of document Molnkoll accepts; nothing about what else it may be. */
    public static Optional<DocumentType> detect(byte[] content) {
        if (content.length == 0) return Optional.empty();
        String magic = magicOf(content);
        DocumentType simple = BY_MAGIC.get(magic);
        if (simple == PDF) return startsAsPdf(content) ? Optional.of(PDF) : Optional.empty();
        if (simple != null) return Optional.of(simple);
        return switch (magic) {
            case "application/x-tika-msoffice" -> OfficeContainers.legacyOffice(content);
            case "application/zip", "application/x-tika-ooxml" -> OfficeContainers.officeContainer(content);
            // no magic at all: Tika takes short text with a few bytes above 127 (Windows-1252) for binary;
            // the text check is strict (valid text in an encoding, no control characters, no markup)
            case "text/plain", "application/octet-stream" -> PlainText.detect(content);
            default -> magic.startsWith("application/vnd.oasis.opendocument.") ? OfficeContainers.officeContainer(content)
                    : Optional.empty();
        };
    }

    /** The type Tika's detector gives the content by its magic numbers alone (no name). */
    public static String magicOf(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return TIKA.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new IllegalStateException("Reading bytes in memory failed", e);
        }
    }

    /** "%PDF-" at the very start (after a UTF-8 byte-order mark at most), where readers must find it. */
    private static boolean startsAsPdf(byte[] content) {
        int start = Bytes.startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        return Bytes.indexOf(content, "%PDF-".getBytes(StandardCharsets.US_ASCII), start, start + 1) == start;
    }

    /** The extension of a name, lower-cased: 1–10 letters or digits after the last dot; null if none. */
    static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) return null;
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extension.length() <= 10 && extension.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                ? extension : null;
    }

    /** Whether the extension names a type (Tika's list of names): ".bat" does, ".2" of "v1.2" does not. */
    private static boolean isKnownExtension(String extension) {
        return !TIKA.getMimeType("document." + extension).getName().equals(MediaType.OCTET_STREAM.toString());
    }

    /** The declared type without parameters, lower-cased; null if none was declared ("application/octet-stream" says nothing). */
    private static String declaredBaseType(String declaredType) {
        if (declaredType == null || declaredType.isBlank()) return null;
        MediaType parsed = MediaType.parse(declaredType.strip());
        if (parsed == null) return declaredType.strip().toLowerCase(Locale.ROOT);
        String base = parsed.getBaseType().toString().toLowerCase(Locale.ROOT);
        return base.equals("application/octet-stream") || base.equals("binary/octet-stream") ? null : base;
    }

    /**
     * Whether a declared type agrees with what the content is: the same type (or an alias), a narrower or
     * wider one of Tika's (text/csv for text, application/zip for a DOCX), or, for a CSV file, the Excel
     * type Windows declares for every .csv where Excel is installed.
     */
    private static boolean agrees(String declared, DocumentType type, String extension) {
        MediaType said = REGISTRY.normalize(MediaType.parse(DECLARED_ALIASES.getOrDefault(declared, declared)));
        MediaType is = MediaType.parse(type.baseType());
        if (said == null) return false;
        if (said.equals(is) || REGISTRY.isSpecializationOf(said, is) || REGISTRY.isSpecializationOf(is, said)) return true;
        return type.baseType().equals("text/plain") && "csv".equals(extension)
                && said.toString().equals("application/vnd.ms-excel");
    }
}
