package se.molnkoll.query.vendors;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import se.molnkoll.kernel.vendor.SubProcessor;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** One version of a sub-processor a vendor engages; one no longer engaged closes its row. */
@Entity
@Table(name = "vendor_sub_processor")
public class SubProcessorEntry extends VersionedRow {

    private String vendorId;
    private String subProcessorId;
    private String name;
    private String country;
    private String parentCountry;
    private String activity;
    /** Comma-separated country codes. */
    private String processingCountries;
    private LocalDate notifiedOn;

    protected SubProcessorEntry() {
    }

    SubProcessorEntry(String vendorId, String subProcessorId, SubProcessor subProcessor, LocalDate notifiedOn, Instant at) {
        super(at);
        this.vendorId = vendorId;
        this.subProcessorId = subProcessorId;
        this.name = subProcessor.name();
        this.country = subProcessor.country();
        this.parentCountry = subProcessor.parentCountry();
        this.activity = subProcessor.activity();
        this.processingCountries = String.join(",", subProcessor.processingCountries());
        this.notifiedOn = notifiedOn;
    }

    public String vendorId() {
        return vendorId;
    }

    public String subProcessorId() {
        return subProcessorId;
    }

    public LocalDate notifiedOn() {
        return notifiedOn;
    }

    public SubProcessor subProcessor() {
        return new SubProcessor(name, country, parentCountry, activity, split(processingCountries));
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
