package se.molnkoll.query.vendors;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;

/** A service's adoption of a vendor's evidence, while its copy is not withdrawn. */
@Entity
@Table(name = "vendor_evidence_adoption")
public class AdoptionEntry extends VersionedRow {

    private String vendorId;
    private String vendorEvidenceId;
    private String serviceId;
    private String evidenceId;
    /** Comma-separated "27/ACQUIRE". */
    private String covers;

    protected AdoptionEntry() {
    }

    AdoptionEntry(String vendorId, String vendorEvidenceId, String serviceId, String evidenceId, String covers, Instant at) {
        super(at);
        this.vendorId = vendorId;
        this.vendorEvidenceId = vendorEvidenceId;
        this.serviceId = serviceId;
        this.evidenceId = evidenceId;
        this.covers = covers;
    }

    public String vendorEvidenceId() {
        return vendorEvidenceId;
    }

    public String serviceId() {
        return serviceId;
    }

    public String evidenceId() {
        return evidenceId;
    }

    public String covers() {
        return covers;
    }
}
