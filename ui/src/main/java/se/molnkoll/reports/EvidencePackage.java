package se.molnkoll.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.molnkoll.documents.Documents;
import se.molnkoll.exports.AuditExport;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.ChainVerification;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.VerifyChain;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence of one service or of several, as of a moment, in a ZIP that can be checked without Molnkoll: every
 * attached document under a readable name, each service as Molnkoll knew it then ({@code service.json}) and its
 * audit trail for the period (the archival CSV and JSON), the hash chain's verification with its head, a manifest
 * (CSV and JSON) listing each document with its SHA-256 as recorded when it was attached, and {@code SHA256SUMS}
 * over every file, which {@code sha256sum -c SHA256SUMS} checks. Streamed: one document at a time in memory.
 * <p>
 * A document whose stored bytes no longer match the SHA-256 recorded when it was attached (or are gone) is not put in
 * the package: its row in the manifest says ALTERED (with the hash the bytes have now) or MISSING, and so does
 * {@code LASMIG.txt}. The package is still made, so that the rest of the evidence can be filed and the damage shown.
 */
@Component
public class EvidencePackage {

    /** One row of the manifest: a document as recorded, where it is in the package, and what the check found. */
    public record ManifestRow(String serviceId, String serviceName, String evidenceId, String evidenceTitle, String kind,
                              String status, String path, String fileName, String mediaType, long sizeBytes,
                              String recordedSha256, String integrity, String actualSha256, String attachedAt) {

        static final List<String> COLUMNS = List.of("serviceId", "serviceName", "evidenceId", "evidenceTitle", "kind",
                "status", "path", "fileName", "mediaType", "sizeBytes", "recordedSha256", "integrity", "actualSha256",
                "attachedAt");

        List<String> values() {
            return List.of(serviceId, serviceName, evidenceId, evidenceTitle, kind, status, path == null ? "" : path,
                    fileName, mediaType, Long.toString(sizeBytes), recordedSha256, integrity,
                    actualSha256 == null ? "" : actualSha256, attachedAt);
        }
    }

    private final QueryGateway queries;
    private final Documents documents;
    private final AuditExport audit;
    private final Reports reports;
    private final ObjectMapper json;

    public EvidencePackage(QueryGateway queries, Documents documents, AuditExport audit, Reports reports, ObjectMapper json) {
        this.queries = queries;
        this.documents = documents;
        this.audit = audit;
        this.reports = reports;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** The service's name at the moment; empty if it was not registered then. */
    public Optional<String> nameAt(CloudServiceId service, Moment moment) {
        return view(service, moment).map(CloudServiceView::name);
    }

    private Optional<CloudServiceView> view(CloudServiceId service, Moment moment) {
        return queries.query(new FindCloudService(service, moment), ResponseTypes.optionalInstanceOf(CloudServiceView.class)).join();
    }

    /**
     * The package of these services, each read as it was at the moment while the package streams (one at a time, so
     * that a package of the whole portfolio holds one service in memory, not all), those not registered then left out.
     *
     * @param title what the package holds, for its file name and log line (a service's name, or a filter's words)
     * @param from  the start of the period of the audit trails (null: from each service's registration)
     */
    public ResponseEntity<StreamingResponseBody> respond(List<CloudServiceId> services, String title, Moment moment,
                                                         Instant from, String who) {
        ReportStamp stamp = reports.stamp(who, moment);
        Instant upTo = moment.knownAt() == null ? stamp.generatedAt().plusNanos(1_000) : moment.knownAt().plusNanos(1_000);
        return reports.respond(stamp, "evidence package", title + " (" + services.size() + " services)", Reports.ZIP,
                "molnkoll-bevispaket-" + Reports.slug(title, "urval"), "zip",
                out -> write(services, moment, stamp, from, upTo, out));
    }

    private void write(List<CloudServiceId> ids, Moment moment, ReportStamp stamp, Instant from, Instant upTo, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Map<String, String> sums = new LinkedHashMap<>();
        List<ManifestRow> manifest = new ArrayList<>();
        List<Map<String, String>> services = new ArrayList<>();
        Set<String> folders = new HashSet<>();
        for (CloudServiceId id : ids) {
            CloudServiceView service = view(id, moment).orElse(null);
            if (service == null) continue;
            String folder = unique(Reports.slug(service.name(), "tjanst"), folders);
            services.add(Map.of("id", service.id().value(), "name", service.name(), "folder", folder));
            entry(zip, sums, folder + "/service.json", json.writeValueAsBytes(service));
            AuditFilter period = new AuditFilter(service.id(), null, null, from, upTo);
            entry(zip, sums, folder + "/audit-trail.csv", stream -> audit.write(AuditExport.Format.CSV, stream, period, stamp.generatedBy()));
            entry(zip, sums, folder + "/audit-trail.json", stream -> audit.write(AuditExport.Format.JSON, stream, period, stamp.generatedBy()));
            Set<String> names = new HashSet<>();
            for (EvidenceView evidence : service.evidence()) {
                if (evidence.document() == null) continue;
                Documents.Checked checked = documents.check(evidence.id(), evidence.document());
                String path = null;
                if (checked.integrity() == Documents.Integrity.INTACT) {
                    path = folder + "/dokument/" + unique(fileName(evidence.title()) + " - " + fileName(evidence.document().fileName()), names);
                    entry(zip, sums, path, checked.document().content());
                }
                manifest.add(new ManifestRow(service.id().value(), service.name(), evidence.id().value(), evidence.title(),
                        evidence.kind().name(), evidence.status().name(), path, evidence.document().fileName(),
                        evidence.document().mediaType(), evidence.document().sizeBytes(), evidence.document().sha256(),
                        checked.integrity().name(), checked.actualSha256(), evidence.document().attachedAt().toString()));
            }
        }
        ChainVerification verification = queries.query(new VerifyChain(null, null), ResponseTypes.instanceOf(ChainVerification.class)).join();
        entry(zip, sums, "chain-verification.json", json.writeValueAsBytes(verification));
        entry(zip, sums, "manifest.csv", stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
            csv.printRecord(ManifestRow.COLUMNS);
            for (ManifestRow row : manifest) csv.printRecord(row.values());
            csv.flush();
        });
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("reportId", stamp.reportId());
        described.put("generatedAt", stamp.generatedAt());
        described.put("generatedBy", stamp.generatedBy());
        described.put("asOf", stamp.asOf());
        described.put("statusDate", stamp.statusDate());
        described.put("periodFrom", from);
        described.put("routine", stamp.routine());
        described.put("chainHead", stamp.head());
        described.put("services", services);
        described.put("documents", manifest);
        entry(zip, sums, "manifest.json", json.writeValueAsBytes(described));
        List<ManifestRow> damaged = manifest.stream().filter(r -> !r.integrity().equals(Documents.Integrity.INTACT.name())).toList();
        entry(zip, sums, "LASMIG.txt", readme(stamp, services.size(), manifest.size(), damaged, verification)
                .getBytes(StandardCharsets.UTF_8));
        // sha256sum -c reads this: one line per file, "<hex>  <path>", itself left out
        StringBuilder lines = new StringBuilder();
        sums.forEach((path, sum) -> lines.append(sum).append("  ").append(path).append('\n'));
        zip.putNextEntry(new ZipEntry("SHA256SUMS"));
        zip.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static String readme(ReportStamp stamp, int services, int documents, List<ManifestRow> damaged,
                                 ChainVerification verification) {
        StringBuilder text = new StringBuilder();
        text.append("Molnkoll – bevispaket / evidence package\n\n");
        text.append("Rapport-id / report id: ").append(stamp.reportId()).append('\n');
        text.append("Skapat / generated: ").append(stamp.generatedAt()).append(" av / by ").append(stamp.generatedBy()).append('\n');
        text.append("Läge per / as of: ").append(stamp.asOf() == null ? stamp.generatedAt() + " (nu / now)" : stamp.asOf())
                .append("; status bedömd för / statuses judged for ").append(stamp.statusDate()).append('\n');
        text.append("Rutin / routine: ").append(stamp.routine().routine()).append(", version ").append(stamp.routine().version()).append('\n');
        text.append("Hashkedjans huvud / hash chain head: position ").append(stamp.head().position()).append(", ")
                .append(stamp.head().hash()).append('\n');
        text.append("Hashkedjan / hash chain: ").append(verification.intact() ? "obruten / intact" : "BRUTEN / BROKEN")
                .append(" (").append(verification.checkedEvents()).append(" händelser kontrollerade / events checked; chain-verification.json)\n\n");
        text.append(services).append(" tjänster / services, ").append(documents).append(" dokument / documents.\n\n");
        if (damaged.isEmpty()) {
            text.append("Alla dokument stämmer med den SHA-256 som registrerades när de bifogades.\n")
                    .append("Every document matches the SHA-256 recorded when it was attached.\n\n");
        } else {
            text.append("VARNING / WARNING: ").append(damaged.size())
                    .append(" dokument stämmer inte längre med sin registrerade SHA-256 och finns inte i paketet")
                    .append(" / documents no longer match their recorded SHA-256 and are left out:\n");
            for (ManifestRow row : damaged) {
                text.append("  ").append(row.integrity()).append(": ").append(row.serviceName()).append(" / ")
                        .append(row.evidenceTitle()).append(" (").append(row.fileName()).append("), registrerad / recorded ")
                        .append(row.recordedSha256()).append(row.actualSha256() == null ? "" : ", nu / now " + row.actualSha256())
                        .append('\n');
            }
            text.append('\n');
        }
        text.append("Kontrollera paketet utan Molnkoll / check the package without Molnkoll:\n")
                .append("  sha256sum -c SHA256SUMS\n")
                .append("manifest.csv och manifest.json listar varje dokument med den SHA-256 som registrerades när det bifogades;\n")
                .append("samma hash står i händelseloggen (audit-trail.csv, kolumnen evidenceSha256), vars händelser hashkedjan täcker.\n")
                .append("manifest.csv and manifest.json list each document with the SHA-256 recorded when it was attached;\n")
                .append("the audit trail (audit-trail.csv, column evidenceSha256) holds the same hash, in events the hash chain covers.\n");
        return text.toString();
    }

    /** Writes one file of the package, noting its SHA-256 for SHA256SUMS. */
    private static void entry(ZipOutputStream zip, Map<String, String> sums, String path, byte[] content) throws IOException {
        entry(zip, sums, path, stream -> stream.write(content));
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void entry(ZipOutputStream zip, Map<String, String> sums, String path, Content content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest digest = sha256();
        OutputStream digesting = new FilterOutputStream(zip) {
            @Override
            public void write(int b) throws IOException {
                digest.update((byte) b);
                zip.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                digest.update(bytes, offset, length);
                zip.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush(); // the entry ends here, not the package
            }
        };
        content.writeTo(digesting);
        digesting.flush();
        zip.closeEntry();
        sums.put(path, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * A name as a file name on any system and in any unzip: ASCII (å, ä, ö as a, a, o; other letters' marks dropped), no
     * path separators, control or reserved characters, at most 100 characters. The manifest keeps the name as recorded.
     */
    static String fileName(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String clean = ascii.replaceAll("[^\\x20-\\x7e]|[/\\\\:*?\"<>|]", "_").strip();
        while (clean.startsWith(".")) clean = clean.substring(1);
        if (clean.length() > 100) clean = clean.substring(0, 100).strip();
        return clean.isEmpty() ? "dokument" : clean;
    }

    /** The name, or the name with " (2)", " (3)"… before its extension if it is taken already. */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
        }
        return candidate;
    }
}
