package se.molnkoll.query.certificates;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.DueExpiry;
import se.molnkoll.kernel.query.FindCertificates;
import se.molnkoll.kernel.query.FindDueExpiries;
import se.molnkoll.query.measures.EvidenceEntry;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Expired and expiring certificates at any moment, and the expiries due today. */
@Component
public class CertificateQueries {

    private static String at(String alias) {
        return alias + ".recordedFrom <= :at and (" + alias + ".recordedTo is null or " + alias + ".recordedTo > :at)";
    }

    /**
     * A coverage row c still at stake, as known at :at: it counts, its (measure, phase) applies to the
     * service's classification, and no other evidence renews it. Renewing evidence counts too and
     * takes over without a gap: it is valid on the first day c is not (or, once c has lapsed, on
     * :day) and lasts longer. "x <= greatest(a, b)" is written "x <= a or x <= b", which JPQL can say.
     */
    private static final String AT_STAKE = "c.counts = true and " + at("c")
            + " and exists (select a from ApplicableMeasure a where a.serviceId = c.serviceId"
            + " and a.measureId = c.measureId and a.phase = c.phase and " + at("a") + ")"
            + " and not exists (select o from CoverageEntry o where o.serviceId = c.serviceId"
            + " and o.measureId = c.measureId and o.phase = c.phase and o.counts = true and " + at("o")
            + " and o.evidenceId <> c.evidenceId"
            + " and (o.validFrom is null or o.validFrom <= c.expiresOn or o.validFrom <= :day)"
            + " and (o.expiresOn is null or (o.expiresOn > c.expiresOn and o.expiresOn > :day)))";

    /** Dated, not withdrawn evidence of services in use, with something at stake, as known at :at. */
    private static final String CERTIFICATES = "select e, s.name, s.organisationUnit from EvidenceEntry e, CloudServiceEntry s"
            + " where s.serviceId = e.serviceId and " + at("e") + " and " + at("s")
            + " and s.decommissioned = false and e.withdrawn = false"
            + " and e.validUntil is not null and e.validUntil >= :earliest and e.validUntil <= :latest"
            + " and exists (select c from CoverageEntry c where c.evidenceId = e.evidenceId and " + AT_STAKE + ")"
            + " order by e.validUntil, s.name, e.evidenceId";

    /** The measures at stake of each of the given evidence. */
    private static final String MEASURES_AT_STAKE =
            "select c.evidenceId, c.measureId from CoverageEntry c where c.evidenceId in :ids and " + AT_STAKE;

    private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    @PersistenceContext
    private EntityManager entityManager;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    public CertificateQueries(Clock clock, PlatformTransactionManager transactions) {
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @QueryHandler
    public List<CertificateView> handle(FindCertificates query) {
        return certificates(query.status(), query.withinDays(), query.moment().knownAtOr(VersionedRow.NOW),
                query.moment().day(clock));
    }

    /** The certificates of a status (both when null), as known at {@code at}, for the day, most urgent first. */
    public List<CertificateView> certificates(CertificateStatus status, int withinDays, Instant at, LocalDate today) {
        LocalDate earliest = status == CertificateStatus.EXPIRING ? today : BEGINNING;
        LocalDate latest = status == CertificateStatus.EXPIRED ? today.minusDays(1) : today.plusDays(withinDays);
        return readOnly.execute(tx -> {
            List<Object[]> rows = entityManager.createQuery(CERTIFICATES, Object[].class)
                    .setParameter("earliest", earliest).setParameter("latest", latest).setParameter("at", at)
                    .setParameter("day", today).getResultList();
            if (rows.isEmpty()) {
                return List.of();
            }
            List<String> ids = rows.stream().map(row -> ((EvidenceEntry) row[0]).evidenceId()).toList();
            Map<String, List<MeasureId>> measures = entityManager.createQuery(MEASURES_AT_STAKE, Object[].class)
                    .setParameter("ids", ids).setParameter("at", at).setParameter("day", today).getResultList().stream()
                    .collect(Collectors.groupingBy(row -> (String) row[0], Collectors.mapping(
                            row -> new MeasureId((Integer) row[1]), Collectors.collectingAndThen(
                                    Collectors.toCollection(TreeSet::new), List::copyOf))));
            return rows.stream().map(row -> {
                EvidenceEntry e = (EvidenceEntry) row[0];
                long daysLeft = ChronoUnit.DAYS.between(today, e.validUntil());
                return new CertificateView(CloudServiceId.of(e.serviceId()), (String) row[1], (String) row[2],
                        EvidenceId.of(e.evidenceId()), e.kind(), e.title(), e.issuer(),
                        measures.getOrDefault(e.evidenceId(), List.of()), e.validUntil(), daysLeft,
                        daysLeft < 0 ? CertificateStatus.EXPIRED : CertificateStatus.EXPIRING);
            }).toList();
        });
    }

    @QueryHandler
    public List<DueExpiry> handle(FindDueExpiries query) {
        LocalDate today = BusinessDates.today(clock);
        return readOnly.execute(tx -> entityManager.createQuery("""
                        select e.serviceId, e.evidenceId from EvidenceEntry e, CloudServiceEntry s
                        where s.serviceId = e.serviceId and e.recordedTo is null and s.recordedTo is null
                          and s.decommissioned = false and e.withdrawn = false
                          and e.expiredOn is null and e.validUntil < :today
                        order by e.validUntil, e.evidenceId""", Object[].class)
                .setParameter("today", today)
                .setMaxResults(query.limit())
                .getResultList().stream()
                .map(row -> new DueExpiry(CloudServiceId.of((String) row[0]), EvidenceId.of((String) row[1])))
                .toList());
    }
}
