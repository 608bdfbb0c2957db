package se.molnkoll.query.vendors;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.DeclaredLocations;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.catalogue.CountryRules;
import se.molnkoll.kernel.query.CountryRulesView;
import se.molnkoll.kernel.query.FindCountryRules;
import se.molnkoll.kernel.query.FindLocationHistory;
import se.molnkoll.kernel.query.FindServiceLocations;
import se.molnkoll.kernel.query.FindVendor;
import se.molnkoll.kernel.query.FindVendorLinkProposals;
import se.molnkoll.kernel.query.FindVendors;
import se.molnkoll.kernel.query.LocationCheckPeriod;
import se.molnkoll.kernel.query.ServiceLocationsView;
import se.molnkoll.kernel.query.VendorLinkProposal;
import se.molnkoll.kernel.query.VendorSummary;
import se.molnkoll.kernel.query.VendorView;
import se.molnkoll.kernel.vendor.VendorDetails;
import se.molnkoll.kernel.vendor.VendorNames;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The vendors, where services' data goes and what the location check finds, the country rules, and links to propose. */
@Component
public class VendorQueries {

    private final VendorEntries vendors;
    private final VendorContactEntries contacts;
    private final SubProcessorEntries subProcessors;
    private final CountryRuleEntries countryRules;
    private final ServiceLocationEntries locations;
    private final CountryRules shipped;
    private final TransactionTemplate readOnly;
    private final VendorEvidenceEntries vendorEvidence;
    private final AdoptionEntries adoptions;
    private final java.time.Clock clock;

    public VendorQueries(VendorEntries vendors, VendorContactEntries contacts, SubProcessorEntries subProcessors,
                         CountryRuleEntries countryRules, ServiceLocationEntries locations, CountryRules shipped,
                         VendorEvidenceEntries vendorEvidence, AdoptionEntries adoptions, java.time.Clock clock,
                         PlatformTransactionManager transactions) {
        this.vendorEvidence = vendorEvidence;
        this.adoptions = adoptions;
        this.clock = clock;
        this.vendors = vendors;
        this.contacts = contacts;
        this.subProcessors = subProcessors;
        this.countryRules = countryRules;
        this.locations = locations;
        this.shipped = shipped;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @QueryHandler
    public List<VendorSummary> handle(FindVendors query) {
        Instant at = query.moment().knownAtOr(VersionedRow.NOW);
        return readOnly.execute(tx -> {
            Map<String, int[]> counts = new HashMap<>();
            for (Object[] row : locations.at(at, null, false)) {
                ServiceLocationEntry entry = (ServiceLocationEntry) row[0];
                if (entry.vendorId() != null) {
                    int[] c = counts.computeIfAbsent(entry.vendorId(), v -> new int[3]);
                    c[0]++;
                    c[2] += entry.inConflict() ? 1 : 0;
                }
            }
            subProcessors.all(at).forEach(s -> counts.computeIfAbsent(s.vendorId(), v -> new int[3])[1]++);
            return vendors.all(at).stream().map(v -> {
                int[] c = counts.getOrDefault(v.vendorId(), new int[3]);
                return new VendorSummary(VendorId.of(v.vendorId()), v.details(), c[0], c[1], c[2]);
            }).toList();
        });
    }

    @QueryHandler
    public Optional<VendorView> handle(FindVendor query) {
        Instant at = query.moment().knownAtOr(VersionedRow.NOW);
        String id = query.vendorId().value();
        return readOnly.execute(tx -> vendors.at(id, at).map(v -> new VendorView(query.vendorId(), v.details(), v.registeredAt(),
                v.registeredBy(), contacts.at(id, at).stream().map(VendorContactEntry::contact).toList(),
                subProcessors.at(id, at).stream().map(s -> new VendorView.EngagedSubProcessor(s.subProcessorId(), s.subProcessor(),
                        s.notifiedOn())).toList(),
                locations.ofVendorAt(id, at).stream()
                        .map(row -> new VendorView.LinkedService(CloudServiceId.of(((ServiceLocationEntry) row[0]).serviceId()),
                                (String) row[1], (String) row[2], ((ServiceLocationEntry) row[0]).inConflict())).toList(),
                evidenceOf(id, at, query.moment().day(clock)))));
    }

    private List<VendorView.EvidenceAtVendor> evidenceOf(String vendorId, Instant at, java.time.LocalDate day) {
        Map<String, List<VendorView.Adopter>> adopters = new HashMap<>();
        for (Object[] row : adoptions.ofVendorAt(vendorId, at)) {
            AdoptionEntry adoption = (AdoptionEntry) row[0];
            adopters.computeIfAbsent(adoption.vendorEvidenceId(), e -> new ArrayList<>()).add(new VendorView.Adopter(
                    CloudServiceId.of(adoption.serviceId()), (String) row[1], (String) row[2], List.of(adoption.covers().split(","))));
        }
        return vendorEvidence.at(vendorId, at).stream().map(e -> new VendorView.EvidenceAtVendor(e.vendorEvidenceId(), e.evidence(),
                status(e, day), e.withdrawnBecause(), adopters.getOrDefault(e.vendorEvidenceId(), List.of()))).toList();
    }

    private static String status(VendorEvidenceEntry e, java.time.LocalDate day) {
        if (e.withdrawnBecause() != null) return "WITHDRAWN";
        se.molnkoll.kernel.vendor.VendorEvidence v = e.evidence();
        if (v.validUntil() != null && day.isAfter(v.validUntil())) return "EXPIRED";
        java.time.LocalDate from = v.validFrom() != null ? v.validFrom() : v.receivedOn();
        return day.isBefore(from) ? "NOT_YET_VALID" : "VALID";
    }

    /** The services whose copy of the vendor's evidence is not withdrawn: (service id, the copy's evidence id). */
    @QueryHandler
    public List<se.molnkoll.kernel.query.VendorEvidenceAdoption> handle(se.molnkoll.kernel.query.FindVendorEvidenceAdoptions query) {
        return readOnly.execute(tx -> adoptions.currentOfEvidence(query.vendorEvidenceId()).stream()
                .map(a -> new se.molnkoll.kernel.query.VendorEvidenceAdoption(CloudServiceId.of(a.serviceId()),
                        se.molnkoll.kernel.EvidenceId.of(a.evidenceId()))).toList());
    }

    @QueryHandler
    public List<ServiceLocationsView> handle(FindServiceLocations query) {
        Instant at = query.moment().knownAtOr(VersionedRow.NOW);
        return readOnly.execute(tx -> {
            if (query.serviceId() != null) {
                // one service (its page): only its own row, vendor and sub-processors are read
                return locations.oneAt(query.serviceId().value(), at).stream().map(row -> {
                    ServiceLocationEntry entry = (ServiceLocationEntry) row[0];
                    Map<String, VendorDetails> vendorAt = new HashMap<>();
                    Map<String, SubProcessorEntry> subProcessorsAt = new HashMap<>();
                    if (entry.vendorId() != null) {
                        vendors.at(entry.vendorId(), at).ifPresent(v -> vendorAt.put(v.vendorId(), v.details()));
                        subProcessors.at(entry.vendorId(), at).forEach(sp -> subProcessorsAt.put(sp.subProcessorId(), sp));
                    }
                    return view(entry, (String) row[1], (String) row[2], (String) row[3], vendorAt, subProcessorsAt);
                }).filter(v -> !query.conflictOnly() || v.inConflict()).toList();
            }
            Map<String, VendorDetails> vendorsAt = new HashMap<>();
            vendors.all(at).forEach(v -> vendorsAt.put(v.vendorId(), v.details()));
            Map<String, SubProcessorEntry> subProcessorsAt = new HashMap<>();
            subProcessors.all(at).forEach(s -> subProcessorsAt.put(s.subProcessorId(), s));
            return locations.at(at, query.organisationUnit(), query.conflictOnly()).stream()
                    .map(row -> view((ServiceLocationEntry) row[0], (String) row[1], (String) row[2], (String) row[3], vendorsAt,
                            subProcessorsAt))
                    .toList();
        });
    }

    @QueryHandler
    public List<LocationCheckPeriod> handle(FindLocationHistory query) {
        return readOnly.execute(tx -> {
            List<LocationCheckPeriod> periods = new ArrayList<>();
            for (ServiceLocationEntry version : locations.history(query.serviceId().value())) {
                LocationCheckPeriod last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
                if (last != null && ServiceLocationEntry.key(last.conflicts()).equals(ServiceLocationEntry.key(version.conflicts()))) {
                    periods.set(periods.size() - 1, new LocationCheckPeriod(last.from(), version.recordedTo(), last.conflicts()));
                } else {
                    periods.add(new LocationCheckPeriod(version.recordedFrom(), version.recordedTo(), version.conflicts()));
                }
            }
            return periods;
        });
    }

    @QueryHandler
    public CountryRulesView handle(FindCountryRules query) {
        Instant at = query.moment().knownAtOr(VersionedRow.NOW);
        return readOnly.execute(tx -> {
            Map<String, CountryRulesView.Country> countries = new TreeMap<>();
            shipped.listed().forEach((country, rule) -> countries.put(country, new CountryRulesView.Country(country, rule, null, null, null)));
            for (CountryRuleEntry change : countryRules.at(at)) {
                countries.put(change.country(), new CountryRulesView.Country(change.country(), change.rule(), change.reason(),
                        change.changedBy(), change.recordedFrom()));
            }
            return new CountryRulesView(shipped.source(), shipped.asOf(), List.copyOf(countries.values()));
        });
    }

    @QueryHandler
    public List<VendorLinkProposal> handle(FindVendorLinkProposals query) {
        return readOnly.execute(tx -> {
            List<VendorEntry> records = vendors.all(VersionedRow.NOW);
            return locations.at(VersionedRow.NOW, null, false).stream()
                    .filter(row -> ((ServiceLocationEntry) row[0]).vendorId() == null)
                    .map(row -> {
                        Optional<VendorEntry> match = VendorNames.bestMatch((String) row[3], records, v -> v.details().name());
                        return new VendorLinkProposal(CloudServiceId.of(((ServiceLocationEntry) row[0]).serviceId()), (String) row[1],
                                (String) row[2], (String) row[3], match.map(v -> VendorId.of(v.vendorId())).orElse(null),
                                match.map(v -> v.details().name()).orElse(null));
                    })
                    .toList();
        });
    }

    private static ServiceLocationsView view(ServiceLocationEntry entry, String name, String unit, String vendorText,
                                             Map<String, VendorDetails> vendorsAt, Map<String, SubProcessorEntry> subProcessorsAt) {
        VendorDetails vendor = entry.vendorId() == null ? null : vendorsAt.get(entry.vendorId());
        DeclaredLocations declared = entry.locations();
        List<ServiceLocationsView.UsedSubProcessor> used = declared == null ? List.of() : declared.subProcessorIds().stream()
                .map(id -> {
                    SubProcessorEntry found = subProcessorsAt.get(id);
                    // only the linked vendor's count, as in the check
                    SubProcessorEntry s = found != null && found.vendorId().equals(entry.vendorId()) ? found : null;
                    return s == null ? new ServiceLocationsView.UsedSubProcessor(id, null, null, null, List.of(), false)
                            : new ServiceLocationsView.UsedSubProcessor(id, s.subProcessor().name(), s.subProcessor().country(),
                            s.subProcessor().activity(), s.subProcessor().processingCountries(), true);
                }).toList();
        var classification = entry.classification();
        return new ServiceLocationsView(CloudServiceId.of(entry.serviceId()), name, unit, vendorText,
                entry.vendorId() == null ? null : VendorId.of(entry.vendorId()), vendor == null ? null : vendor.name(),
                vendor == null ? null : vendor.country(), vendor == null ? null : vendor.parentCompany(),
                vendor == null ? null : vendor.parentCountry(),
                classification == null ? null : classification.allowedLocations(),
                classification == null ? null : classification.personalData(),
                classification == null ? null : classification.ownershipRequirement(),
                declared, used, entry.conflicts(), entry.foundSince());
    }
}
