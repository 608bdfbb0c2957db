package se.molnkoll.query.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.molnkoll.query.persistence.ProjectionRow;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One row of the register. */
@Entity
@Table(name = "cloud_service")
public class CloudServiceEntry extends ProjectionRow<String> {

    @Id
    private String id;
    private String name;
    private String vendor;
    @Enumerated(EnumType.STRING)
    private ServiceModel serviceModel;
    private String organisationUnit;
    private String owner;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    private boolean decommissioned;
    private boolean classified;
    private Integer confidentiality;
    private Integer integrity;
    private Integer availability;
    private Boolean secrecy;
    private Boolean personalData;
    /** Comma-separated; locations are country codes or "EU/EEA", which hold no comma. */
    private String allowedLocations;
    @Column(length = 4000)
    private String ownershipRequirement;
    private String decisionReference;
    private Instant registeredAt;
    private String registeredBy;
    private Instant updatedAt;

    protected CloudServiceEntry() {
    }

    CloudServiceEntry(String id, String name, String vendor, ServiceModel serviceModel, String organisationUnit,
                      String owner, Instant registeredAt, String registeredBy) {
        this.id = id;
        this.name = name;
        this.vendor = vendor;
        this.serviceModel = serviceModel;
        this.organisationUnit = organisationUnit;
        this.owner = owner;
        this.phase = Phase.ACQUIRE;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
        this.updatedAt = registeredAt;
    }

    void classify(Classification c, Instant at) {
        classified = true;
        confidentiality = c.confidentiality();
        integrity = c.integrity();
        availability = c.availability();
        secrecy = c.secrecy();
        personalData = c.personalData();
        allowedLocations = String.join(",", c.allowedLocations());
        ownershipRequirement = c.ownershipRequirement();
        decisionReference = c.decisionReference();
        updatedAt = at;
    }

    void enter(Phase phase, Instant at) {
        this.phase = phase;
        updatedAt = at;
    }

    void decommission(Instant at) {
        decommissioned = true;
        updatedAt = at;
    }

    void touch(Instant at) {
        updatedAt = at;
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

    public String id() { return id; }
    public String name() { return name; }
    public String vendor() { return vendor; }
    public ServiceModel serviceModel() { return serviceModel; }
    public String organisationUnit() { return organisationUnit; }
    public String owner() { return owner; }
    public Phase phase() { return phase; }
    public boolean decommissioned() { return decommissioned; }
    public boolean classified() { return classified; }
    public Instant registeredAt() { return registeredAt; }
    public String registeredBy() { return registeredBy; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public String getId() {
        return id;
    }
}
