package se.molnkoll.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static se.molnkoll.documents.DocumentTypes.DOC;
import static se.molnkoll.documents.DocumentTypes.DOCX;
import static se.molnkoll.documents.DocumentTypes.OPEN_DOCUMENT;
import static se.molnkoll.documents.DocumentTypes.PPT;
import static se.molnkoll.documents.DocumentTypes.PPTX;
import static se.molnkoll.documents.DocumentTypes.XLS;
import static se.molnkoll.documents.DocumentTypes.XLSX;

/**
 * Office documents are containers (an OLE2 compound file, a ZIP): what they are depends on what
 * their directory holds, which Tika's core detector does not read. A container holding anything else
 * (an installer, a plain archive) is none of them.
 */
final class OfficeContainers {

    private OfficeContainers() {
    }

    /**
     * An OLE2 compound file is a Word, Excel or PowerPoint document only if its directory names the
     * stream that format keeps its content in (names are stored in UTF-16LE).
     */
    static Optional<DocumentTypes.DocumentType> legacyOffice(byte[] content) {
        if (Bytes.indexOf(content, Bytes.utf16le("WordDocument"), 0, content.length) >= 0) return Optional.of(DOC);
        if (Bytes.indexOf(content, Bytes.utf16le("Workbook"), 0, content.length) >= 0
                || Bytes.indexOf(content, Bytes.utf16le("Book\0"), 0, content.length) >= 0) {
            return Optional.of(XLS);
        }
        if (Bytes.indexOf(content, Bytes.utf16le("PowerPoint Document"), 0, content.length) >= 0) return Optional.of(PPT);
        return Optional.empty();
    }

    /**
     * A ZIP is accepted only as an Office Open XML or OpenDocument file. Its entries are listed from the
     * central directory, so nothing is decompressed but the tiny OpenDocument "mimetype" entry.
     */
    static Optional<DocumentTypes.DocumentType> officeContainer(byte[] content) {
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
    static Set<String> entryNames(byte[] content) {
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
}
