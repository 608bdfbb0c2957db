package se.molnkoll.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static se.molnkoll.documents.DocumentTypes.DOC;
import static se.molnkoll.documents.DocumentTypes.DOCX;
import static se.molnkoll.documents.DocumentTypes.OPEN_DOCUMENT;
import static se.molnkoll.documents.DocumentTypes.PPT;
import static se.molnkoll.documents.DocumentTypes.PPTX;
import static se.molnkoll.documents.DocumentTypes.XLS;
import static se.molnkoll.documents.DocumentTypes.XLSX;

/**
 * What an accepted kind of document may hide: markup a browser would run, a Windows executable, an
 * archive, macros. Such a document is two things at once (a polyglot) and is refused, whatever it also is.
 */
final class Polyglots {

    /** Markup a browser or a viewer would act on, looked for in a binary document's bytes (lower-cased ASCII). */
    private static final List<byte[]> MARKUP_IN_BINARY = Bytes.ascii("<script", "<html", "<svg", "<iframe", "<object",
            "<embed", "<body", "<!doctype html", "<?xml-stylesheet");
    private static final byte[] WINDOWS_EXECUTABLE = "This program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RAR = {'R', 'a', 'r', '!', 0x1A, 0x07};
    private static final byte[] SEVEN_ZIP = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
    private static final byte[] ZIP_END = {'P', 'K', 0x05, 0x06};

    private Polyglots() {
    }

    /** Refuses an accepted kind that is also something else (a polyglot), or an office document with macros. */
    static void refuseIfAlsoSomethingElse(byte[] content, DocumentTypes.DocumentType type) {
        String is = type.label();
        if (Bytes.indexOf(content, WINDOWS_EXECUTABLE, 0, content.length) >= 0) {
            throw new DocumentTypes.RefusedException(DocumentTypes.Refusal.ALSO_EXECUTABLE, "It is " + is + " but also holds a Windows executable", is);
        }
        boolean zipBased = type == DOCX || type == XLSX || type == PPTX || OPEN_DOCUMENT.contains(type);
        if ((!zipBased && endsAsZip(content)) || Bytes.indexOf(content, RAR, 0, content.length) >= 0
                || Bytes.indexOf(content, SEVEN_ZIP, 0, content.length) >= 0) {
            throw new DocumentTypes.RefusedException(DocumentTypes.Refusal.ALSO_ARCHIVE, "It is " + is + " but is also an archive (ZIP, RAR or 7z)", is);
        }
        // plain text was read as text and refused for markup already; a ZIP's bytes are compressed parts, and
        // an OpenDocument keeps its pictures (SVG too) stored as they are: no browser sniffs past "PK"
        if (!type.baseType().equals("text/plain") && !zipBased && holdsMarkup(content)) {
            throw new DocumentTypes.RefusedException(DocumentTypes.Refusal.ALSO_MARKUP, "It is " + is + " but also holds markup a browser would run "
                    + "(HTML, SVG or script)", is);
        }
        if (hasMacros(content, type)) {
            throw new DocumentTypes.RefusedException(DocumentTypes.Refusal.MACROS, "It is " + is + " with macros; save it without them", is);
        }
    }

    /**
     * A ZIP's end-of-central-directory record at the end, consistent with the length (ZIP readers look
     * for it there): a document with an archive appended is an archive too.
     */
    private static boolean endsAsZip(byte[] content) {
        int earliest = Math.max(0, content.length - 22 - 0xFFFF);
        for (int at = content.length - 22; at >= earliest; at--) {
            if (content[at] == 'P' && Bytes.startsWith(content, at, ZIP_END)) {
                int commentLength = (content[at + 20] & 0xff) | (content[at + 21] & 0xff) << 8;
                long directorySize = Bytes.uint32(content, at + 12);
                long directoryOffset = Bytes.uint32(content, at + 16);
                if (at + 22 + commentLength == content.length && directoryOffset + directorySize <= at) return true;
            }
        }
        return false;
    }

    private static boolean holdsMarkup(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] != '<') continue;
            for (byte[] tag : MARKUP_IN_BINARY) {
                if (Bytes.startsWithIgnoringCase(content, i, tag)) return true;
            }
        }
        return false;
    }

    /**
     * Macros of Word, Excel and PowerPoint: the VBA project, a storage of the OLE2 file or a part of the
     * Office Open XML package. (Macros of OpenDocument files are not looked for.)
     */
    private static boolean hasMacros(byte[] content, DocumentTypes.DocumentType type) {
        if (type == DOC || type == XLS || type == PPT) {
            return Bytes.indexOf(content, Bytes.utf16le("_VBA_PROJECT"), 0, content.length) >= 0;
        }
        if (type == DOCX || type == XLSX || type == PPTX) {
            return OfficeContainers.entryNames(content).stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"));
        }
        return false;
    }
}
