package se.molnkoll.query.certificates;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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

    /**
     * JPQL: the version of the row aliased {@code alias} that held at {@code :at}; for today's view the
     * current version, which the indexes find directly ({@code :at} is then {@link VersionedRow#NOW}).
     */
    private static String at(String alias, boolean now) {
        return now ? alias + ".recordedTo is null"
                : alias + ".recordedFrom <= :at and (" + alias + ".recordedTo is null or " + alias + ".recordedTo > :at)";
    }

    /**
     * Coverage rows c at stake, as known at :at: c counts, no other evidence renews it by :day (see
     * CoverageEntry.renewedFrom), and its (measure, phase) applies to the service's classification.
     */
    private static String atStake(boolean now) {
        return "c.counts = true and " + at("c", now) + " and c.renewedFrom > :day"
                + " and exists (select a from ApplicableMeasure a where a.serviceId = c.serviceId"
                + " and a.measureId = c.measureId and a.phase = c.phase and " + at("a", now) + ")";
    }

    /**
     * JPQL condition on CertificateAtStake x: at stake on :day (dated, counting towards an applicable
     * measure, not renewed by then, of a service in use) with its valid-until day in a range, as known
     * at :at. Counted and listed alike.
     */
    private static String atStakeIn(boolean now) {
        return at("x", now) + " and x.validUntil >= :earliest and x.validUntil <= :latest and x.atStakeUntil > :day";
    }

    /** Those certificates with their evidence and service as known at :at (one of each per row), most urgent first. */
    private static String certificates(boolean now) {
        return "select e, s.name, s.organisationUnit from CertificateAtStake x, EvidenceEntry e, CloudServiceEntry s"
                + " where " + atStakeIn(now) + " and e.evidenceId = x.evidenceId and " + at("e", now)
                + " and s.serviceId = x.serviceId and " + at("s", now)
                + " order by e.validUntil, s.name, e.evidenceId";
    }

    /** The measures at stake of each of the given evidence. */
    private static String measuresAtStake(boolean now) {
        return "select c.evidenceId, c.measureId from CoverageEntry c where c.evidenceId in :ids and " + atStake(now);
    }

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
        boolean now = VersionedRow.NOW.equals(at);
        return readOnly.execute(tx -> {
            List<Object[]> rows = withAt(entityManager.createQuery(certificates(now), Object[].class), now, at)
                    .setParameter("earliest", earliest).setParameter("latest", latest)
                    .setParameter("day", today).getResultList();
            if (rows.isEmpty()) {
                return List.of();
            }
            List<String> ids = rows.stream().map(row -> ((EvidenceEntry) row[0]).evidenceId()).toList();
            Map<String, List<MeasureId>> measures = withAt(entityManager.createQuery(measuresAtStake(now), Object[].class), now, at)
                    .setParameter("ids", ids).setParameter("day", today).getResultList().stream()
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

    /**
     * How many certificates {@link #certificates} lists of each status, counted on one table: the
     * dashboard needs only the numbers, and a portfolio can have tens of thousands expiring at once.
     */
    public Map<CertificateStatus, Long> counts(int withinDays, Instant at, LocalDate today) {
        boolean now = VersionedRow.NOW.equals(at);
        String count = "select count(x) from CertificateAtStake x where " + atStakeIn(now);
        return readOnly.execute(tx -> Map.of(
                CertificateStatus.EXPIRED, withAt(entityManager.createQuery(count, Long.class), now, at)
                        .setParameter("earliest", BEGINNING).setParameter("latest", today.minusDays(1))
                        .setParameter("day", today).getSingleResult(),
                CertificateStatus.EXPIRING, withAt(entityManager.createQuery(count, Long.class), now, at)
                        .setParameter("earliest", today).setParameter("latest", today.plusDays(withinDays))
                        .setParameter("day", today).getSingleResult()));
    }

    private static <T> TypedQuery<T> withAt(TypedQuery<T> query, boolean now, Instant at) {
        return now ? query : query.setParameter("at", at);
    }

    @QueryHandler
    public List<DueExpiry> handle(FindDueExpiries query) {
        LocalDate today = BusinessDates.today(clock);
        return readOnly.execute(tx -> entityManager.createQuery("""
                        select e.serviceId, e.evidenceId from EvidenceEntry e, CloudServiceEntry s
                        where s.serviceId = e.serviceId and e.recordedTo is null and s.recordedTo is null
                          and s.decommissioned = false and s.archived = false and e.withdrawn = false
                          and e.expiredOn is null and e.validUntil < :today
                        order by e.validUntil, e.evidenceId""", Object[].class)
                .setParameter("today", today)
                .setMaxResults(query.limit())
                .getResultList().stream()
                .map(row -> new DueExpiry(CloudServiceId.of((String) row[0]), EvidenceId.of((String) row[1])))
                .toList());
    }
}
