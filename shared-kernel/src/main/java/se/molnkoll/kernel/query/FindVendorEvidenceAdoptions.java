package se.molnkoll.kernel.query;

/** The services whose copy of a vendor's evidence is not withdrawn, now. */
public record FindVendorEvidenceAdoptions(String vendorEvidenceId) {
}
