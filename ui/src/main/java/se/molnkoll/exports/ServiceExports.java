package se.molnkoll.exports;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.MeasureStatusView;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A service's measures and the certificates list as spreadsheets, each exactly what its page (or API
 * read) shows for the same moment and filters: the caller passes the view it read.
 */
@Component
public class ServiceExports {

    private static final List<String> MEASURE_HEADERS = List.of("measuresExport.measure", "measuresExport.phase",
            "measuresExport.status", "measuresExport.text", "measuresExport.evidence", "measuresExport.validUntil");
    private static final int[] MEASURE_WIDTHS = {10, 12, 16, 80, 48, 14};
    private static final List<String> CERTIFICATE_HEADERS = List.of("certificatesExport.service", "register.unit",
            "certificatesExport.title", "certificatesExport.issuer", "certificatesExport.kind", "certificatesExport.measures",
            "certificatesExport.validUntil", "certificatesExport.daysLeft", "certificatesExport.status");
    private static final int[] CERTIFICATE_WIDTHS = {36, 28, 40, 28, 18, 16, 14, 10, 14};

    private static final List<String> INVENTORY_HEADERS = List.of("inventory.service", "register.unit", "inventory.classification",
            "inventory.allowed", "inventory.vendor", "inventory.vendorCountry", "inventory.parent", "inventory.storage",
            "inventory.processing", "inventory.subProcessors", "inventory.declaredOn", "inventory.evidence", "inventory.conflicts");
    private static final int[] INVENTORY_WIDTHS = {36, 28, 16, 20, 32, 10, 28, 20, 20, 60, 14, 36, 60};

    private final MessageSource messages;
    private final MeasureCatalogue catalogue;
    private final Clock clock;

    public ServiceExports(MessageSource messages, MeasureCatalogue catalogue, Clock clock) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The service's measures (those given: every phase's, or one phase's), each with its status and the evidence behind it. */
    public ResponseEntity<StreamingResponseBody> measures(RegisterExport.Format format, CloudServiceView view,
                                                          List<MeasureStatusView> measures, Locale locale) {
        Map<EvidenceId, EvidenceView> evidence = view.evidence().stream()
                .collect(Collectors.toMap(EvidenceView::id, Function.identity(), (a, b) -> a));
        List<List<Object>> rows = new ArrayList<>();
        for (MeasureStatusView m : measures) {
            List<EvidenceView> behind = m.evidenceIds().stream().map(evidence::get).filter(e -> e != null).toList();
            rows.add(Arrays.asList(m.measureId().value(), text("phase." + m.phase(), locale), text("status." + m.status(), locale),
                    catalogue.measure(m.measureId()).map(x -> x.text()).orElse(""),
                    behind.stream().map(EvidenceView::title).collect(Collectors.joining("; ")),
                    behind.stream().map(EvidenceView::validUntil).filter(d -> d != null).max(java.time.LocalDate::compareTo)
                            .orElse(null)));
        }
        return TableExport.respond(format, text("measuresExport.sheet", locale), headers(MEASURE_HEADERS, locale),
                MEASURE_WIDTHS, rows, "molnkoll-atgarder-" + slug(view.name()), clock.instant());
    }

    /** Expired and expiring certificates, as listed. */
    public ResponseEntity<StreamingResponseBody> certificates(RegisterExport.Format format, List<CertificateView> certificates,
                                                              Locale locale) {
        List<List<Object>> rows = certificates.stream().map(c -> Arrays.<Object>asList(c.serviceName(), c.organisationUnit(),
                c.title(), c.issuer(), text("evidenceKind." + c.kind(), locale),
                c.measureIds().stream().map(MeasureId::value).map(String::valueOf).collect(Collectors.joining(", ")),
                c.validUntil(), c.daysLeft(), text("certificatesExport.status." + c.status(), locale))).toList();
        return TableExport.respond(format, text("certificatesExport.sheet", locale), headers(CERTIFICATE_HEADERS, locale),
                CERTIFICATE_WIDTHS, rows, "molnkoll-intyg", clock.instant());
    }

    /**
     * Measure 5's inventory: every service with its classification's requirements, its vendor and the vendor's
     * jurisdictions, where its data is stored and processed, by which sub-processors, and what the location check finds.
     */
    public ResponseEntity<StreamingResponseBody> inventory(RegisterExport.Format format,
                                                           List<se.molnkoll.kernel.query.ServiceLocationsView> services, Locale locale) {
        List<List<Object>> rows = services.stream().map(s -> Arrays.<Object>asList(s.name(), s.organisationUnit(),
                s.personalData() == null ? text("inventory.unclassified", locale)
                        : Boolean.TRUE.equals(s.personalData()) ? text("inventory.personalData", locale) : "",
                s.allowedLocations() == null ? "" : String.join(", ", s.allowedLocations()),
                s.vendorName() != null ? s.vendorName() : s.vendor(),
                s.vendorCountry() == null ? "" : s.vendorCountry(),
                s.parentCompany() == null ? "" : s.parentCompany() + " (" + s.parentCountry() + ")",
                s.locations() == null ? text("inventory.notDeclared", locale) : String.join(", ", s.locations().storageCountries()),
                s.locations() == null ? "" : String.join(", ", s.locations().processingCountries()),
                s.subProcessors().stream().map(p -> p.engaged() ? p.name() + " (" + p.country() + "; " + String.join(", ", p.processingCountries()) + ")"
                        : text("inventory.noLongerEngaged", locale)).collect(Collectors.joining("; ")),
                s.locations() == null ? null : s.locations().declaredOn(),
                s.locations() == null || s.locations().evidence() == null ? "" : s.locations().evidence(),
                s.conflicts().stream().map(c -> text("conflict." + c.kind(), locale) + ": " + c.country()
                        + (c.by() == null ? "" : " (" + c.by() + ")")).collect(Collectors.joining("; ")))).toList();
        return TableExport.respond(format, text("inventory.sheet", locale), headers(INVENTORY_HEADERS, locale), INVENTORY_WIDTHS,
                rows, "molnkoll-tillgangsforteckning", clock.instant());
    }

    private List<String> headers(List<String> keys, Locale locale) {
        return keys.stream().map(key -> text(key, locale)).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** A file name's part from a service's name: letters and digits, the rest as dashes. */
    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "tjanst" : slug.length() > 40 ? slug.substring(0, 40) : slug;
    }
}
