package se.molnkoll.query.measures;

import se.molnkoll.query.EventStream;
import se.molnkoll.query.Histories;
import se.molnkoll.query.QueryTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.compliance.ComplianceLedger;
import se.molnkoll.kernel.compliance.Validity;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.RiskAnalysisReopened;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.FindPortfolioTotals;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.register.RegisterProjection;
import se.molnkoll.query.service.CloudServiceQueries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.query.QueryTestApplication.TODAY;

/**
 * The portfolio's open counts are computed in the database (JPQL) and a service's statuses in Java
 * from the same rule as the aggregate's ledger. On random histories, over many days, all three must
 * agree pair by pair and count by count.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, CloudServiceQueries.class, se.molnkoll.query.followup.FollowUpQueries.class,
        se.molnkoll.query.followup.FollowUpProjection.class,
        se.molnkoll.query.certificates.CertificateQueries.class})
class OpenCountsAgreeWithTheRuleTest {

    @Autowired RegisterProjection register;
    @Autowired MeasureStatusProjection measures;
    @Autowired CloudServiceQueries queries;
    @Autowired MeasureCatalogue catalogue;
    @Autowired MutableClock clock;

    /** What the aggregate would know: classification and ledger, fed the same events. */
    private static final class Expected {
        Classification classification = Classification.UNCLASSIFIED;
        final ComplianceLedger ledger = new ComplianceLedger();
        final List<EvidenceId> evidence = new ArrayList<>();
    }

    @Test
    void database_counts_java_statuses_and_the_ledger_agree_on_random_histories() {
        Random random = new Random(20261126);
        EventStream events = new EventStream(clock, register, measures);
        Map<CloudServiceId, Expected> expected = new HashMap<>();
        List<MeasurePhase> everyPair = catalogue.measures().stream().flatMap(m -> m.measurePhases().stream()).toList();

        for (int s = 0; s < 30; s++) {
            CloudServiceId id = CloudServiceId.of(new UUID(0x1000 + s, 0x8000_0000_0000_0000L + s).toString());
            Expected known = new Expected();
            expected.put(id, known);
            List<CloudServiceEvent> history = new ArrayList<>();
            history.add(Histories.registered(id, "Tjänst " + s));
            for (int step = 0; step < 25; step++) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    Classification c = new Classification(random.nextInt(5), random.nextInt(5), random.nextInt(5),
                            random.nextBoolean(), random.nextBoolean(), List.of("SE"), null, null);
                    history.add(Histories.classified(id, c));
                    known.classification = c;
                } else if (kind <= 5) {
                    EvidenceId evidenceId = EvidenceId.random();
                    List<MeasurePhase> covers = new ArrayList<>();
                    for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                        MeasurePhase pair = everyPair.get(random.nextInt(everyPair.size()));
                        if (!covers.contains(pair)) covers.add(pair);
                    }
                    LocalDate from = random.nextInt(3) == 0 ? TODAY.plusDays(random.nextInt(60) - 30) : null;
                    LocalDate until = random.nextInt(3) > 0 ? TODAY.plusDays(random.nextInt(80) - 40) : null;
                    if (from != null && until != null && until.isBefore(from)) until = from;
                    history.add(Histories.evidence(id, evidenceId, from, until, covers.toArray(MeasurePhase[]::new)));
                    known.ledger.addEvidence(evidenceId, covers, new Validity(from, until));
                    known.evidence.add(evidenceId);
                } else if (kind == 6 && !known.evidence.isEmpty()) {
                    EvidenceId withdrawn = known.evidence.remove(random.nextInt(known.evidence.size()));
                    history.add(new EvidenceWithdrawn(id, withdrawn, "test"));
                    known.ledger.removeEvidence(withdrawn);
                } else if (kind <= 8) {
                    MeasurePhase pair = everyPair.get(random.nextInt(everyPair.size()));
                    LocalDate until = random.nextBoolean() ? null : TODAY.plusDays(random.nextInt(60) - 20);
                    history.add(Histories.riskAccepted(id, pair.measureId().value(), pair.phase(), until));
                    known.ledger.acceptRisk(pair, Validity.until(until));
                } else {
                    MeasurePhase reopened = everyPair.get(random.nextInt(everyPair.size()));
                    history.add(random.nextBoolean() ? new ProviderChangeRecorded(id, "ändring", TODAY, List.of(reopened))
                            : new RiskAnalysisReopened(id, List.of(reopened), TODAY, RiskAnalysisReopened.CLASSIFICATION_CHANGED));
                    known.ledger.reopen(reopened);
                }
            }
            events.publish(history.toArray(CloudServiceEvent[]::new));
        }

        int comparedPairs = 0;
        for (LocalDate day = TODAY.minusDays(45); day.isBefore(TODAY.plusDays(50)); day = day.plusDays(4)) {
            clock.set(day);
            Map<CloudServiceId, CloudServiceSummary> register = new HashMap<>();
            queries.handle(new FindCloudServices(se.molnkoll.kernel.query.Moment.NOW)).forEach(summary -> register.put(summary.id(), summary));
            Map<Phase, Long> portfolio = new EnumMap<>(Phase.class);
            for (var entry : expected.entrySet()) {
                Expected known = entry.getValue();
                Map<Phase, Long> open = new EnumMap<>(Phase.class);
                for (Phase phase : Phase.values()) open.put(phase, 0L);
                List<MeasureStatusView> statuses = queries.handle(new FindCloudService(entry.getKey())).orElseThrow().measures();
                assertThat(statuses).extracting(v -> new MeasurePhase(v.measureId(), v.phase()))
                        .containsExactlyElementsOf(catalogue.applicablePairs(known.classification));
                for (MeasureStatusView view : statuses) {
                    MeasurePhase pair = new MeasurePhase(view.measureId(), view.phase());
                    MeasureStatus byLedger = known.ledger.statusOn(pair, day);
                    assertThat(view.status()).as("%s %s on %s", entry.getKey(), pair, day).isEqualTo(byLedger);
                    if (byLedger.isOpen()) open.merge(pair.phase(), 1L, Long::sum);
                    comparedPairs++;
                }
                assertThat(register.get(entry.getKey()).openMeasures()).as("open counts of %s on %s", entry.getKey(), day)
                        .isEqualTo(open);
                open.forEach((phase, n) -> portfolio.merge(phase, n, Long::sum));
            }
            assertThat(queries.handle(new FindPortfolioTotals(se.molnkoll.kernel.query.Moment.NOW)).openMeasuresPerPhase()).as("portfolio on %s", day)
                    .isEqualTo(portfolio);
        }
        assertThat(comparedPairs).isGreaterThan(10_000);
    }
}
