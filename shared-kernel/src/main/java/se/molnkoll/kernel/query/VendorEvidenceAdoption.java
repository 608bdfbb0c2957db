package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;

/** A service that adopted a vendor's evidence, and the id of its copy. */
public record VendorEvidenceAdoption(CloudServiceId serviceId, EvidenceId evidenceId) {
}
