package se.molnkoll.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a document is, judged by its content (its first bytes and, for office formats, what the
 * container holds), never by its name alone. Accepted: PDF, office documents (Office Open XML,
 * OpenDocument, the older binary Office formats, RTF), images (PNG, JPEG, GIF, TIFF, WebP) and plain
 * UTF-8 text. Anything else, including HTML, SVG and archives that are not office documents, is not.
 */
public final class DocumentTypes {

    private DocumentTypes() {
    }

    /** The media type of an accepted document, or empty. */
    public static Optional<String> detect(byte[] content, String fileName) {
        if (content.length == 0) return Optional.empty();
        if (startsWith(content, "%PDF-")) return Optional.of("application/pdf");
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of("image/png");
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) return Optional.of("image/jpeg");
        if (startsWith(content, "GIF87a") || startsWith(content, "GIF89a")) return Optional.of("image/gif");
        if (startsWith(content, 'I', 'I', 0x2A, 0x00) || startsWith(content, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of("image/tiff");
        }
        if (startsWith(content, "RIFF") && content.length >= 12
                && new String(content, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of("image/webp");
        }
        if (startsWith(content, "{\\rtf")) return Optional.of("application/rtf");
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return Optional.of(legacyOffice(fileName));
        if (startsWith(content, 'P', 'K', 0x03, 0x04)) return officeContainer(content);
        if (isPlainText(content)) return Optional.of("text/plain");
        return Optional.empty();
    }

    /** An OLE2 compound file: the older Word, Excel and PowerPoint formats. Which one only the name says. */
    private static String legacyOffice(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls")) return "application/vnd.ms-excel";
        if (name.endsWith(".ppt")) return "application/vnd.ms-powerpoint";
        return "application/msword";
    }

    /** A ZIP is accepted only as an Office Open XML or OpenDocument file. */
    private static Optional<String> officeContainer(byte[] content) {
        Set<String> entries = new HashSet<>();
        String openDocument = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null && entries.size() < 10_000) {
                entries.add(entry.getName());
                if (entry.getName().equals("mimetype") && openDocument == null) {
                    openDocument = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (openDocument != null && openDocument.startsWith("application/vnd.oasis.opendocument.")) {
            return Optional.of(openDocument);
        }
        if (entries.contains("[Content_Types].xml")) {
            if (entries.stream().anyMatch(n -> n.startsWith("word/"))) {
                return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }
            if (entries.stream().anyMatch(n -> n.startsWith("xl/"))) {
                return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            if (entries.stream().anyMatch(n -> n.startsWith("ppt/"))) {
                return Optional.of("application/vnd.openxmlformats-officedocument.presentationml.presentation");
            }
        }
        return Optional.empty();
    }

    /** UTF-8 (a byte-order mark allowed), no NUL or other control characters but tab and line breaks, not markup. */
    private static boolean isPlainText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) {
                return false;
            }
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT).replace("\ufeff", "");
        return !(start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<?xml")
                || start.startsWith("<svg") || start.contains("<script"));
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
