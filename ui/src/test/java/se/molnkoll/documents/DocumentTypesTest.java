package se.molnkoll.documents;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Accepted kinds of documents, judged by content; the name never decides. */
class DocumentTypesTest {

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
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

    @Test
    void pdf_and_images_are_recognised_by_their_first_bytes() {
        assertThat(DocumentTypes.detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII), "x")).hasValue("application/pdf");
        assertThat(DocumentTypes.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0), "x")).hasValue("image/png");
        assertThat(DocumentTypes.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0), "x")).hasValue("image/jpeg");
        assertThat(DocumentTypes.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII), "x")).hasValue("image/gif");
        assertThat(DocumentTypes.detect(bytes('I', 'I', 0x2A, 0x00, 1), "x")).hasValue("image/tiff");
        assertThat(DocumentTypes.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), "x")).hasValue("image/webp");
    }

    @Test
    void office_documents_are_recognised_by_what_their_container_holds() throws IOException {
        assertThat(DocumentTypes.detect(zip("[Content_Types].xml", "word/document.xml"), "a.docx"))
                .hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(DocumentTypes.detect(zip("[Content_Types].xml", "xl/workbook.xml"), "a"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(DocumentTypes.detect(zip("mimetype=application/vnd.oasis.opendocument.text", "content.xml"), "a.odt"))
                .hasValue("application/vnd.oasis.opendocument.text");
        assertThat(DocumentTypes.detect(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0), "budget.xls"))
                .hasValue("application/vnd.ms-excel");
        assertThat(DocumentTypes.detect("{\\rtf1\\ansi hej}".getBytes(StandardCharsets.US_ASCII), "a")).hasValue("application/rtf");
    }

    @Test
    void plain_utf8_text_is_accepted_but_markup_and_binary_are_not() {
        assertThat(DocumentTypes.detect("Avtal, bilaga 3\r\nÅtgärd 40: återlämning\n".getBytes(StandardCharsets.UTF_8), "a.txt"))
                .hasValue("text/plain");
        assertThat(DocumentTypes.detect("<!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8), "a.txt")).isEmpty();
        assertThat(DocumentTypes.detect("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "a.txt")).isEmpty();
        assertThat(DocumentTypes.detect("text\0with nul".getBytes(StandardCharsets.UTF_8), "a.txt")).isEmpty();
        assertThat(DocumentTypes.detect(bytes(0xC3, 0x28), "a.txt")).as("not UTF-8").isEmpty();
        assertThat(DocumentTypes.detect(new byte[0], "a.txt")).isEmpty();
    }

    @Test
    void the_name_decides_nothing() throws IOException {
        assertThat(DocumentTypes.detect("<html><script>x</script>".getBytes(StandardCharsets.UTF_8), "certifikat.pdf")).isEmpty();
        assertThat(DocumentTypes.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "rapport.txt")).hasValue("image/png");
        assertThat(DocumentTypes.detect(zip("evil.exe", "README"), "rapport.docx")).as("a zip that is no office file").isEmpty();
        assertThat(DocumentTypes.detect(bytes(0x4D, 0x5A, 0x90, 0x00), "intyg.pdf")).as("a Windows executable").isEmpty();
    }
}
