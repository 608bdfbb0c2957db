package se.molnkoll.query.vendors;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import se.molnkoll.kernel.vendor.VendorDetails;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;

/** One version of a vendor's details. */
@Entity
@Table(name = "vendor")
public class VendorEntry extends VersionedRow {

    private String vendorId;
    private String name;
    private String organisationNumber;
    private String foreignRegistration;
    private String country;
    private String parentCompany;
    private String parentCountry;
    private Instant registeredAt;
    private String registeredBy;

    protected VendorEntry() {
    }

    VendorEntry(String vendorId, VendorDetails details, Instant registeredAt, String registeredBy) {
        super(registeredAt);
        this.vendorId = vendorId;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
        set(details);
    }

    private VendorEntry(VendorEntry previous, Instant at) {
        super(previous, at);
        vendorId = previous.vendorId;
        registeredAt = previous.registeredAt;
        registeredBy = previous.registeredBy;
        set(previous.details());
    }

    /** The next version from {@code at}, with the details; this one is closed. */
    VendorEntry next(Instant at, VendorDetails details) {
        VendorEntry next = new VendorEntry(this, at);
        next.set(details);
        return next;
    }

    private void set(VendorDetails details) {
        name = details.name();
        organisationNumber = details.organisationNumber();
        foreignRegistration = details.foreignRegistration();
        country = details.country();
        parentCompany = details.parentCompany();
        parentCountry = details.parentCountry();
    }

    public String vendorId() {
        return vendorId;
    }

    public VendorDetails details() {
        return new VendorDetails(name, organisationNumber, foreignRegistration, country, parentCompany, parentCountry);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }
}
