package se.molnkoll.reports;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * A report's Thymeleaf template (the pages' engine, messages and formats) made into a PDF by openhtmltopdf: tagged
 * for PDF/UA (structure, reading order, the document's title and language), every font embedded (Liberation Sans),
 * and nothing fetched from anywhere (only the images the template carries inline as data: URIs).
 */
@Component
public class PdfDocuments {

    static final String FONT_FAMILY = "Liberation Sans";
    private static final String PRODUCER = "Molnkoll (openhtmltopdf, Apache PDFBox)";

    private final ITemplateEngine templates;
    /**
     * Laying out a long report takes a few hundred MB of short-lived heap for a moment (docs/performance.md): at most
     * this many at once, the others wait their turn, so that a rush of reports cannot exhaust the heap.
     */
    private final Semaphore rendering;

    public PdfDocuments(ITemplateEngine templates, ReportProperties properties) {
        this.templates = templates;
        this.rendering = new Semaphore(properties.concurrentPdfs(), true);
    }

    /**
     * The template rendered with these variables in the locale's language, ready to be written as a PDF. Rendered at
     * once (in the request), so that a failure is an error answer, not a file cut short. The template gives the
     * document its title ({@code <title>}) and language ({@code <html lang>}).
     */
    public Rendered render(String template, Map<String, Object> variables, Locale locale) {
        return new Rendered(templates.process(template, new Context(locale, variables)), rendering);
    }

    /** A report's XHTML, written as a PDF when the answer streams (when its turn comes). */
    public record Rendered(String xhtml, Semaphore rendering) {

        public void writeTo(OutputStream out) throws IOException {
            rendering.acquireUninterruptibly();
            try {
                layOut(out);
            } finally {
                rendering.release();
            }
        }

        private void layOut(OutputStream out) throws IOException {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.withProducer(PRODUCER);
            font(builder, "Regular", 400, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, "Bold", 700, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, "Italic", 400, BaseRendererBuilder.FontStyle.ITALIC);
            font(builder, "BoldItalic", 700, BaseRendererBuilder.FontStyle.ITALIC);
            // a report holds what users typed: it must never make the renderer reach a file or a host
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        }
    }

    private static void font(PdfRendererBuilder builder, String face, int weight, BaseRendererBuilder.FontStyle style) {
        String resource = "/liberation/LiberationSans-" + face + ".ttf";
        builder.useFont(() -> {
            InputStream font = PdfDocuments.class.getResourceAsStream(resource);
            if (font == null) throw new UncheckedIOException(new IOException("The font " + resource + " is not on the class path"));
            return font;
        }, FONT_FAMILY, weight, style, true);
    }
}
