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

    public PdfDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * The template rendered with these variables in the locale's language, ready to be written as a PDF. Rendered at
     * once (in the request), so that a failure is an error answer, not a file cut short. The template gives the
     * document its title ({@code <title>}) and language ({@code <html lang>}).
     */
    public Rendered render(String template, Map<String, Object> variables, Locale locale) {
        return new Rendered(templates.process(template, new Context(locale, variables)));
    }

    /** A report's XHTML, written as a PDF when the answer streams. */
    public record Rendered(String xhtml) {

        public void writeTo(OutputStream out) throws IOException {
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
