package se.molnkoll.query.vendors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.catalogue.CountryRules;
import se.molnkoll.kernel.compliance.LocationCheck;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.ContactPointChanged;
import se.molnkoll.kernel.event.CountryRuleChanged;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.event.LocationsDeclared;
import se.molnkoll.kernel.event.SubProcessorAdded;
import se.molnkoll.kernel.event.SubProcessorChanged;
import se.molnkoll.kernel.event.SubProcessorRemoved;
import se.molnkoll.kernel.event.VendorDetailsCorrected;
import se.molnkoll.kernel.event.VendorLinked;
import se.molnkoll.kernel.event.VendorRegistered;
import se.molnkoll.kernel.vendor.SubProcessor;
import se.molnkoll.kernel.vendor.VendorDetails;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.persistence.ReadModelTables;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps the vendors (details, contacts, sub-processors), the administrators' country rules, and for each
 * service what the location check knows and finds: re-checked whenever its classification, its vendor
 * link or its declared locations change, whenever its vendor's details or sub-processors change, and
 * whenever a country's rule changes. One version per change, so a conflict's beginning and end are
 * moments of recorded time.
 */
@Component
@ProcessingGroup(ReadModels.VENDORS)
public class VendorProjection {

    private final VendorEntries vendors;
    private final VendorContactEntries contacts;
    private final SubProcessorEntries subProcessors;
    private final CountryRuleEntries countryRules;
    private final ServiceLocationEntries locations;
    private final CountryRules shipped;
    private final VendorEvidenceEntries vendorEvidence;
    private final AdoptionEntries adoptions;
    @PersistenceContext
    private EntityManager entityManager;

    public VendorProjection(VendorEntries vendors, VendorContactEntries contacts, SubProcessorEntries subProcessors,
                            CountryRuleEntries countryRules, ServiceLocationEntries locations, CountryRules shipped,
                            VendorEvidenceEntries vendorEvidence, AdoptionEntries adoptions) {
        this.vendorEvidence = vendorEvidence;
        this.adoptions = adoptions;
        this.vendors = vendors;
        this.contacts = contacts;
        this.subProcessors = subProcessors;
        this.countryRules = countryRules;
        this.locations = locations;
        this.shipped = shipped;
    }

    @EventHandler
    void on(VendorRegistered event, @Timestamp Instant at, @MetaDataValue(EventMetaData.ACTOR) String actor) {
        vendors.save(new VendorEntry(event.vendorId().value(), event.details(), at, actor));
    }

    @EventHandler
    void on(VendorDetailsCorrected event, @Timestamp Instant at) {
        vendors.save(vendor(event.vendorId().value()).next(at, event.after()));
        recheckServicesOf(event.vendorId().value(), at);
    }

    @EventHandler
    void on(ContactPointChanged event, @Timestamp Instant at) {
        contacts.current(event.vendorId().value(), event.purpose()).ifPresent(current -> current.close(at));
        if (event.after() != null) {
            contacts.save(new VendorContactEntry(event.vendorId().value(), event.after(), at));
        }
    }

    @EventHandler
    void on(SubProcessorAdded event, @Timestamp Instant at) {
        subProcessors.save(new SubProcessorEntry(event.vendorId().value(), event.subProcessorId(), event.subProcessor(),
                event.notifiedOn(), at));
        recheckServicesOf(event.vendorId().value(), at);
    }

    @EventHandler
    void on(SubProcessorChanged event, @Timestamp Instant at) {
        subProcessors.current(event.subProcessorId()).ifPresent(current -> current.close(at));
        subProcessors.save(new SubProcessorEntry(event.vendorId().value(), event.subProcessorId(), event.after(),
                event.notifiedOn(), at));
        recheckServicesOf(event.vendorId().value(), at);
    }

    @EventHandler
    void on(SubProcessorRemoved event, @Timestamp Instant at) {
        subProcessors.current(event.subProcessorId()).ifPresent(current -> current.close(at));
        recheckServicesOf(event.vendorId().value(), at);
    }

    @EventHandler
    void on(se.molnkoll.kernel.event.VendorEvidenceRecorded event, @Timestamp Instant at) {
        vendorEvidence.save(new VendorEvidenceEntry(event.vendorId().value(), event.vendorEvidenceId(), event.evidence(), at));
    }

    @EventHandler
    void on(se.molnkoll.kernel.event.VendorEvidenceWithdrawn event, @Timestamp Instant at) {
        vendorEvidence.current(event.vendorEvidenceId()).ifPresent(current -> vendorEvidence.save(current.withdrawnAt(at, event.reason())));
    }

    @EventHandler
    void on(se.molnkoll.kernel.event.VendorEvidenceAdopted event, @Timestamp Instant at) {
        adoptions.save(new AdoptionEntry(event.vendorId().value(), event.vendorEvidenceId(), event.cloudServiceId().value(),
                event.evidenceId().value(), String.join(",", event.covers().stream().map(Object::toString).toList()), at));
    }

    /** A service's copy withdrawn (by the service, or because the vendor's was): the service no longer leans on it. */
    @EventHandler
    void on(se.molnkoll.kernel.event.EvidenceWithdrawn event, @Timestamp Instant at) {
        adoptions.currentOf(event.evidenceId().value()).ifPresent(current -> current.close(at));
    }

    @EventHandler
    void on(CountryRuleChanged event, @Timestamp Instant at, @MetaDataValue(EventMetaData.ACTOR) String actor) {
        countryRules.current(event.country()).ifPresent(current -> current.close(at));
        countryRules.save(new CountryRuleEntry(event.country(), event.after(), event.reason(), actor, at));
        CountryRules rules = rulesInForce();
        locations.currentDeclared().forEach(entry -> recheck(entry, at, rules));
    }

    @EventHandler
    void on(CloudServiceRegistered event, @Timestamp Instant at) {
        locations.save(new ServiceLocationEntry(event.cloudServiceId().value(), at));
    }

    @EventHandler
    void on(ClassificationSet event, @Timestamp Instant at) {
        change(event.cloudServiceId().value(), at, entry -> entry.classify(event.classification()));
    }

    @EventHandler
    void on(VendorLinked event, @Timestamp Instant at) {
        change(event.cloudServiceId().value(), at, entry -> entry.link(event.vendorId().value()));
    }

    @EventHandler
    void on(LocationsDeclared event, @Timestamp Instant at) {
        change(event.cloudServiceId().value(), at, entry -> entry.declare(event.locations()));
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(entityManager, VendorEntry.class);
        ReadModelTables.empty(entityManager, VendorContactEntry.class);
        ReadModelTables.empty(entityManager, SubProcessorEntry.class);
        ReadModelTables.empty(entityManager, CountryRuleEntry.class);
        ReadModelTables.empty(entityManager, ServiceLocationEntry.class);
        ReadModelTables.empty(entityManager, VendorEvidenceEntry.class);
        ReadModelTables.empty(entityManager, AdoptionEntry.class);
    }

    /** The country rules in force now: the shipped ones with every administrator's change. */
    CountryRules rulesInForce() {
        return rulesAt(countryRules, shipped, VersionedRow.NOW);
    }

    static CountryRules rulesAt(CountryRuleEntries changes, CountryRules shipped, Instant at) {
        CountryRules rules = shipped;
        for (CountryRuleEntry change : changes.at(at)) {
            rules = rules.with(change.country(), change.rule());
        }
        return rules;
    }

    /** A service's own change: always a new version, with what the check finds after it. */
    private void change(String serviceId, Instant at, Consumer<ServiceLocationEntry> change) {
        ServiceLocationEntry current = locations.current(serviceId).orElseThrow(() -> new IllegalStateException(
                "No location entry for cloud service " + serviceId + "; its registration must be processed first"));
        ServiceLocationEntry next = current.next(at);
        change.accept(next);
        next.found(check(next, rulesInForce()));
        locations.save(next);
    }

    private void recheckServicesOf(String vendorId, Instant at) {
        CountryRules rules = rulesInForce();
        locations.currentOfVendor(vendorId).forEach(entry -> recheck(entry, at, rules));
    }

    /** A change around the service: a new version only if the check finds something else. */
    private void recheck(ServiceLocationEntry current, Instant at, CountryRules rules) {
        List<LocationCheck.Conflict> found = check(current, rules);
        if (!current.finds(found)) {
            ServiceLocationEntry next = current.next(at);
            next.found(found);
            locations.save(next);
        }
    }

    private List<LocationCheck.Conflict> check(ServiceLocationEntry entry, CountryRules rules) {
        if (entry.classification() == null || entry.locations() == null) {
            return List.of();
        }
        VendorDetails vendor = entry.vendorId() == null ? null : vendors.current(entry.vendorId()).map(VendorEntry::details).orElse(null);
        Map<String, SubProcessor> engaged = new LinkedHashMap<>();
        if (entry.vendorId() != null) {
            subProcessors.at(entry.vendorId(), VersionedRow.NOW).forEach(s -> engaged.put(s.subProcessorId(), s.subProcessor()));
        }
        return LocationCheck.check(entry.classification(), entry.locations(), vendor, engaged, rules);
    }

    private VendorEntry vendor(String vendorId) {
        return vendors.current(vendorId).orElseThrow(() -> new IllegalStateException(
                "No vendor " + vendorId + "; its registration must be processed first"));
    }
}
