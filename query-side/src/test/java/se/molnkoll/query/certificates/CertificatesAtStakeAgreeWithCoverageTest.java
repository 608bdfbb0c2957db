package se.molnkoll.query.certificates;

import se.molnkoll.query.EventStream;
import se.molnkoll.query.Histories;
import se.molnkoll.query.QueryTestApplication;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.measures.MeasureStatusProjection;
import se.molnkoll.query.persistence.VersionedRow;
import se.molnkoll.query.register.RegisterProjection;
import se.molnkoll.query.service.CloudServiceQueries;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.query.QueryTestApplication.TODAY;

/**
 * The measures read model keeps the certificates at stake as rows of their own, so that the dashboard
 * counts them on one table. On random histories (renewals, gaps, withdrawals, reclassifications,
 * re-opened measures, decommissioned services), on many days and at many past moments, they must be
 * exactly the evidence that the rule picks out of the rows they follow from: dated, counting towards
 * an applicable (measure, phase) that no other evidence has renewed by the day, of a service in use.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, CloudServiceQueries.class, se.molnkoll.query.followup.FollowUpQueries.class,
        se.molnkoll.query.followup.FollowUpProjection.class, CertificateQueries.class})
class CertificatesAtStakeAgreeWithCoverageTest {

    /** The rule on the coverage, applicable-measure, evidence and register rows, as a join (the old query). */
    private static final String BY_THE_RULE = """
            select e.evidenceId from EvidenceEntry e, CloudServiceEntry s
            where s.serviceId = e.serviceId and %1$s and %2$s and s.decommissioned = false and e.withdrawn = false
              and e.evidenceId in (select c.evidenceId from CoverageEntry c where c.counts = true and %3$s
                and c.renewedFrom > :day and c.validUntil >= :earliest and c.validUntil <= :latest
                and exists (select a from ApplicableMeasure a where a.serviceId = c.serviceId
                  and a.measureId = c.measureId and a.phase = c.phase and %4$s))""".formatted(
            at("e"), at("s"), at("c"), at("a"));

    private static String at(String alias) {
        return VersionedRow.AT.replace("x.", alias + ".");
    }

    @Autowired RegisterProjection register;
    @Autowired MeasureStatusProjection measures;
    @Autowired CertificateQueries certificates;
    @Autowired MeasureCatalogue catalogue;
    @Autowired MutableClock clock;
    @Autowired EntityManager entityManager;

    @Test
    void the_certificates_at_stake_are_those_the_rule_picks_out_of_the_coverage_on_every_day_at_every_moment() {
        Random random = new Random(20261203);
        List<MeasurePhase> everyPair = catalogue.measures().stream().flatMap(m -> m.measurePhases().stream()).toList();
        List<List<CloudServiceEvent>> histories = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            histories.add(history(CloudServiceId.of(new UUID(0x2000 + s, 0x8000_0000_0000_0000L + s).toString()),
                    random, everyPair));
        }
        // the services' events interleaved, one minute apart, so that each past moment knows a different part
        EventStream events = new EventStream(clock, register, measures);
        Instant start = clock.instant();
        List<Instant> moments = new ArrayList<>();
        int published = 0;
        for (int step = 0; histories.stream().anyMatch(h -> !h.isEmpty()); step++) {
            for (List<CloudServiceEvent> history : histories) {
                if (!history.isEmpty() && random.nextInt(3) > 0) {
                    clock.set(start.plus(Duration.ofMinutes(++published)));
                    events.publish(history.remove(0));
                }
            }
            if (step % 5 == 4) moments.add(clock.instant().plusSeconds(30));
        }
        moments.add(VersionedRow.NOW);

        int compared = 0;
        int listed = 0;
        for (Instant at : moments) {
            for (LocalDate day = TODAY.minusDays(50); day.isBefore(TODAY.plusDays(60)); day = day.plusDays(7)) {
                for (int withinDays : new int[]{0, 30}) {
                    Map<CertificateStatus, Long> counts = certificates.counts(withinDays, at, day);
                    List<String> expired = byTheRule(at, day, LocalDate.of(1900, 1, 1), day.minusDays(1));
                    List<String> expiring = byTheRule(at, day, day, day.plusDays(withinDays));
                    assertThat(counts).as("counts on %s as known at %s", day, at).isEqualTo(Map.of(
                            CertificateStatus.EXPIRED, (long) expired.size(),
                            CertificateStatus.EXPIRING, (long) expiring.size()));
                    List<String> list = certificates.certificates(null, withinDays, at, day).stream()
                            .map(CertificateView::evidenceId).map(EvidenceId::value).toList();
                    assertThat(list).as("list on %s as known at %s", day, at)
                            .containsExactlyInAnyOrderElementsOf(concat(expired, expiring));
                    listed += list.size();
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(listed).as("the histories put certificates at stake").isGreaterThan(1_000);
    }

    private List<String> byTheRule(Instant at, LocalDate day, LocalDate earliest, LocalDate latest) {
        return entityManager.createQuery(BY_THE_RULE, String.class).setParameter("at", at).setParameter("day", day)
                .setParameter("earliest", earliest).setParameter("latest", latest).getResultList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    /** A random history: mostly dated evidence on a few pairs (so that renewals happen), some of everything else. */
    private static List<CloudServiceEvent> history(CloudServiceId id, Random random, List<MeasurePhase> everyPair) {
        List<MeasurePhase> pairs = List.of(everyPair.get(random.nextInt(everyPair.size())),
                everyPair.get(random.nextInt(everyPair.size())), everyPair.get(random.nextInt(everyPair.size())));
        List<CloudServiceEvent> history = new ArrayList<>();
        List<EvidenceId> evidence = new ArrayList<>();
        history.add(Histories.registered(id, "Tjänst " + id.value().substring(0, 8)));
        history.add(Histories.classified(id, Histories.patientData()));
        for (int step = 0; step < 20; step++) {
            int kind = random.nextInt(12);
            if (kind == 0) {
                history.add(Histories.classified(id, new Classification(random.nextInt(5), random.nextInt(5),
                        random.nextInt(5), random.nextBoolean(), random.nextBoolean(), List.of("SE"), null, null)));
            } else if (kind <= 8) {
                EvidenceId evidenceId = EvidenceId.random();
                LocalDate from = random.nextInt(3) == 0 ? null : TODAY.plusDays(random.nextInt(100) - 60);
                LocalDate until = random.nextInt(8) == 0 ? null
                        : (from == null ? TODAY : from).plusDays(random.nextInt(60));
                history.add(Histories.evidence(id, evidenceId, from, until,
                        random.nextBoolean() ? new MeasurePhase[]{pairs.get(random.nextInt(3))}
                                : pairs.toArray(MeasurePhase[]::new)));
                evidence.add(evidenceId);
            } else if (kind <= 10 && !evidence.isEmpty()) {
                history.add(new EvidenceWithdrawn(id, evidence.remove(random.nextInt(evidence.size())), "test"));
            } else {
                history.add(new ProviderChangeRecorded(id, "ändring", TODAY, List.of(pairs.get(random.nextInt(3)))));
            }
        }
        if (random.nextInt(4) == 0) {
            history.add(new ServiceDecommissioned(id, TODAY));
        }
        return history;
    }
}
