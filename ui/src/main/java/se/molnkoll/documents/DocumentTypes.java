package se.molnkoll.documents;

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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a document is, judged by its content, never by its name. Accepted: PDF, office documents
 * (Office Open XML, OpenDocument text/spreadsheet/presentation/drawing, the older binary Word, Excel
 * and PowerPoint formats, RTF), images (PNG, JPEG, GIF, TIFF, WebP) and plain text (UTF-8, UTF-16
 * with a byte-order mark, or Windows-1252). Anything else is refused, including markup (HTML, SVG,
 * XML), executables and archives that are not office documents, and other OLE2 files (installers).
 */
public final class DocumentTypes {

    /** A kind of document: its media type and the file-name extensions it may carry, the first the usual one. */
    public record DocumentType(String mediaType, List<String> extensions) {

        DocumentType(String mediaType, String... extensions) {
            this(mediaType, List.of(extensions));
        }

        /**
         * The name with an extension that says what the document is: kept if it already ends in one of
         * the type's extensions, else given the usual one ("run.bat" as text becomes "run.bat.txt").
         */
        public String safeFileName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean fitting = extensions.stream().anyMatch(extension -> lower.endsWith("." + extension));
            return fitting ? name : name + "." + extensions.get(0);
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

    private static final Pattern MARKUP = Pattern.compile(
            "(?is)^\\s*<[a-z!?/]|<\\s*(script|html|body|svg|iframe|object|embed)\\b|javascript:");

    private DocumentTypes() {
    }

    /** What the content is, if it is a kind of document Molnkoll accepts. */
    public static Optional<DocumentType> detect(byte[] content) {
        if (content.length == 0) return Optional.empty();
        // PDF readers accept a header anywhere in the first kilobyte
        if (indexOf(content, "%PDF-".getBytes(StandardCharsets.US_ASCII), 1024) >= 0) return Optional.of(PDF);
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of(PNG);
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) return Optional.of(JPEG);
        if (startsWith(content, "GIF87a") || startsWith(content, "GIF89a")) return Optional.of(GIF);
        if (startsWith(content, 'I', 'I', 0x2A, 0x00) || startsWith(content, 'M', 'M', 0x00, 0x2A)) return Optional.of(TIFF);
        if (startsWith(content, "RIFF") && content.length >= 12
                && new String(content, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (startsWith(content, "{\\rtf")) return Optional.of(RTF);
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return legacyOffice(content);
        if (startsWith(content, 'P', 'K', 0x03, 0x04)) return officeContainer(content);
        return plainText(content);
    }

    /**
     * An OLE2 compound file is a Word, Excel or PowerPoint document only if its directory names the
     * stream that format keeps its content in (names are stored in UTF-16LE).
     */
    private static Optional<DocumentType> legacyOffice(byte[] content) {
        if (indexOf(content, utf16le("WordDocument"), content.length) >= 0) return Optional.of(DOC);
        if (indexOf(content, utf16le("Workbook"), content.length) >= 0
                || indexOf(content, utf16le("Book\0"), content.length) >= 0) {
            return Optional.of(XLS);
        }
        if (indexOf(content, utf16le("PowerPoint Document"), content.length) >= 0) return Optional.of(PPT);
        return Optional.empty();
    }

    /**
     * A ZIP is accepted only as an Office Open XML or OpenDocument file. Its entries are listed from the
     * central directory, so nothing is decompressed but the tiny OpenDocument "mimetype" entry.
     */
    private static Optional<DocumentType> officeContainer(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("molnkoll-upload", ".zip");
            Files.write(file, content);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry mimetype = zip.getEntry("mimetype");
                if (mimetype != null && mimetype.getSize() <= 100) {
                    String declared;
                    try (InputStream in = zip.getInputStream(mimetype)) {
                        declared = new String(in.readNBytes(100), StandardCharsets.US_ASCII);
                    }
                    return OPEN_DOCUMENT.stream().filter(type -> type.mediaType().equals(declared)).findFirst();
                }
                Set<String> names = new HashSet<>();
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    names.add(entry.getName());
                    if (names.size() > 10_000) return Optional.empty();
                }
                if (!names.contains("[Content_Types].xml")) return Optional.empty();
                if (names.contains("word/document.xml")) return Optional.of(DOCX);
                if (names.contains("xl/workbook.xml")) return Optional.of(XLSX);
                if (names.contains("ppt/presentation.xml")) return Optional.of(PPTX);
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
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
        if (MARKUP.matcher(text.replace("\ufeff", "")).find()) return Optional.empty();
        return Optional.of(new DocumentType("text/plain;charset=" + charset, "txt", "text", "csv", "log"));
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

    private static int indexOf(byte[] content, byte[] pattern, int within) {
        int last = Math.min(content.length, within + pattern.length) - pattern.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] content, String prefix) {
        return startsWith(content, prefix.chars().toArray());
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) return false;
        byte[] expected = new byte[prefix.length];
        for (int i = 0; i < prefix.length; i++) expected[i] = (byte) prefix[i];
        return Arrays.equals(Arrays.copyOf(content, prefix.length), expected);
    }
}
