package se.molnkoll.query.vendors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import se.molnkoll.kernel.vendor.ContactPoint;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;

/** One version of a vendor's contact for one purpose; a contact taken away closes its row. */
@Entity
@Table(name = "vendor_contact")
public class VendorContactEntry extends VersionedRow {

    private String vendorId;
    @Enumerated(EnumType.STRING)
    private ContactPoint.Purpose purpose;
    private String name;
    private String email;
    private String phone;

    protected VendorContactEntry() {
    }

    VendorContactEntry(String vendorId, ContactPoint contact, Instant at) {
        super(at);
        this.vendorId = vendorId;
        this.purpose = contact.purpose();
        this.name = contact.name();
        this.email = contact.email();
        this.phone = contact.phone();
    }

    public ContactPoint contact() {
        return new ContactPoint(purpose, name, email, phone);
    }
}
