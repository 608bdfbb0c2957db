package se.molnkoll.jobs;

import java.nio.charset.StandardCharsets;

/** The documents of the demo portfolio. */
final class DemoDocuments {

    private DemoDocuments() {
    }

    /** A small, valid PDF that says what it stands for. */
    static byte[] pdf(String service) {
        String text = "Demo: avtal med säkerhetsbilaga för " + service;
        String ascii = text.replaceAll("[^\\x20-\\x7E]", "?").replace("(", "[").replace(")", "]");
        String content = "BT /F1 12 Tf 50 750 Td (" + ascii + ") Tj ET";
        String pdf = "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
                + "4 0 obj << /Length " + content.length() + " >> stream\n" + content + "\nendstream endobj\n"
                + "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }
}
