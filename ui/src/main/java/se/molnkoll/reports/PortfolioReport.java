package se.molnkoll.reports;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.config.CertificateProperties;
import se.molnkoll.config.Formats;
import se.molnkoll.exports.Spreadsheets;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.FindCertificates;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.Moment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The portfolio report for management, of every organisation unit or one, as of a moment: the figures the dashboard
 * shows (services per phase, open measures of each phase's work, expired and expiring certificates, services not yet
 * classified), each unit's (for the whole portfolio), the trend over the 12 months before from month-end figures (each
 * as recorded by the end of that day, statuses judged for it), and the certificates and unclassified services behind
 * the figures. As a PDF (with a chart of the trend) or an XLSX workbook with the same figures.
 */
@Component
public class PortfolioReport {

    public enum Format {
        PDF("pdf"), XLSX("xlsx");

        private final String parameter;

        Format(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        public static Format of(String name) {
            if (name == null || name.isBlank()) return PDF;
            for (Format format : values()) {
                if (format.parameter.equalsIgnoreCase(name.strip())) return format;
            }
            return null;
        }

        public static List<String> parameters() {
            return Arrays.stream(values()).map(Format::parameter).toList();
        }
    }

    /** How many month ends the trend goes back. */
    static final int TREND_MONTHS = 12;
    /**
     * The PDF lists at most this many of the certificates and of the unclassified services, and says how many there are;
     * the XLSX lists them all. Laid out at once, the 6,667 certificates of the benchmark's full size (10,001 services)
     * took about 360 MB of heap for a moment, more than the heap the README suggests has room for beside its caches.
     */
    static final int MOST_LISTED = 500;

    /** One point of the trend: the figures as they stood at a month's end (the last point: the report's own day). */
    public record TrendPoint(LocalDate day, PortfolioFigures figures) {
    }

    /** Everything the report shows, read before the answer starts. */
    public record Content(String unit, PortfolioFigures figures, Map<String, PortfolioFigures> perUnit,
                          List<TrendPoint> trend, List<CertificateView> certificates,
                          List<CloudServiceSummary> unclassified) {
    }

    private final QueryGateway queries;
    private final Reports reports;
    private final PdfDocuments pdfs;
    private final MessageSource messages;
    private final Formats formats;
    private final Clock clock;
    private final int warningDays;

    public PortfolioReport(QueryGateway queries, Reports reports, PdfDocuments pdfs, MessageSource messages, Formats formats,
                           Clock clock, CertificateProperties certificates) {
        this.queries = queries;
        this.reports = reports;
        this.pdfs = pdfs;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
        this.warningDays = certificates.warningDays();
    }

    /** The organisation units the register knows now: those a report can be asked for. */
    public List<String> units(Locale locale) {
        return register(Moment.NOW).stream().map(CloudServiceSummary::organisationUnit).distinct()
                .sorted(Collator.getInstance(locale)).toList();
    }

    /** The report of one unit (null: the whole portfolio) as of the moment, in the format, streamed. */
    public ResponseEntity<StreamingResponseBody> respond(Format format, String unit, Moment moment, Locale locale, String who) {
        Content content = content(unit, moment, locale);
        ReportStamp stamp = reports.stamp(who, moment);
        String base = "molnkoll-portfoljrapport" + (unit == null ? "" : "-" + Reports.slug(unit, "enhet"));
        String subject = unit == null ? "the whole portfolio" : "organisation unit " + unit;
        return switch (format) {
            case PDF -> reports.respond(stamp, "portfolio report (PDF)", subject, Reports.PDF, base, "pdf",
                    pdfs.render("reports/portfolio", variables(content, stamp, locale), locale)::writeTo);
            case XLSX -> reports.respond(stamp, "portfolio report (XLSX)", subject,
                    org.springframework.http.MediaType.parseMediaType(Spreadsheets.XLSX_MEDIA_TYPE), base, "xlsx",
                    out -> xlsx(content, stamp, locale, out));
        };
    }

    /** The report's figures: at the moment, per unit, and at each of the last 12 month ends. */
    public Content content(String unit, Moment moment, Locale locale) {
        LocalDate day = moment.day(clock);
        List<CloudServiceSummary> register = register(moment);
        List<CertificateView> certificates = certificates(moment);
        PortfolioFigures figures = PortfolioFigures.of(moment.knownAt(), day, unit, register, certificates);
        Map<String, PortfolioFigures> perUnit = new LinkedHashMap<>();
        if (unit == null) {
            register.stream().filter(s -> !s.decommissioned()).map(CloudServiceSummary::organisationUnit).distinct()
                    .sorted(Collator.getInstance(locale))
                    .forEach(u -> perUnit.put(u, PortfolioFigures.of(moment.knownAt(), day, u, register, certificates)));
        }
        List<TrendPoint> trend = new ArrayList<>();
        YearMonth month = YearMonth.from(day);
        Instant latest = moment.knownAtOr(clock.instant());
        for (int back = TREND_MONTHS; back >= 1; back--) {
            LocalDate end = month.minusMonths(back).atEndOfMonth();
            Instant knownBy = BusinessDates.endOf(end);
            Moment then = new Moment(knownBy.isAfter(latest) ? latest : knownBy, end);
            trend.add(new TrendPoint(end, PortfolioFigures.of(then.knownAt(), end, unit, register(then), certificates(then))));
        }
        trend.add(new TrendPoint(day, figures));
        List<CertificateView> listed = certificates.stream().filter(c -> unit == null || c.organisationUnit().equals(unit)).toList();
        List<CloudServiceSummary> unclassified = register.stream()
                .filter(s -> !s.decommissioned() && !s.classified() && (unit == null || s.organisationUnit().equals(unit)))
                .sorted((a, b) -> Collator.getInstance(locale).compare(a.name(), b.name())).toList();
        return new Content(unit, figures, perUnit, trend, listed, unclassified);
    }

    private List<CloudServiceSummary> register(Moment moment) {
        return queries.query(new FindCloudServices(moment), ResponseTypes.multipleInstancesOf(CloudServiceSummary.class)).join();
    }

    private List<CertificateView> certificates(Moment moment) {
        return queries.query(new FindCertificates(null, warningDays, moment),
                ResponseTypes.multipleInstancesOf(CertificateView.class)).join();
    }

    private Map<String, Object> variables(Content content, ReportStamp stamp, Locale locale) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("stamp", stamp);
        variables.put("content", content);
        variables.put("lang", locale.getLanguage());
        variables.put("phases", Phase.values());
        variables.put("warningDays", warningDays);
        variables.put("formats", formats);
        variables.put("chart", "data:image/png;base64," + Base64.getEncoder().encodeToString(chart(content.trend(), locale)));
        variables.put("listedCertificates", content.certificates().stream().limit(MOST_LISTED).toList());
        variables.put("listedUnclassified", content.unclassified().stream().limit(MOST_LISTED).toList());
        return variables;
    }

    /** The trend as a line chart: open measures, expired certificates and unclassified services per month end. */
    byte[] chart(List<TrendPoint> trend, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String open = text("report.portfolio.openMeasures", locale);
        String expired = text("report.portfolio.expired", locale);
        String expiring = text("report.portfolio.expiring", locale);
        String unclassified = text("report.portfolio.unclassified", locale);
        for (TrendPoint point : trend) {
            String label = point.day().toString().substring(0, 7);
            data.addValue(point.figures().openMeasures(), open, label);
            data.addValue(point.figures().expiredCertificates(), expired, label);
            data.addValue(point.figures().expiringCertificates(), expiring, label);
            data.addValue(point.figures().unclassifiedServices(), unclassified, label);
        }
        StandardChartTheme theme = new StandardChartTheme("molnkoll");
        Font font = Fonts.REGULAR;
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 22f));
        theme.setLargeFont(font.deriveFont(18f));
        theme.setRegularFont(font.deriveFont(16f));
        theme.setSmallFont(font.deriveFont(14f));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xBBBBBB));
        JFreeChart chart = org.jfree.chart.ChartFactory.createLineChart(null, null, null, data,
                PlotOrientation.VERTICAL, true, false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        Color[] colours = {new Color(0x1F4E79), new Color(0xB00020), new Color(0xC77C02), new Color(0x4B6E2E)};
        for (int series = 0; series < colours.length; series++) {
            renderer.setSeriesPaint(series, colours[series]);
            renderer.setSeriesStroke(series, new BasicStroke(3f));
            renderer.setSeriesShapesVisible(series, true);
        }
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(1600, 640));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void xlsx(Content content, ReportStamp stamp, Locale locale, OutputStream out) throws IOException {
        List<String> figureColumns = List.of(text("report.portfolio.services", locale),
                text("report.portfolio.inPhase", locale, text("phase.ACQUIRE", locale)),
                text("report.portfolio.inPhase", locale, text("phase.OPERATE", locale)),
                text("report.portfolio.inPhase", locale, text("phase.EXIT", locale)),
                text("report.portfolio.openInPhase", locale, text("phase.ACQUIRE", locale)),
                text("report.portfolio.openInPhase", locale, text("phase.OPERATE", locale)),
                text("report.portfolio.openInPhase", locale, text("phase.EXIT", locale)),
                text("report.portfolio.expired", locale), text("report.portfolio.expiring", locale),
                text("report.portfolio.unclassified", locale));
        try (Spreadsheets.Workbook book = Spreadsheets.workbook(text("report.portfolio.sheet.summary", locale),
                List.of(text("report.portfolio.figure", locale), text("report.portfolio.value", locale)), new int[]{48, 70})) {
            book.row(Arrays.asList(text("report.portfolio.unit", locale),
                    content.unit() == null ? text("report.portfolio.wholePortfolio", locale) : content.unit()));
            book.row(Arrays.asList(text("report.statusDate", locale), content.figures().day()));
            book.row(Arrays.asList(text("report.asOf", locale), stamp.asOf() == null ? text("report.now", locale)
                    : LocalDateTime.ofInstant(stamp.asOf(), BusinessDates.ZONE)));
            List<Object> values = figureValues(content.figures());
            for (int i = 0; i < figureColumns.size(); i++) book.row(Arrays.asList(figureColumns.get(i), values.get(i)));
            book.row(Arrays.asList(text("report.portfolio.expiringWithin", locale), (Object) warningDays));
            book.row(Arrays.asList(text("report.generatedBy", locale), stamp.generatedBy()));
            book.row(Arrays.asList(text("report.generatedAt", locale), LocalDateTime.ofInstant(stamp.generatedAt(), BusinessDates.ZONE)));
            book.row(Arrays.asList(text("report.reportId", locale), stamp.reportId()));
            book.row(Arrays.asList(text("report.routine", locale), stamp.routine().routine() + " " + stamp.routine().version()));
            book.row(Arrays.asList(text("report.chainPosition", locale), stamp.head().position()));
            book.row(Arrays.asList(text("report.chainHash", locale), stamp.head().hash()));

            List<String> trendColumns = new ArrayList<>();
            trendColumns.add(text("report.portfolio.monthEnd", locale));
            trendColumns.addAll(figureColumns);
            book.sheet(text("report.portfolio.sheet.trend", locale), trendColumns, widths(trendColumns.size(), 14));
            for (TrendPoint point : content.trend()) {
                List<Object> row = new ArrayList<>();
                row.add(point.day());
                row.addAll(figureValues(point.figures()));
                book.row(row);
            }
            if (content.unit() == null) {
                List<String> unitColumns = new ArrayList<>();
                unitColumns.add(text("report.portfolio.unit", locale));
                unitColumns.addAll(figureColumns);
                book.sheet(text("report.portfolio.sheet.units", locale), unitColumns, widths(unitColumns.size(), 14));
                content.perUnit().forEach((unit, figures) -> {
                    List<Object> row = new ArrayList<>();
                    row.add(unit);
                    row.addAll(figureValues(figures));
                    book.row(row);
                });
            }
            book.sheet(text("report.portfolio.sheet.certificates", locale), List.of(text("certificatesExport.service", locale),
                    text("register.unit", locale), text("certificatesExport.title", locale), text("certificatesExport.issuer", locale),
                    text("certificatesExport.kind", locale), text("certificatesExport.measures", locale),
                    text("certificatesExport.validUntil", locale), text("certificatesExport.daysLeft", locale),
                    text("certificatesExport.status", locale)), new int[]{36, 28, 40, 28, 18, 16, 14, 10, 14});
            for (CertificateView c : content.certificates()) {
                book.row(Arrays.asList(c.serviceName(), c.organisationUnit(), c.title(), c.issuer(),
                        text("evidenceKind." + c.kind(), locale),
                        c.measureIds().stream().map(MeasureId::value).map(String::valueOf).collect(Collectors.joining(", ")),
                        c.validUntil(), c.daysLeft(), text("certificatesExport.status." + c.status(), locale)));
            }
            book.sheet(text("report.portfolio.sheet.unclassified", locale), List.of(text("certificatesExport.service", locale),
                    text("register.unit", locale), text("report.portfolio.vendor", locale), text("report.portfolio.phase", locale)),
                    new int[]{40, 28, 32, 14});
            for (CloudServiceSummary s : content.unclassified()) {
                book.row(Arrays.asList(s.name(), s.organisationUnit(), s.vendor(), text("phase." + s.phase(), locale)));
            }
            book.writeTo(out);
        }
    }

    private static List<Object> figureValues(PortfolioFigures f) {
        return Arrays.asList(f.services(), f.servicesPerPhase().get(Phase.ACQUIRE), f.servicesPerPhase().get(Phase.OPERATE),
                f.servicesPerPhase().get(Phase.EXIT), f.openMeasuresPerPhase().get(Phase.ACQUIRE),
                f.openMeasuresPerPhase().get(Phase.OPERATE), f.openMeasuresPerPhase().get(Phase.EXIT),
                f.expiredCertificates(), f.expiringCertificates(), f.unclassifiedServices());
    }

    private static int[] widths(int columns, int width) {
        int[] widths = new int[columns];
        Arrays.fill(widths, width);
        return widths;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** Liberation Sans for the chart, the font the PDF embeds: AWT's own fonts differ from machine to machine. */
    static final class Fonts {
        static final Font REGULAR = load("/liberation/LiberationSans-Regular.ttf");

        private static Font load(String resource) {
            try (InputStream in = PortfolioReport.class.getResourceAsStream(resource)) {
                if (in == null) throw new IOException("The font " + resource + " is not on the class path");
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("The report's font cannot be read", e);
            }
        }
    }
}
