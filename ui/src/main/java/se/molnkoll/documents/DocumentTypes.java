package se.molnkoll.documents;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
    static final DocumentType XLS = new DocumentType("application/vnd.ms-excel", "xls");
    static final DocumentType PPT = new DocumentType("application/vnd.ms-powerpoint", "ppt");
    static final DocumentType DOCX = new DocumentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
    static final DocumentType XLSX = new DocumentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    static final DocumentType PPTX = new DocumentType("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
    static final List<DocumentType> OPEN_DOCUMENT = List.of(
            new DocumentType("application/vnd.oasis.opendocument.text", "odt"),
            new DocumentType("application/vnd.oasis.opendocument.spreadsheet", "ods"),
            new DocumentType("application/vnd.oasis.opendocument.presentation", "odp"),
            new DocumentType("application/vnd.oasis.opendocument.graphics", "odg"));
    private static final List<String> TEXT_EXTENSIONS = List.of("txt", "text", "csv", "log");
    private static final Map<String, DocumentType> BY_MAGIC = Map.of("application/pdf", PDF, "image/png", PNG,
            "image/jpeg", JPEG, "image/gif", GIF, "image/tiff", TIFF, "image/webp", WEBP, "application/rtf", RTF);
    /** Types clients declare that Tika's registry does not know as aliases. */
    private static final Map<String, String> DECLARED_ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
            "text/rtf", "application/rtf", "application/x-pdf", "application/pdf");

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TIKA.getMediaTypeRegistry();
    private static final Pattern MARKUP_IN_TEXT = Pattern.compile(
            "(?is)^\\s*<[a-z!?/]|<\\s*(script|html|body|svg|iframe|object|embed)\\b|javascript:");
    /** Markup a browser or a viewer would act on, looked for in a binary document's bytes (lower-cased ASCII). */
    private static final List<byte[]> MARKUP_IN_BINARY = ascii("<script", "<html", "<svg", "<iframe", "<object", "<embed",
            "<body", "<!doctype html", "<?xml-stylesheet");
    private static final byte[] WINDOWS_EXECUTABLE = "This program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RAR = {'R', 'a', 'r', '!', 0x1A, 0x07};
    private static final byte[] SEVEN_ZIP = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
    private static final byte[] ZIP_END = {'P', 'K', 0x05, 0x06};

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
        alsoSomethingElse(content, type);
        return new Judged(type, type.named(name));
    }

    /** What the content is, if it is a kind of document Molnkoll accepts; nothing about what else it may be. */
    static Optional<DocumentType> detect(byte[] content) {
        if (content.length == 0) return Optional.empty();
        String magic = magicOf(content);
        DocumentType simple = BY_MAGIC.get(magic);
        if (simple == PDF) return startsAsPdf(content) ? Optional.of(PDF) : Optional.empty();
        if (simple != null) return Optional.of(simple);
        return switch (magic) {
            case "application/x-tika-msoffice" -> legacyOffice(content);
            case "application/zip", "application/x-tika-ooxml" -> officeContainer(content);
            // no magic at all: Tika takes short text with a few bytes above 127 (Windows-1252) for binary;
            // the text check is strict (valid text in an encoding, no control characters, no markup)
            case "text/plain", "application/octet-stream" -> plainText(content);
            default -> magic.startsWith("application/vnd.oasis.opendocument.") ? officeContainer(content) : Optional.empty();
        };
    }

    /** The type Tika's detector gives the content by its magic numbers alone (no name). */
    static String magicOf(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return TIKA.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new IllegalStateException("Reading bytes in memory failed", e);
        }
    }

    /** "%PDF-" at the very start (after a UTF-8 byte-order mark at most), where readers must find it. */
    private static boolean startsAsPdf(byte[] content) {
        int start = startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        return indexOf(content, "%PDF-".getBytes(StandardCharsets.US_ASCII), start, start + 1) == start;
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

    /** Refuses an accepted kind that is also something else (a polyglot), or an office document with macros. */
    private static void alsoSomethingElse(byte[] content, DocumentType type) {
        String is = type.label();
        if (indexOf(content, WINDOWS_EXECUTABLE, 0, content.length) >= 0) {
            throw new RefusedException(Refusal.ALSO_EXECUTABLE, "It is " + is + " but also holds a Windows executable", is);
        }
        boolean zipBased = type == DOCX || type == XLSX || type == PPTX || OPEN_DOCUMENT.contains(type);
        if ((!zipBased && endsAsZip(content)) || indexOf(content, RAR, 0, content.length) >= 0
                || indexOf(content, SEVEN_ZIP, 0, content.length) >= 0) {
            throw new RefusedException(Refusal.ALSO_ARCHIVE, "It is " + is + " but is also an archive (ZIP, RAR or 7z)", is);
        }
        // plain text was read as text and refused for markup already; a ZIP's bytes are compressed parts, and
        // an OpenDocument keeps its pictures (SVG too) stored as they are: no browser sniffs past "PK"
        if (!type.baseType().equals("text/plain") && !zipBased && holdsMarkup(content)) {
            throw new RefusedException(Refusal.ALSO_MARKUP, "It is " + is + " but also holds markup a browser would run "
                    + "(HTML, SVG or script)", is);
        }
        if (hasMacros(content, type)) {
            throw new RefusedException(Refusal.MACROS, "It is " + is + " with macros; save it without them", is);
        }
    }

    /**
     * A ZIP's end-of-central-directory record at the end, consistent with the length (ZIP readers look
     * for it there): a document with an archive appended is an archive too.
     */
    private static boolean endsAsZip(byte[] content) {
        int earliest = Math.max(0, content.length - 22 - 0xFFFF);
        for (int at = content.length - 22; at >= earliest; at--) {
            if (content[at] == 'P' && startsWith(content, at, ZIP_END)) {
                int commentLength = (content[at + 20] & 0xff) | (content[at + 21] & 0xff) << 8;
                long directorySize = uint32(content, at + 12);
                long directoryOffset = uint32(content, at + 16);
                if (at + 22 + commentLength == content.length && directoryOffset + directorySize <= at) return true;
            }
        }
        return false;
    }

    private static boolean holdsMarkup(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] != '<') continue;
            for (byte[] tag : MARKUP_IN_BINARY) {
                if (startsWithIgnoringCase(content, i, tag)) return true;
            }
        }
        return false;
    }

    /**
     * Macros of Word, Excel and PowerPoint: the VBA project, a storage of the OLE2 file or a part of the
     * Office Open XML package. (Macros of OpenDocument files are not looked for.)
     */
    private static boolean hasMacros(byte[] content, DocumentType type) {
        if (type == DOC || type == XLS || type == PPT) {
            return indexOf(content, utf16le("_VBA_PROJECT"), 0, content.length) >= 0;
        }
        if (type == DOCX || type == XLSX || type == PPTX) {
            return entryNames(content).stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"));
        }
        return false;
    }

    /**
     * An OLE2 compound file is a Word, Excel or PowerPoint document only if its directory names the
     * stream that format keeps its content in (names are stored in UTF-16LE).
     */
    private static Optional<DocumentType> legacyOffice(byte[] content) {
        if (indexOf(content, utf16le("WordDocument"), 0, content.length) >= 0) return Optional.of(DOC);
        if (indexOf(content, utf16le("Workbook"), 0, content.length) >= 0
                || indexOf(content, utf16le("Book\0"), 0, content.length) >= 0) {
            return Optional.of(XLS);
        }
        if (indexOf(content, utf16le("PowerPoint Document"), 0, content.length) >= 0) return Optional.of(PPT);
        return Optional.empty();
    }

    /**
     * A ZIP is accepted only as an Office Open XML or OpenDocument file. Its entries are listed from the
     * central directory, so nothing is decompressed but the tiny OpenDocument "mimetype" entry.
     */
    private static Optional<DocumentType> officeContainer(byte[] content) {
        Set<String> names = entryNames(content);
        if (names.contains("mimetype")) {
            String declared = openDocumentType(content);
            return OPEN_DOCUMENT.stream().filter(type -> type.mediaType().equals(declared)).findFirst();
        }
        if (!names.contains("[Content_Types].xml")) return Optional.empty();
        if (names.contains("word/document.xml")) return Optional.of(DOCX);
        if (names.contains("xl/workbook.xml")) return Optional.of(XLSX);
        if (names.contains("ppt/presentation.xml")) return Optional.of(PPTX);
        return Optional.empty();
    }

    /** The entry names of a ZIP (at most 10,001 of them); none if it is not one. */
    private static Set<String> entryNames(byte[] content) {
        return withZip(content, zip -> {
            Set<String> names = new HashSet<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                names.add(entry.getName());
                if (names.size() > 10_000) break;
            }
            return names;
        }, Set.of());
    }

    /** The OpenDocument "mimetype" entry's text, if it is short enough to be one. */
    private static String openDocumentType(byte[] content) {
        return withZip(content, zip -> {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype == null || mimetype.getSize() > 100) return "";
            try (InputStream in = zip.getInputStream(mimetype)) {
                return new String(in.readNBytes(100), StandardCharsets.US_ASCII);
            }
        }, "");
    }

    private interface ZipReading<T> {
        T read(ZipFile zip) throws IOException;
    }

    /** Reads the bytes as a ZIP file (java.util.zip reads the central directory only from a file). */
    private static <T> T withZip(byte[] content, ZipReading<T> reading, T notAZip) {
        Path file = null;
        try {
            file = Files.createTempFile("molnkoll-upload", ".zip");
            Files.write(file, content);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return reading.read(zip);
            }
        } catch (IOException e) {
            return notAZip;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the operating system cleans up what is left
                }
            }
        }
    }

    /** Text as Windows and Office write it; no control characters but tab, line and page breaks; no markup. */
    private static Optional<DocumentType> plainText(byte[] content) {
        String text;
        String charset;
        if (startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF)) {
            text = decode(content, StandardCharsets.UTF_16);
            charset = "UTF-16";
        } else if ((text = decode(content, StandardCharsets.UTF_8)) != null) {
            charset = "UTF-8";
        } else {
            text = decode(content, Charset.forName("windows-1252"));
            charset = "windows-1252";
        }
        if (text == null) return Optional.empty();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) return Optional.empty();
        }
        if (MARKUP_IN_TEXT.matcher(text.replace("\ufeff", "")).find()) return Optional.empty();
        return Optional.of(new DocumentType("text/plain;charset=" + charset, TEXT_EXTENSIONS.toArray(String[]::new)));
    }

    /** The text, or null if the bytes are not valid in the charset (Windows-1252 leaves five bytes undefined). */
    private static String decode(byte[] content, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] utf16le(String name) {
        return name.getBytes(StandardCharsets.UTF_16LE);
    }

    private static List<byte[]> ascii(String... texts) {
        return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.US_ASCII)).toList();
    }

    private static long uint32(byte[] content, int at) {
        return (content[at] & 0xffL) | (content[at + 1] & 0xffL) << 8 | (content[at + 2] & 0xffL) << 16
                | (content[at + 3] & 0xffL) << 24;
    }

    /** The first index in [from, to) where the pattern starts, or -1. */
    private static int indexOf(byte[] content, byte[] pattern, int from, int to) {
        int last = Math.min(content.length - pattern.length, to - 1);
        for (int i = from; i <= last; i++) {
            if (content[i] == pattern[0] && startsWith(content, i, pattern)) return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] content, int at, byte[] pattern) {
        if (at + pattern.length > content.length) return false;
        for (int j = 0; j < pattern.length; j++) {
            if (content[at + j] != pattern[j]) return false;
        }
        return true;
    }

    private static boolean startsWithIgnoringCase(byte[] content, int at, byte[] lowerCase) {
        if (at + lowerCase.length > content.length) return false;
        for (int j = 0; j < lowerCase.length; j++) {
            byte b = content[at + j];
            if (b >= 'A' && b <= 'Z') b = (byte) (b + ('a' - 'A'));
            if (b != lowerCase[j]) return false;
        }
        return true;
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != (byte) prefix[i]) return false;
        }
        return true;
    }
}
