package se.molnkoll.documents;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import javax.imageio.ImageIO;
import javax.swing.text.DefaultStyledDocument;
import javax.swing.text.rtf.RTFEditorKit;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Documents for the upload tests: real files of every accepted kind, each written by a library that
 * writes that kind (PDFBox, Apache POI, the JDK's image writers and RTF kit), and polyglots, files that
 * are one thing and another at once, as an attacker makes them.
 */
final class UploadCorpus {

    private UploadCorpus() {
    }

    /** A file to upload: its name and the type a browser would declare for it. */
    record Upload(String name, String declaredType, byte[] content) {
        @Override
        public String toString() {
            return name + " (" + declaredType + ", " + content.length + " bytes)";
        }
    }

    /** Every accepted kind, as the library that writes it writes it; each must be accepted. */
    static Map<String, Upload> realFiles() {
        Map<String, Upload> files = new LinkedHashMap<>();
        files.put("PDF (PDFBox)", new Upload("ISO 27001-certifikat.pdf", "application/pdf", pdf()));
        files.put("Word (POI, Office Open XML)", new Upload("Avtal bilaga 3.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx()));
        files.put("Excel (POI, Office Open XML)", new Upload("Riskanalys.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook(new XSSFWorkbook())));
        files.put("PowerPoint (POI, Office Open XML)", new Upload("Genomgång.pptx",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation", pptx()));
        files.put("Excel 97 (POI HSSF)", new Upload("Förteckning.xls", "application/vnd.ms-excel", workbook(new HSSFWorkbook())));
        files.put("PowerPoint 97 (POI HSLF)", new Upload("Presentation.ppt", "application/vnd.ms-powerpoint", ppt()));
        files.put("Word 97 container (POI POIFS)", new Upload("Gammalt avtal.doc", "application/msword", ole2WordDocument()));
        files.put("OpenDocument text", new Upload("Rutin.odt", "application/vnd.oasis.opendocument.text", odt()));
        files.put("RTF (JDK RTFEditorKit)", new Upload("Anteckning.rtf", "application/rtf", rtf()));
        files.put("PNG (ImageIO)", new Upload("Skärmbild.png", "image/png", image("png")));
        files.put("JPEG (ImageIO)", new Upload("Foto.jpg", "image/jpeg", image("jpeg")));
        files.put("GIF (ImageIO)", new Upload("Diagram.gif", "image/gif", image("gif")));
        files.put("TIFF (ImageIO)", new Upload("Skanning.tiff", "image/tiff", image("tiff")));
        files.put("WebP (format specification)", new Upload("Bild.webp", "image/webp", webp()));
        files.put("text, UTF-8", new Upload("Intyg.txt", "text/plain",
                "Intyg för åtgärd 27\r\nGiltigt till 2027-12-31\r\n".getBytes(StandardCharsets.UTF_8)));
        files.put("text, UTF-16", new Upload("Intyg16.txt", "text/plain",
                "\ufeffIntyg för åtgärd 27\r\n".getBytes(StandardCharsets.UTF_16LE)));
        files.put("text, Windows-1252", new Upload("Intyg1252.txt", "text/plain",
                "Intyg för åtgärd 27\r\n".getBytes(Charset.forName("windows-1252"))));
        files.put("CSV, as Excel on Windows declares it", new Upload("Export.csv", "application/vnd.ms-excel",
                "Tjänst;Åtgärd;Status\r\nLönesystem;27;Täckt\r\n".getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    /** Files that are an accepted kind and something else at once, or pretend to be one; each must be refused. */
    static Map<String, Upload> polyglots() {
        Map<String, Upload> files = new LinkedHashMap<>();
        byte[] pdf = pdf();
        files.put("Windows executable with %PDF- in its first kilobyte", new Upload("intyg.pdf", "application/pdf",
                concat(windowsExecutableStart(), ascii("%PDF-1.4\n"))));
        files.put("ZIP with %PDF- in its first kilobyte", new Upload("intyg.pdf", "application/pdf",
                zip(Map.of("%PDF-1.4 intyg.txt", ascii("x"), "run.exe", windowsExecutableStart()))));
        files.put("HTML with %PDF- in its first kilobyte", new Upload("intyg.pdf", "application/pdf",
                ascii("<html><body>%PDF-1.4<script>alert(document.cookie)</script></body></html>")));
        files.put("SVG with script and %PDF-", new Upload("intyg.pdf", "application/pdf",
                ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- %PDF-1.4 --><script>alert(1)</script></svg>")));
        files.put("PDF with bytes before its header", new Upload("intyg.pdf", "application/pdf", concat(ascii("\r\n"), pdf)));
        files.put("PDF with a ZIP appended", new Upload("intyg.pdf", "application/pdf",
                concat(pdf, zip(Map.of("payload.exe", windowsExecutableStart())))));
        files.put("PDF with a Windows executable appended", new Upload("intyg.pdf", "application/pdf",
                concat(pdf, windowsExecutableStart())));
        files.put("PDF with a RAR archive appended", new Upload("intyg.pdf", "application/pdf",
                concat(pdf, new byte[]{'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00}, new byte[64])));
        files.put("PNG with a script in a text chunk", new Upload("bild.png", "image/png",
                pngWithText(image("png"), "<script>alert(1)</script>")));
        files.put("GIF with a ZIP appended (GIFAR)", new Upload("bild.gif", "image/gif",
                concat(image("gif"), zip(Map.of("Evil.class", new byte[]{(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE})))));
        files.put("JPEG with HTML in a comment", new Upload("foto.jpg", "image/jpeg",
                jpegWithComment(image("jpeg"), "<html><body onload=alert(1)>")));
        files.put("Word document with macros", new Upload("avtal.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                withEntry(docx(), "word/vbaProject.bin", new byte[]{1, 2, 3})));
        files.put("real PDF named as an executable", new Upload("intyg.exe", "application/pdf", pdf));
        files.put("real PDF declared as HTML", new Upload("intyg.pdf", "text/html", pdf));
        files.put("text named as a batch file", new Upload("run.bat", "text/plain", ascii("Intyg\r\n")));
        return files;
    }

    static byte[] pdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 720);
                text.showText("Certificate ISO/IEC 27001:2022");
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Avtal, bilaga 3: informationssäkerhet");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] workbook(Workbook workbook) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Risker").createRow(0).createCell(0).setCellValue("Åtgärd 18: kapacitet");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pptx() {
        try (XMLSlideShow slides = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            slides.createSlide();
            slides.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ppt() {
        try (HSLFSlideShow slides = new HSLFSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            slides.createSlide();
            slides.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An OLE2 compound file holding a "WordDocument" stream, written by POI's POIFS: Apache POI cannot
     * write a Word 97 document from nothing, but this is the container and the stream Molnkoll looks for.
     */
    private static byte[] ole2WordDocument() {
        try (POIFSFileSystem container = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            container.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
            container.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OpenDocument text laid out as its specification says (no library here writes one). */
    private static byte[] odt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = ascii("application/vnd.oasis.opendocument.text");
            ZipEntry first = new ZipEntry("mimetype"); // first and stored, so that the type can be read at byte 38
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
                    + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                    + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                    + "<office:body><office:text><text:p>Rutin för molntjänster</text:p></office:text></office:body>"
                    + "</office:document-content>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] rtf() {
        try {
            DefaultStyledDocument document = new DefaultStyledDocument();
            document.insertString(0, "Anteckning om åtgärd 40", null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new RTFEditorKit().write(out, document, 0, document.getLength());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (javax.swing.text.BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] image(String format) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) image.setRGB(x, y, (x + y) % 2 == 0 ? Color.BLUE.getRGB() : Color.WHITE.getRGB());
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("No image writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 1×1 lossless WebP laid out as the WebP container specification says: RIFF header, "WEBP", one
     * VP8L chunk (the JDK has no WebP writer).
     */
    private static byte[] webp() {
        int[] bytes = {'R', 'I', 'F', 'F', 0x1A, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0x0D, 0, 0, 0,
                0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0};
        byte[] webp = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) webp[i] = (byte) bytes[i];
        return webp;
    }

    /** The start of a Windows executable: the MZ header and the DOS stub's message. */
    private static byte[] windowsExecutableStart() {
        byte[] start = new byte[128];
        start[0] = 'M';
        start[1] = 'Z';
        start[0x3C] = 0x40;
        byte[] stub = ascii("This program cannot be run in DOS mode.\r\r\n$");
        System.arraycopy(stub, 0, start, 0x4E, Math.min(stub.length, start.length - 0x4E));
        return start;
    }

    /** A PNG with a tEXt chunk right after its header chunk (IHDR is 8 + 25 bytes into the file). */
    private static byte[] pngWithText(byte[] png, String text) {
        byte[] data = concat(ascii("Comment\0"), text.getBytes(StandardCharsets.ISO_8859_1));
        byte[] typeAndData = concat(ascii("tEXt"), data);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        byte[] chunk = concat(int32(data.length), typeAndData, int32((int) crc.getValue()));
        int afterHeader = 8 + 25;
        return concat(java.util.Arrays.copyOfRange(png, 0, afterHeader), chunk,
                java.util.Arrays.copyOfRange(png, afterHeader, png.length));
    }

    /** A JPEG with a comment segment (COM) right after its start marker. */
    private static byte[] jpegWithComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.ISO_8859_1);
        int length = text.length + 2;
        byte[] segment = concat(new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) (length >> 8), (byte) length}, text);
        return concat(java.util.Arrays.copyOfRange(jpeg, 0, 2), segment, java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** The ZIP with one entry more. */
    private static byte[] withEntry(byte[] zip, String name, byte[] content) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.put(name, content);
        return zip(entries);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] int32(int value) {
        return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
