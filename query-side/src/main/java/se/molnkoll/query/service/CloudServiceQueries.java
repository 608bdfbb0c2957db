package se.molnkoll.query.service;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.compliance.MeasureStatusRule;
import se.molnkoll.kernel.compliance.Validity;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.Dashboard;
import se.molnkoll.kernel.query.DocumentView;
import se.molnkoll.kernel.query.EvidenceStatus;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.FindDashboard;
import se.molnkoll.kernel.query.FindPortfolioTotals;
import se.molnkoll.kernel.query.FindServiceMeasures;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.PhaseCounts;
import se.molnkoll.kernel.query.PortfolioTotals;
import se.molnkoll.kernel.query.RiskAcceptanceView;
import se.molnkoll.kernel.query.RiskProposalView;
import se.molnkoll.query.followup.FollowUpQueries;
import se.molnkoll.kernel.query.ServiceMeasures;
import se.molnkoll.query.certificates.CertificateQueries;
import se.molnkoll.query.measures.ApplicableMeasure;
import se.molnkoll.query.measures.ApplicableMeasures;
import se.molnkoll.query.measures.CoverageEntries;
import se.molnkoll.query.measures.CoverageEntry;
import se.molnkoll.query.measures.EvidenceEntries;
import se.molnkoll.query.measures.EvidenceEntry;
import se.molnkoll.query.measures.OpenMeasuresSteps;
import se.molnkoll.query.measures.RiskAcceptanceEntries;
import se.molnkoll.query.measures.RiskAcceptanceEntry;
import se.molnkoll.query.measures.ReviewDueEntries;
import se.molnkoll.query.measures.ReviewDueEntry;
import se.molnkoll.query.persistence.VersionedRow;
import se.molnkoll.query.register.CloudServiceEntries;
import se.molnkoll.query.register.CloudServiceEntry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

/**
 * The register, one service in full, measure statuses, portfolio totals and the dashboard, at any
 * {@link Moment}: read from the versions that held at its recorded time, statuses judged for its
 * business day. Today is one such moment, read the same way.
 */
@Component
public class CloudServiceQueries {

    private final CloudServiceEntries services;
    private final ApplicableMeasures applicable;
    private final EvidenceEntries evidence;
    private final CoverageEntries coverage;
    private final RiskAcceptanceEntries riskAcceptances;
    private final ReviewDueEntries reviewsDue;
    private final OpenMeasuresSteps openMeasures;
    private final CertificateQueries certificates;
    private final FollowUpQueries followUp;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    private final se.molnkoll.query.vendors.ServiceLocationEntries locations;

    public CloudServiceQueries(CloudServiceEntries services, ApplicableMeasures applicable, EvidenceEntries evidence,
                               CoverageEntries coverage, RiskAcceptanceEntries riskAcceptances, ReviewDueEntries reviewsDue,
                               OpenMeasuresSteps openMeasures, CertificateQueries certificates, FollowUpQueries followUp,
                               se.molnkoll.query.vendors.ServiceLocationEntries locations, Clock clock,
                               PlatformTransactionManager transactions) {
        this.locations = locations;
        this.followUp = followUp;
        this.services = services;
        this.applicable = applicable;
        this.evidence = evidence;
        this.coverage = coverage;
        this.riskAcceptances = riskAcceptances;
        this.reviewsDue = reviewsDue;
        this.openMeasures = openMeasures;
        this.certificates = certificates;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @QueryHandler
    public List<CloudServiceSummary> handle(FindCloudServices query) {
        Instant at = query.moment().knownAtOr(VersionedRow.NOW);
        LocalDate day = query.moment().day(clock);
        return readOnly.execute(tx -> {
            Map<String, Map<Phase, Long>> open = new HashMap<>();
            for (Object[] row : openMeasures.countOpenPerServiceAndPhase(day, at)) {
                open.computeIfAbsent((String) row[0], id -> new HashMap<>()).put((Phase) row[1], (Long) row[2]);
            }
            return services.allAt(at).stream()
                    .map(s -> new CloudServiceSummary(CloudServiceId.of(s.serviceId()), s.name(), s.vendor(),
                            s.organisationUnit(), s.phase(), s.classified(), s.decommissioned(),
                            PhaseCounts.of(open.getOrDefault(s.serviceId(), Map.of()))))
                    .toList();
        });
    }

    @QueryHandler
    public Optional<CloudServiceView> handle(FindCloudService query) {
        Instant at = query.moment().knownAtOr(VersionedRow.NOW);
        LocalDate day = query.moment().day(clock);
        String serviceId = query.cloudServiceId().value();
        return readOnly.execute(tx -> services.at(serviceId, at).map(s -> {
            MeasureRows rows = measureRows(serviceId, at);
            List<MeasureStatusView> statuses = statuses(rows, day);
            Map<Phase, Long> open = statuses.stream().filter(m -> m.status().isOpen())
                    .collect(groupingBy(MeasureStatusView::phase, Collectors.counting()));
            return new CloudServiceView(query.cloudServiceId(), s.name(), s.vendor(), s.serviceModel(),
                    s.organisationUnit(), s.owner(), s.phase(), s.decommissioned(), s.archivedBecause(), s.classification(),
                    s.registeredAt(), query.moment().knownAt(), day, PhaseCounts.of(open), statuses,
                    evidenceOf(serviceId, rows, at, day), riskAcceptancesOf(rows, day),
                    followUp.proposals(at, null, serviceId));
        }));
    }

    @QueryHandler
    public Optional<ServiceMeasures> handle(FindServiceMeasures query) {
        Instant at = query.moment().knownAtOr(VersionedRow.NOW);
        LocalDate day = query.moment().day(clock);
        String serviceId = query.cloudServiceId().value();
        return readOnly.execute(tx -> services.at(serviceId, at)
                .map(s -> new ServiceMeasures(query.cloudServiceId(), statuses(measureRows(serviceId, at), day).stream()
                        .filter(m -> query.phase() == null || m.phase() == query.phase())
                        .toList())));
    }

    @QueryHandler
    public PortfolioTotals handle(FindPortfolioTotals query) {
        return totals(query.moment().knownAtOr(VersionedRow.NOW), query.moment().day(clock));
    }

    @QueryHandler
    public Dashboard handle(FindDashboard query) {
        Instant at = query.moment().knownAtOr(VersionedRow.NOW);
        LocalDate day = query.moment().day(clock);
        PortfolioTotals totals = totals(at, day);
        Map<CertificateStatus, Long> certificatesByStatus = certificates.counts(query.expiringWithinDays(), at, day);
        return new Dashboard(totals.servicesPerPhase(), totals.openMeasuresPerPhase(),
                certificatesByStatus.getOrDefault(CertificateStatus.EXPIRED, 0L),
                certificatesByStatus.getOrDefault(CertificateStatus.EXPIRING, 0L),
                totals.unclassifiedServices(), totals.services(), totals.decommissionedServices(),
                query.expiringWithinDays(), followUp.ending(at, day, query.expiringWithinDays()).size(),
                followUp.proposals(at, RiskProposalView.State.PENDING, null).size(), followUp.overduePerUnit(at, day), followUp.reviews(at, null, true).size(),
                locationConflictsPerUnit(at), query.moment().knownAt(), day);
    }

    private Map<String, Long> locationConflictsPerUnit(Instant at) {
        return readOnly.execute(tx -> {
            Map<String, Long> perUnit = new java.util.TreeMap<>();
            locations.conflictsPerUnit(at).forEach(row -> perUnit.put((String) row[0], (Long) row[1]));
            return perUnit;
        });
    }

    /**
     * Two passes over two tables, added up here: joined in the database, the open counts of thousands
     * of services in use took seconds whenever the planner misjudged how many there are.
     */
    private PortfolioTotals totals(Instant at, LocalDate day) {
        return readOnly.execute(tx -> {
            Map<Phase, Long> servicesPerPhase = new HashMap<>();
            Set<String> active = new HashSet<>();
            Set<String> decommissioned = new HashSet<>();
            long unclassified = 0;
            for (Object[] row : services.states(at)) {
                if ((Boolean) row[2]) {
                    decommissioned.add((String) row[0]);
                } else {
                    active.add((String) row[0]);
                    servicesPerPhase.merge((Phase) row[1], 1L, Long::sum);
                    unclassified += (Boolean) row[3] ? 0 : 1;
                }
            }
            Map<Phase, Long> openPerPhase = new HashMap<>();
            for (Object[] row : openMeasures.countOpenPerServiceAndPhase(day, at)) {
                // the open work of services in use: not decommissioned, not archived (those are not in the states)
                if (active.contains((String) row[0])) {
                    openPerPhase.merge((Phase) row[1], (Long) row[2], Long::sum);
                }
            }
            return new PortfolioTotals(active.size(), PhaseCounts.of(servicesPerPhase), PhaseCounts.of(openPerPhase),
                    unclassified, decommissioned.size());
        });
    }

    /** A service's measures rows as known at a moment, each read once for a view. */
    private record MeasureRows(List<ApplicableMeasure> applicable, List<CoverageEntry> coverage,
                               List<RiskAcceptanceEntry> riskAcceptances, List<ReviewDueEntry> reviewsDue) {
    }

    private MeasureRows measureRows(String serviceId, Instant at) {
        return new MeasureRows(applicable.at(serviceId, at), coverage.ofServiceAt(serviceId, at),
                riskAcceptances.ofServiceAt(serviceId, at), reviewsDue.ofServiceAt(serviceId, at));
    }

    /** Every applicable (measure, phase) of the service with its status on the day, by measure then phase. */
    private static List<MeasureStatusView> statuses(MeasureRows rows, LocalDate day) {
        Map<MeasurePhase, List<CoverageEntry>> evidenceByPair = rows.coverage().stream()
                .filter(CoverageEntry::counts)
                .collect(groupingBy(CoverageEntry::pair));
        Map<MeasurePhase, List<Validity>> acceptancesByPair = rows.riskAcceptances().stream()
                .filter(RiskAcceptanceEntry::counts)
                .collect(groupingBy(RiskAcceptanceEntry::pair, mapping(RiskAcceptanceEntry::validity, toList())));
        Map<MeasurePhase, List<Validity>> dueByPair = rows.reviewsDue().stream()
                .collect(groupingBy(ReviewDueEntry::pair, mapping(ReviewDueEntry::validity, toList())));
        return rows.applicable().stream()
                .map(ApplicableMeasure::pair)
                .sorted()
                .map(pair -> {
                    List<CoverageEntry> covering = evidenceByPair.getOrDefault(pair, List.of());
                    MeasureStatus status = MeasureStatusRule.statusOn(day,
                            covering.stream().map(CoverageEntry::validity).toList(),
                            acceptancesByPair.getOrDefault(pair, List.of()), dueByPair.getOrDefault(pair, List.of()));
                    return new MeasureStatusView(pair.measureId(), pair.phase(), status, covering.stream()
                            .map(c -> EvidenceId.of(c.evidenceId())).sorted(Comparator.comparing(EvidenceId::value)).toList());
                })
                .toList();
    }

    private List<EvidenceView> evidenceOf(String serviceId, MeasureRows rows, Instant at, LocalDate day) {
        Map<String, List<MeasurePhase>> covers = rows.coverage().stream()
                .collect(groupingBy(CoverageEntry::evidenceId, mapping(CoverageEntry::pair, toList())));
        return evidence.ofServiceAt(serviceId, at).stream()
                .map(e -> new EvidenceView(EvidenceId.of(e.evidenceId()), e.kind(), e.title(), e.issuer(),
                        e.receivedOn(), e.validFrom(), e.validUntil(), e.documentSha256(), e.reference(),
                        covers.getOrDefault(e.evidenceId(), List.of()).stream().sorted().toList(),
                        e.withdrawn(), e.withdrawalReason(), e.recordedAt(), e.recordedBy(), statusOf(e, day),
                        e.expiredOn(), e.hasDocument() ? new DocumentView(e.documentFileName(), e.documentMediaType(),
                        e.documentSizeBytes(), e.documentAttachedSha256(), e.documentAttachedAt()) : null))
                .toList();
    }

    private static EvidenceStatus statusOf(EvidenceEntry e, LocalDate day) {
        Validity validity = Validity.ofEvidence(e.validFrom(), e.receivedOn(), e.validUntil());
        if (e.withdrawn()) return EvidenceStatus.WITHDRAWN;
        if (validity.endedBefore(day)) return EvidenceStatus.EXPIRED;
        return validity.includes(day) ? EvidenceStatus.VALID : EvidenceStatus.NOT_YET_VALID;
    }

    private static List<RiskAcceptanceView> riskAcceptancesOf(MeasureRows rows, LocalDate day) {
        return rows.riskAcceptances().stream()
                .map(r -> new RiskAcceptanceView(r.pair().measureId(), r.pair().phase(), r.riskOwner(), r.motivation(),
                        r.acceptedOn(), r.validUntil(), r.counts() && r.validity().includes(day), r.revokedFrom(),
                        r.revocationReason(), r.recordedAt(), r.recordedBy(), r.proposalId() != null, r.proposalId(),
                        r.residualRisk(), r.proposedBy(), r.approvalNote(), r.endedOn()))
                .toList();
    }
}
