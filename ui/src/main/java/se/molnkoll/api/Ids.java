package se.molnkoll.api;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;

/** Ids from paths: anything that is not a well-formed id names nothing, so it is a 404. */
final class Ids {

    private Ids() {
    }

    static CloudServiceId service(String id) {
        try {
            return CloudServiceId.of(id);
        } catch (IllegalArgumentException e) {
            throw NotFoundException.service(id);
        }
    }

    static EvidenceId evidence(String serviceId, String id) {
        try {
            return EvidenceId.of(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Cloud service " + serviceId + " has no evidence " + id);
        }
    }

    static se.molnkoll.kernel.VendorId vendor(String id) {
        try {
            return se.molnkoll.kernel.VendorId.of(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No vendor " + id);
        }
    }

    /** A sub-processor's id is a UUID; anything else names none. */
    static String subProcessor(String vendorId, String id) {
        return uuid(id, "Vendor " + vendorId + " has no sub-processor " + id);
    }

    static String vendorEvidence(String vendorId, String id) {
        return uuid(id, "Vendor " + vendorId + " has no evidence " + id);
    }

    /** A proposal's id is a UUID; anything else names no proposal. */
    static String proposal(String serviceId, String id) {
        return uuid(id, "Cloud service " + serviceId + " has no risk-acceptance proposal " + id);
    }

    /** A task's id is a UUID; anything else names no task. */
    static String task(String serviceId, String id) {
        return uuid(id, "Cloud service " + serviceId + " has no task " + id);
    }

    private static String uuid(String id, String otherwise) {
        try {
            return java.util.UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(otherwise);
        }
    }
}
