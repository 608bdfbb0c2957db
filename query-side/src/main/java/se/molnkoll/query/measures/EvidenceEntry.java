package se.molnkoll.query.measures;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a piece of evidence: as recorded, then withdrawn, expired or given its document. */
@Entity
@Table(name = "evidence")
public class EvidenceEntry extends VersionedRow {

    private String evidenceId;
    private String serviceId;
    @Enumerated(EnumType.STRING)
    private EvidenceKind kind;
    private String title;
    private String issuer;
    private LocalDate receivedOn;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private String documentSha256;
    private String reference;
    private boolean withdrawn;
    private String withdrawalReason;
    private LocalDate expiredOn;
    private String documentAttachedSha256;
    private String documentFileName;
    private String documentMediaType;
    private Long documentSizeBytes;
    private Instant documentAttachedAt;
    private Instant recordedAt;
    private String recordedBy;

    protected EvidenceEntry() {
    }

    EvidenceEntry(String evidenceId, String serviceId, EvidenceKind kind, String title, String issuer,
                  LocalDate receivedOn, LocalDate validFrom, LocalDate validUntil, String documentSha256,
                  String reference, Instant recordedAt, String recordedBy) {
        super(recordedAt);
        this.evidenceId = evidenceId;
        this.serviceId = serviceId;
        this.kind = kind;
        this.title = title;
        this.issuer = issuer;
        this.receivedOn = receivedOn;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.documentSha256 = documentSha256;
        this.reference = reference;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    private EvidenceEntry(EvidenceEntry previous, Instant at) {
        super(previous, at);
        evidenceId = previous.evidenceId;
        serviceId = previous.serviceId;
        kind = previous.kind;
        title = previous.title;
        issuer = previous.issuer;
        receivedOn = previous.receivedOn;
        validFrom = previous.validFrom;
        validUntil = previous.validUntil;
        documentSha256 = previous.documentSha256;
        reference = previous.reference;
        withdrawn = previous.withdrawn;
        withdrawalReason = previous.withdrawalReason;
        expiredOn = previous.expiredOn;
        documentAttachedSha256 = previous.documentAttachedSha256;
        documentFileName = previous.documentFileName;
        documentMediaType = previous.documentMediaType;
        documentSizeBytes = previous.documentSizeBytes;
        documentAttachedAt = previous.documentAttachedAt;
        recordedAt = previous.recordedAt;
        recordedBy = previous.recordedBy;
    }

    /** The next version from {@code at}; this one is closed. */
    EvidenceEntry next(Instant at) {
        return new EvidenceEntry(this, at);
    }

    void withdraw(String reason) {
        withdrawn = true;
        withdrawalReason = reason;
    }

    void expire(LocalDate on) {
        expiredOn = on;
    }

    void attach(String sha256, long sizeBytes, String fileName, String mediaType, Instant at) {
        documentAttachedSha256 = sha256;
        documentSizeBytes = sizeBytes;
        documentFileName = fileName;
        documentMediaType = mediaType;
        documentAttachedAt = at;
    }

    public String evidenceId() { return evidenceId; }
    public String serviceId() { return serviceId; }
    public EvidenceKind kind() { return kind; }
    public String title() { return title; }
    public String issuer() { return issuer; }
    public LocalDate receivedOn() { return receivedOn; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public String documentSha256() { return documentSha256; }
    public String reference() { return reference; }
    public boolean withdrawn() { return withdrawn; }
    public String withdrawalReason() { return withdrawalReason; }
    public LocalDate expiredOn() { return expiredOn; }
    public boolean hasDocument() { return documentAttachedSha256 != null; }
    public String documentAttachedSha256() { return documentAttachedSha256; }
    public String documentFileName() { return documentFileName; }
    public String documentMediaType() { return documentMediaType; }
    public long documentSizeBytes() { return documentSizeBytes == null ? 0 : documentSizeBytes; }
    public Instant documentAttachedAt() { return documentAttachedAt; }
    public Instant recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
}
