package se.molnkoll.kernel.vendor;

import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.event.ContactPointChanged;
import se.molnkoll.kernel.event.SubProcessorAdded;
import se.molnkoll.kernel.event.SubProcessorChanged;
import se.molnkoll.kernel.event.SubProcessorRemoved;
import se.molnkoll.kernel.event.VendorDetailsCorrected;
import se.molnkoll.kernel.event.VendorEvent;
import se.molnkoll.kernel.event.VendorRegistered;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vendor as its events make it: one fold of the events, used by the vendor's aggregate to decide, by the
 * services' aggregate to know the vendor it links to, and by the read models.
 */
public final class VendorRecord {

    private final VendorId id;
    private VendorDetails details;
    private final Map<ContactPoint.Purpose, ContactPoint> contacts = new EnumMap<>(ContactPoint.Purpose.class);
    private final Map<String, SubProcessor> subProcessors = new LinkedHashMap<>();
    private final Map<String, VendorEvidence> evidence = new LinkedHashMap<>();
    private final java.util.Set<String> withdrawn = new java.util.HashSet<>();

    private VendorRecord(VendorRegistered registered) {
        this.id = registered.vendorId();
        this.details = registered.details();
    }

    public static VendorRecord of(VendorRegistered registered) {
        return new VendorRecord(registered);
    }

    /** This record with one more event of the same vendor applied. */
    public VendorRecord apply(VendorEvent event) {
        if (event instanceof VendorRegistered) {
            throw new IllegalStateException("Vendor " + id + " is registered already");
        } else if (event instanceof VendorDetailsCorrected e) {
            details = e.after();
        } else if (event instanceof ContactPointChanged e) {
            if (e.after() == null) {
                contacts.remove(e.purpose());
            } else {
                contacts.put(e.purpose(), e.after());
            }
        } else if (event instanceof SubProcessorAdded e) {
            subProcessors.put(e.subProcessorId(), e.subProcessor());
        } else if (event instanceof SubProcessorChanged e) {
            subProcessors.put(e.subProcessorId(), e.after());
        } else if (event instanceof SubProcessorRemoved e) {
            subProcessors.remove(e.subProcessorId());
        } else if (event instanceof se.molnkoll.kernel.event.VendorEvidenceRecorded e) {
            evidence.put(e.vendorEvidenceId(), e.evidence());
        } else if (event instanceof se.molnkoll.kernel.event.VendorEvidenceWithdrawn e) {
            withdrawn.add(e.vendorEvidenceId());
        }
        return this;
    }

    public VendorId id() {
        return id;
    }

    public VendorDetails details() {
        return details;
    }

    public Map<ContactPoint.Purpose, ContactPoint> contacts() {
        return Collections.unmodifiableMap(contacts);
    }

    /** Every piece of evidence recorded on the vendor, by id, withdrawn or not. */
    public Map<String, VendorEvidence> evidence() {
        return Collections.unmodifiableMap(evidence);
    }

    public boolean withdrawn(String vendorEvidenceId) {
        return withdrawn.contains(vendorEvidenceId);
    }

    /** The sub-processors it engages now, by id, in the order they were added. */
    public Map<String, SubProcessor> subProcessors() {
        return Collections.unmodifiableMap(subProcessors);
    }
}
