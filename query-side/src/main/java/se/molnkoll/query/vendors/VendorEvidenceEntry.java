package se.molnkoll.query.vendors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.vendor.VendorEvidence;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;

/** One version of evidence recorded on a vendor: as recorded, then withdrawn. */
@Entity
@Table(name = "vendor_evidence")
public class VendorEvidenceEntry extends VersionedRow {

    private String vendorId;
    private String vendorEvidenceId;
    @Enumerated(EnumType.STRING)
    private EvidenceKind kind;
    private String title;
    private String issuer;
    private String scope;
    private LocalDate receivedOn;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private String reference;
    private String withdrawnBecause;

    protected VendorEvidenceEntry() {
    }

    VendorEvidenceEntry(String vendorId, String vendorEvidenceId, VendorEvidence e, Instant at) {
        super(at);
        this.vendorId = vendorId;
        this.vendorEvidenceId = vendorEvidenceId;
        this.kind = e.kind();
        this.title = e.title();
        this.issuer = e.issuer();
        this.scope = e.scope();
        this.receivedOn = e.receivedOn();
        this.validFrom = e.validFrom();
        this.validUntil = e.validUntil();
        this.reference = e.reference();
    }

    private VendorEvidenceEntry(VendorEvidenceEntry previous, Instant at) {
        super(previous, at);
        vendorId = previous.vendorId;
        vendorEvidenceId = previous.vendorEvidenceId;
        kind = previous.kind;
        title = previous.title;
        issuer = previous.issuer;
        scope = previous.scope;
        receivedOn = previous.receivedOn;
        validFrom = previous.validFrom;
        validUntil = previous.validUntil;
        reference = previous.reference;
        withdrawnBecause = previous.withdrawnBecause;
    }

    VendorEvidenceEntry withdrawnAt(Instant at, String reason) {
        VendorEvidenceEntry next = new VendorEvidenceEntry(this, at);
        next.withdrawnBecause = reason;
        return next;
    }

    public String vendorEvidenceId() {
        return vendorEvidenceId;
    }

    public VendorEvidence evidence() {
        return new VendorEvidence(kind, title, issuer, scope, receivedOn, validFrom, validUntil, reference);
    }

    public String withdrawnBecause() {
        return withdrawnBecause;
    }
}
