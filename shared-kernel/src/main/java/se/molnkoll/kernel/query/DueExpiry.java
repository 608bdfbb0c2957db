package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;

/** Evidence whose expiry should be recorded. */
public record DueExpiry(CloudServiceId serviceId, EvidenceId evidenceId) {
}
