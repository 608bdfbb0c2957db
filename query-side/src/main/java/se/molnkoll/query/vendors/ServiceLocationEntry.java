package se.molnkoll.query.vendors;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.DeclaredLocations;
import se.molnkoll.kernel.compliance.LocationCheck;
import se.molnkoll.kernel.compliance.LocationCheck.Conflict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import se.molnkoll.query.persistence.VersionedRow;

/**
 * One version of what the location check knows of a service: what it checks (the classification's
 * requirements, the linked vendor, the declared locations) and what it found. A new version begins whenever
 * one of them changes, so the moments a conflict began and ended are the versions' bounds.
 */
@Entity
@Table(name = "service_location")
public class ServiceLocationEntry extends VersionedRow {

    private String serviceId;
    private String vendorId;
    /** The classification's requirements, as far as the check needs them; null while unclassified. */
    private String allowedLocations;
    private String ownershipRequirement;
    private Boolean personalData;
    private boolean declared;
    private String storageCountries;
    private String processingCountries;
    private String subProcessorIds;
    private LocalDate declaredOn;
    private String evidence;
    /** One line per conflict: kind|country|source|by. */
    private String conflicts;
    private boolean inConflict;
    /** When the check began to find what it finds (conflicts, or none). */
    private Instant foundSince;

    protected ServiceLocationEntry() {
    }

    ServiceLocationEntry(String serviceId, Instant at) {
        super(at);
        this.serviceId = serviceId;
        this.conflicts = "";
        this.foundSince = recordedFrom();
    }

    private ServiceLocationEntry(ServiceLocationEntry previous, Instant at) {
        super(previous, at);
        serviceId = previous.serviceId;
        vendorId = previous.vendorId;
        allowedLocations = previous.allowedLocations;
        ownershipRequirement = previous.ownershipRequirement;
        personalData = previous.personalData;
        declared = previous.declared;
        storageCountries = previous.storageCountries;
        processingCountries = previous.processingCountries;
        subProcessorIds = previous.subProcessorIds;
        declaredOn = previous.declaredOn;
        evidence = previous.evidence;
        conflicts = previous.conflicts;
        inConflict = previous.inConflict;
        foundSince = previous.foundSince;
    }

    ServiceLocationEntry next(Instant at) {
        return new ServiceLocationEntry(this, at);
    }

    void classify(Classification c) {
        allowedLocations = String.join(",", c.allowedLocations());
        ownershipRequirement = c.ownershipRequirement();
        personalData = c.personalData();
    }

    void link(String vendorId) {
        this.vendorId = vendorId;
    }

    void declare(DeclaredLocations locations) {
        declared = true;
        storageCountries = String.join(",", locations.storageCountries());
        processingCountries = String.join(",", locations.processingCountries());
        subProcessorIds = String.join(",", locations.subProcessorIds());
        declaredOn = locations.declaredOn();
        evidence = locations.evidence();
    }

    /**
     * Sets what the check found. The conflict is the same one (and {@code foundSince} stays) while the same kinds of
     * finding in the same countries from the same sources hold, whatever their order or a renamed sub-processor.
     */
    void found(List<Conflict> found) {
        if (!key(found).equals(key(conflicts()))) {
            foundSince = recordedFrom();
        }
        conflicts = lines(found);
        inConflict = !found.isEmpty();
    }

    /** Whether the check finds here what it found before. */
    boolean finds(List<Conflict> found) {
        return lines(found).equals(conflicts);
    }

    /** What makes a conflict the same one: its findings as kind|country|source, sorted. */
    public static java.util.SortedSet<String> key(List<Conflict> found) {
        java.util.SortedSet<String> key = new java.util.TreeSet<>();
        found.forEach(c -> key.add(c.kind() + "|" + c.country() + "|" + c.source()));
        return key;
    }

    private static String lines(List<Conflict> found) {
        return String.join("\n", found.stream().map(c -> c.kind() + "|" + c.country() + "|" + c.source() + "|"
                + Objects.requireNonNullElse(c.by(), "").replaceAll("[|\\n\\r]", " ")).toList());
    }

    /** The classification the check is against; null while the service is unclassified. */
    public Classification classification() {
        return personalData == null ? null : new Classification(0, 0, 0, false, personalData,
                SubProcessorEntry.split(allowedLocations), ownershipRequirement, null);
    }

    /** The declared locations, or null while none are. */
    public DeclaredLocations locations() {
        return declared ? new DeclaredLocations(SubProcessorEntry.split(storageCountries), SubProcessorEntry.split(processingCountries),
                SubProcessorEntry.split(subProcessorIds), declaredOn, evidence) : null;
    }

    public List<Conflict> conflicts() {
        List<Conflict> found = new ArrayList<>();
        if (conflicts == null || conflicts.isEmpty()) {
            return found;
        }
        for (String line : conflicts.split("\n")) {
            String[] parts = line.split("\\|", -1);
            found.add(new Conflict(LocationCheck.Kind.valueOf(parts[0]), parts[1], LocationCheck.Source.valueOf(parts[2]),
                    parts[3].isEmpty() ? null : parts[3]));
        }
        return found;
    }

    public String serviceId() {
        return serviceId;
    }

    public String vendorId() {
        return vendorId;
    }

    public Instant foundSince() {
        return foundSince;
    }

    public boolean inConflict() {
        return inConflict;
    }
}
