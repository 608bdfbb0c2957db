package se.molnkoll.query.register;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One version of a row of the register. */
@Entity
@Table(name = "cloud_service")
public class CloudServiceEntry extends VersionedRow {

    private String serviceId;
    private String name;
    private String vendor;
    @Enumerated(EnumType.STRING)
    private ServiceModel serviceModel;
    private String organisationUnit;
    private String owner;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    private boolean decommissioned;
    private boolean archived;
    /** Why it was archived as registered by mistake; null while it is not. */
    private String archivedBecause;
    private boolean classified;
    private Integer confidentiality;
    private Integer integrity;
    private Integer availability;
    private Boolean secrecy;
    private Boolean personalData;
    /** Comma-separated; locations are country codes or "EU/EEA", which hold no comma. */
    private String allowedLocations;
    private String ownershipRequirement;
    private String decisionReference;
    private Instant registeredAt;
    private String registeredBy;

    protected CloudServiceEntry() {
    }

    CloudServiceEntry(String serviceId, String name, String vendor, ServiceModel serviceModel, String organisationUnit,
                      String owner, Instant registeredAt, String registeredBy) {
        super(registeredAt);
        this.serviceId = serviceId;
        this.name = name;
        this.vendor = vendor;
        this.serviceModel = serviceModel;
        this.organisationUnit = organisationUnit;
        this.owner = owner;
        this.phase = Phase.ACQUIRE;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    private CloudServiceEntry(CloudServiceEntry previous, Instant at) {
        super(previous, at);
        serviceId = previous.serviceId;
        name = previous.name;
        vendor = previous.vendor;
        serviceModel = previous.serviceModel;
        organisationUnit = previous.organisationUnit;
        owner = previous.owner;
        phase = previous.phase;
        decommissioned = previous.decommissioned;
        archived = previous.archived;
        archivedBecause = previous.archivedBecause;
        classified = previous.classified;
        confidentiality = previous.confidentiality;
        integrity = previous.integrity;
        availability = previous.availability;
        secrecy = previous.secrecy;
        personalData = previous.personalData;
        allowedLocations = previous.allowedLocations;
        ownershipRequirement = previous.ownershipRequirement;
        decisionReference = previous.decisionReference;
        registeredAt = previous.registeredAt;
        registeredBy = previous.registeredBy;
    }

    /** The next version from {@code at}; this one is closed. */
    CloudServiceEntry next(Instant at) {
        return new CloudServiceEntry(this, at);
    }

    void classify(Classification c) {
        classified = true;
        confidentiality = c.confidentiality();
        integrity = c.integrity();
        availability = c.availability();
        secrecy = c.secrecy();
        personalData = c.personalData();
        allowedLocations = String.join(",", c.allowedLocations());
        ownershipRequirement = c.ownershipRequirement();
        decisionReference = c.decisionReference();
    }

    void enter(Phase phase) {
        this.phase = phase;
    }

    void decommission() {
        decommissioned = true;
    }

    void archive(String reason) {
        archived = true;
        archivedBecause = reason;
    }

    void rename(String name) {
        this.name = name;
    }

    void changeVendor(String vendor) {
        this.vendor = vendor;
    }

    void correctServiceModel(ServiceModel serviceModel) {
        this.serviceModel = serviceModel;
    }

    void moveTo(String organisationUnit) {
        this.organisationUnit = organisationUnit;
    }

    void changeOwner(String owner) {
        this.owner = owner;
    }

    /** The classification, or null while the service is unclassified. */
    public Classification classification() {
        if (!classified) {
            return null;
        }
        List<String> locations = allowedLocations == null || allowedLocations.isEmpty()
                ? List.of() : Arrays.asList(allowedLocations.split(","));
        return new Classification(confidentiality, integrity, availability, secrecy, personalData, locations,
                ownershipRequirement, decisionReference);
    }

    public String serviceId() { return serviceId; }
    public String name() { return name; }
    public String vendor() { return vendor; }
    public ServiceModel serviceModel() { return serviceModel; }
    public String organisationUnit() { return organisationUnit; }
    public String owner() { return owner; }
    public Phase phase() { return phase; }
    public boolean decommissioned() { return decommissioned; }
    public boolean archived() { return archived; }
    public String archivedBecause() { return archivedBecause; }
    public boolean classified() { return classified; }
    public Instant registeredAt() { return registeredAt; }
    public String registeredBy() { return registeredBy; }
}
