package se.molnkoll.documents;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accepted kinds of documents, judged by content; the name never decides what a document is, must not
 * contradict it, and always ends up saying what it is. Real files made by the libraries that write them,
 * and polyglots, are in {@link UploadCorpusTest}.
 */
class DocumentTypesTest {

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                String[] nameAndContent = entry.split("=", 2);
                zip.putNextEntry(new ZipEntry(nameAndContent[0]));
                zip.write((nameAndContent.length > 1 ? nameAndContent[1] : "x").getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** An OLE2 compound file header followed by a directory that names the given stream. */
    static byte[] ole2(String stream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1));
        out.writeBytes(new byte[504]);
        out.writeBytes(stream.getBytes(StandardCharsets.UTF_16LE));
        out.writeBytes(new byte[64]);
        return out.toByteArray();
    }

    static Optional<String> mediaType(byte[] content) {
        return DocumentTypes.detect(content).map(DocumentTypes.DocumentType::mediaType);
    }

    @Test
    void pdf_and_images_are_recognised_by_their_first_bytes() {
        assertThat(mediaType(ascii("%PDF-1.7\n..."))).hasValue("application/pdf");
        assertThat(mediaType(ascii("\r\n%PDF-1.4\n"))).as("a PDF must start as a PDF").isEmpty();
        assertThat(mediaType(ascii("<html>%PDF-1.4</html>"))).as("markup with a PDF header inside").isEmpty();
        assertThat(mediaType(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).hasValue("image/png");
        assertThat(mediaType(bytes(0xFF, 0xD8, 0xFF, 0xE0))).hasValue("image/jpeg");
        assertThat(mediaType(ascii("GIF89a...."))).hasValue("image/gif");
        assertThat(mediaType(bytes('I', 'I', 0x2A, 0x00, 1))).hasValue("image/tiff");
        assertThat(mediaType(ascii("RIFF\0\0\0\0WEBPVP8 "))).hasValue("image/webp");
    }

    @Test
    void office_documents_are_recognised_by_what_their_container_holds() throws IOException {
        assertThat(mediaType(zip("[Content_Types].xml", "word/document.xml")))
                .hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(mediaType(zip("[Content_Types].xml", "xl/workbook.xml")))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(mediaType(zip("[Content_Types].xml", "ppt/presentation.xml")))
                .hasValue("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        assertThat(mediaType(zip("mimetype=application/vnd.oasis.opendocument.text", "content.xml")))
                .hasValue("application/vnd.oasis.opendocument.text");
        assertThat(mediaType(ole2("WordDocument"))).hasValue("application/msword");
        assertThat(mediaType(ole2("Workbook"))).hasValue("application/vnd.ms-excel");
        assertThat(mediaType(ole2("PowerPoint Document"))).hasValue("application/vnd.ms-powerpoint");
        assertThat(mediaType(ascii("{\\rtf1\\ansi hej}"))).hasValue("application/rtf");
    }

    @Test
    void containers_that_only_pretend_to_be_office_documents_are_refused() throws IOException {
        assertThat(mediaType(zip("[Content_Types].xml", "word/x", "META-INF/MANIFEST.MF", "Evil.class")))
                .as("a JAR with an Office marker").isEmpty();
        assertThat(mediaType(zip("evil.exe", "README"))).as("a plain zip").isEmpty();
        assertThat(mediaType(zip("mimetype=application/vnd.oasis.opendocument.x\r\nX-Injected: yes", "content.xml")))
                .as("an OpenDocument type that is not one").isEmpty();
        assertThat(mediaType(zip("mimetype=application/vnd.oasis.opendocument.text; charset=utf-7", "content.xml"))).isEmpty();
        assertThat(mediaType(ole2("\u0005SummaryInformation"))).as("an OLE2 file such as an installer").isEmpty();
        assertThat(mediaType(bytes(0x4D, 0x5A, 0x90, 0x00))).as("a Windows executable").isEmpty();
    }

    @Test
    void plain_text_in_the_encodings_windows_and_office_write_is_accepted() {
        assertThat(mediaType("Avtal, bilaga 3\r\nÅtgärd 40: återlämning\n".getBytes(StandardCharsets.UTF_8)))
                .hasValue("text/plain;charset=UTF-8");
        assertThat(mediaType("Åtgärd 40\r\n".getBytes(Charset.forName("windows-1252"))))
                .hasValue("text/plain;charset=windows-1252");
        byte[] utf16 = "\ufeffÅtgärd 40\r\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(mediaType(utf16)).hasValue("text/plain;charset=UTF-16");
    }

    @Test
    void markup_and_binary_are_not_plain_text() {
        assertThat(mediaType("<!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(mediaType("<b>hej</b> och <img src=x>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(mediaType("Se bilagan <script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(mediaType("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(mediaType("<?xml version=\"1.0\"?><a/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(mediaType("text\0with nul".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(mediaType(new byte[0])).isEmpty();
    }

    @Test
    void the_stored_name_always_ends_in_an_extension_that_says_what_the_content_is() throws IOException {
        byte[] pdf = ascii("%PDF-1.4\n%%EOF");
        assertThat(DocumentTypes.judge(pdf, "Avtal.PDF", null).fileName()).isEqualTo("Avtal.PDF");
        assertThat(DocumentTypes.judge(pdf, "ISO 27001 intyg v1.2", null).fileName())
                .as("an extension no type has is part of the name").isEqualTo("ISO 27001 intyg v1.2.pdf");
        assertThat(DocumentTypes.judge(pdf, "intyg", null).fileName()).isEqualTo("intyg.pdf");
        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        assertThat(DocumentTypes.judge(docx, "Avtal.DOCX", null).fileName()).isEqualTo("Avtal.DOCX");
        assertThat(DocumentTypes.judge(bytes(0xFF, 0xD8, 0xFF), "foto.jpeg", null).fileName()).isEqualTo("foto.jpeg");
        assertThat(DocumentTypes.judge(ascii("a;b\r\n1;2\r\n"), "export.csv", null).fileName()).isEqualTo("export.csv");
    }

    @Test
    void a_name_or_a_declared_type_that_says_something_else_than_the_content_is_refused() throws IOException {
        assertThat(refusal(ascii("@echo off\r\nformat c:\r\n"), "run.bat", null))
                .as("a batch script is no text document").isEqualTo(DocumentTypes.Refusal.UNSUPPORTED);
        assertThat(refusal(ascii("Intyg för åtgärd 27"), "run.bat", null)).isEqualTo(DocumentTypes.Refusal.NAME_DISAGREES);
        assertThat(refusal(zip("[Content_Types].xml", "word/document.xml"), "evil.jar", null))
                .isEqualTo(DocumentTypes.Refusal.NAME_DISAGREES);
        assertThat(refusal(ascii("%PDF-1.4"), "rapport.txt", null)).isEqualTo(DocumentTypes.Refusal.NAME_DISAGREES);
        assertThat(refusal(ascii("%PDF-1.4"), "rapport.pdf", "text/html")).isEqualTo(DocumentTypes.Refusal.DECLARED_TYPE_DISAGREES);
        assertThat(refusal(ascii("%PDF-1.4"), "rapport.pdf", "image/png")).isEqualTo(DocumentTypes.Refusal.DECLARED_TYPE_DISAGREES);
        // what clients really declare
        assertThat(DocumentTypes.judge(ascii("%PDF-1.4"), "rapport.pdf", "application/pdf").type().mediaType())
                .isEqualTo("application/pdf");
        assertThat(DocumentTypes.judge(ascii("%PDF-1.4"), "rapport.pdf", "application/octet-stream")).isNotNull();
        assertThat(DocumentTypes.judge(bytes(0xFF, 0xD8, 0xFF), "foto.jpg", "image/jpg")).as("a common alias").isNotNull();
        assertThat(DocumentTypes.judge(ascii("a;b\r\n"), "export.csv", "text/csv")).isNotNull();
        assertThat(DocumentTypes.judge(ascii("a;b\r\n"), "export.csv", "application/vnd.ms-excel"))
                .as("what Windows with Excel declares for every .csv").isNotNull();
        assertThat(refusal(ascii("a;b\r\n"), "export.txt", "application/vnd.ms-excel"))
                .isEqualTo(DocumentTypes.Refusal.DECLARED_TYPE_DISAGREES);
    }

    static DocumentTypes.Refusal refusal(byte[] content, String name, String declaredType) {
        try {
            DocumentTypes.judge(content, name, declaredType);
            return null;
        } catch (DocumentTypes.RefusedException refused) {
            return refused.refusal();
        }
    }
}
