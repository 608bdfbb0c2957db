package se.molnkoll.query.certificates;

import se.molnkoll.query.EventStream;
import se.molnkoll.query.Histories;
import se.molnkoll.query.QueryTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.DocumentAttached;
import se.molnkoll.kernel.event.EvidenceExpired;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.Dashboard;
import se.molnkoll.kernel.query.DueExpiry;
import se.molnkoll.kernel.query.EvidenceStatus;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.FindCertificates;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindDashboard;
import se.molnkoll.kernel.query.FindDueExpiries;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.measures.MeasureStatusProjection;
import se.molnkoll.query.register.RegisterProjection;
import se.molnkoll.query.service.CloudServiceQueries;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.kernel.Phase.EXIT;
import static se.molnkoll.kernel.Phase.OPERATE;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.evidence;
import static se.molnkoll.query.Histories.pair;
import static se.molnkoll.query.Histories.patientData;
import static se.molnkoll.query.Histories.publicInformation;
import static se.molnkoll.query.Histories.registered;
import static se.molnkoll.query.QueryTestApplication.TODAY;

/** Expired and expiring certificates, renewal, due expiries and the dashboard, for the clock's today. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, CloudServiceQueries.class, se.molnkoll.query.followup.FollowUpQueries.class,
        se.molnkoll.query.followup.FollowUpProjection.class, CertificateQueries.class})
class CertificatesTest {

    static final CloudServiceId JOURNAL = CloudServiceId.of("11111111-1111-4111-8111-111111111111");
    static final CloudServiceId ARKIV = CloudServiceId.of("22222222-2222-4222-8222-222222222222");
    static final EvidenceId OLD = EvidenceId.of("aaaaaaaa-0000-4000-8000-000000000001");
    static final EvidenceId NEW = EvidenceId.of("aaaaaaaa-0000-4000-8000-000000000002");
    static final EvidenceId OTHER = EvidenceId.of("aaaaaaaa-0000-4000-8000-000000000003");

    @Autowired RegisterProjection register;
    @Autowired MeasureStatusProjection measures;
    @Autowired CertificateQueries certificates;
    @Autowired CloudServiceQueries services;
    @Autowired MutableClock clock;
    EventStream events;

    @BeforeEach
    void setUp() {
        clock.set(TODAY);
        events = new EventStream(clock, register, measures);
        events.publish(registered(JOURNAL, "Journal"), classified(JOURNAL, patientData()),
                registered(ARKIV, "Arkiv"), classified(ARKIV, publicInformation()));
    }

    private List<CertificateView> listed(CertificateStatus status, int withinDays) {
        return certificates.handle(new FindCertificates(status, withinDays));
    }

    @Test
    void expired_and_expiring_certificates_are_listed_most_urgent_first_with_days_left() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY.minusDays(3), pair(27, ACQUIRE), pair(30, ACQUIRE)),
                evidence(ARKIV, OTHER, null, TODAY.plusDays(20), pair(27, ACQUIRE)),
                evidence(JOURNAL, NEW, null, TODAY.plusDays(90), pair(38, OPERATE)));

        assertThat(listed(null, 60)).extracting(CertificateView::evidenceId, CertificateView::daysLeft, CertificateView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OLD, -3L, CertificateStatus.EXPIRED),
                        org.assertj.core.groups.Tuple.tuple(OTHER, 20L, CertificateStatus.EXPIRING));
        CertificateView expired = listed(CertificateStatus.EXPIRED, 60).get(0);
        assertThat(expired.serviceName()).isEqualTo("Journal");
        assertThat(expired.measureIds()).containsExactly(new MeasureId(27), new MeasureId(30));
        assertThat(expired.validUntil()).isEqualTo(TODAY.minusDays(3));
        assertThat(listed(CertificateStatus.EXPIRING, 60)).extracting(CertificateView::evidenceId).containsExactly(OTHER);
        assertThat(listed(CertificateStatus.EXPIRING, 19)).isEmpty();
        assertThat(listed(CertificateStatus.EXPIRING, 90)).extracting(CertificateView::evidenceId).containsExactly(OTHER, NEW);
    }

    @Test
    void the_last_valid_day_is_expiring_with_zero_days_left_and_the_next_day_expired() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY, pair(27, ACQUIRE)));
        assertThat(listed(null, 60)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CertificateStatus.EXPIRING);
            assertThat(c.daysLeft()).isZero();
        });
        clock.set(TODAY.plusDays(1));
        assertThat(listed(null, 60)).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CertificateStatus.EXPIRED));
    }

    @Test
    void renewed_certificates_drop_off_the_list_only_when_every_measure_they_covered_is_renewed() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY.minusDays(3), pair(27, ACQUIRE), pair(30, ACQUIRE)),
                // renews 27 from the day after the old one lapsed, but not 30
                evidence(JOURNAL, NEW, TODAY.minusDays(2), TODAY.plusYears(1), pair(27, ACQUIRE)));
        assertThat(listed(CertificateStatus.EXPIRED, 60)).extracting(CertificateView::evidenceId).containsExactly(OLD);

        events.publish(evidence(JOURNAL, OTHER, null, null, pair(30, ACQUIRE)));
        assertThat(listed(CertificateStatus.EXPIRED, 60)).isEmpty();
    }

    @Test
    void a_renewal_that_leaves_a_gap_does_not_count_but_evidence_outlasted_by_other_evidence_is_not_urgent() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY.plusDays(10), pair(27, ACQUIRE)),
                // starts two days after OLD lapses: a gap, so OLD is still urgent
                evidence(JOURNAL, NEW, TODAY.plusDays(12), TODAY.plusYears(1), pair(27, ACQUIRE)),
                // lapses before OLD does, which already covers the days after: nothing to do about it
                evidence(JOURNAL, OTHER, null, TODAY.plusDays(5), pair(27, ACQUIRE)));
        assertThat(listed(CertificateStatus.EXPIRING, 60)).extracting(CertificateView::evidenceId).containsExactly(OLD);
    }

    @Test
    void a_lapsed_certificate_leaves_the_list_once_other_evidence_valid_today_takes_over_even_after_a_gap() {
        // OLD lapsed ten days ago; NEW only starts tomorrow: the measure is uncovered today
        events.publish(evidence(JOURNAL, OLD, null, TODAY.minusDays(10), pair(27, ACQUIRE)),
                evidence(JOURNAL, NEW, TODAY.plusDays(1), TODAY.plusYears(1), pair(27, ACQUIRE)));
        assertThat(listed(CertificateStatus.EXPIRED, 60)).extracting(CertificateView::evidenceId).containsExactly(OLD);

        clock.set(TODAY.plusDays(1));
        assertThat(listed(CertificateStatus.EXPIRED, 60)).isEmpty();
    }

    @Test
    void a_lapsed_chain_of_renewals_is_listed_once_by_its_latest_link_until_that_is_withdrawn() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY.minusDays(40), pair(27, ACQUIRE)),
                // took over from OLD without a gap, and has lapsed in turn
                evidence(JOURNAL, NEW, TODAY.minusDays(39), TODAY.minusDays(3), pair(27, ACQUIRE)));
        assertThat(listed(CertificateStatus.EXPIRED, 60)).extracting(CertificateView::evidenceId).containsExactly(NEW);

        java.time.Instant beforeWithdrawal = clock.instant();
        clock.set(beforeWithdrawal.plusSeconds(60));
        events.publish(new EvidenceWithdrawn(JOURNAL, NEW, "fel intyg"));
        assertThat(listed(CertificateStatus.EXPIRED, 60)).extracting(CertificateView::evidenceId).containsExactly(OLD);
        // as known before the withdrawal, the renewal held
        assertThat(certificates.handle(new FindCertificates(CertificateStatus.EXPIRED, 60,
                se.molnkoll.kernel.query.Moment.knownAt(beforeWithdrawal))))
                .extracting(CertificateView::evidenceId).containsExactly(NEW);
    }

    @Test
    void a_renewal_recorded_later_does_not_change_what_was_known_before_it() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY.minusDays(3), pair(27, ACQUIRE)));
        java.time.Instant beforeRenewal = clock.instant();
        clock.set(beforeRenewal.plusSeconds(60));
        events.publish(evidence(JOURNAL, NEW, TODAY.minusDays(2), TODAY.plusYears(1), pair(27, ACQUIRE)));

        assertThat(listed(CertificateStatus.EXPIRED, 60)).isEmpty();
        assertThat(certificates.handle(new FindCertificates(CertificateStatus.EXPIRED, 60,
                se.molnkoll.kernel.query.Moment.knownAt(beforeRenewal))))
                .extracting(CertificateView::evidenceId).containsExactly(OLD);
    }

    @Test
    void only_measures_at_stake_count_those_renewed_or_no_longer_applicable_do_not() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY.minusDays(3), pair(27, ACQUIRE), pair(30, ACQUIRE), pair(31, ACQUIRE)),
                evidence(JOURNAL, NEW, null, TODAY.plusYears(1), pair(27, ACQUIRE)));
        assertThat(listed(CertificateStatus.EXPIRED, 60)).singleElement().satisfies(c ->
                assertThat(c.measureIds()).containsExactly(new MeasureId(30), new MeasureId(31)));

        // without personal data, 31 no longer applies; with 30 only K2 or S or P: K1 drops it too
        events.publish(classified(JOURNAL, new se.molnkoll.kernel.Classification(1, 1, 1, false, false,
                List.of("SE"), null, null)));
        assertThat(listed(CertificateStatus.EXPIRED, 60)).isEmpty();
    }

    @Test
    void withdrawn_evidence_set_aside_evidence_and_decommissioned_services_are_not_listed() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY.minusDays(3), pair(27, ACQUIRE)),
                new EvidenceWithdrawn(JOURNAL, OLD, "fel"),
                new OperationStarted(JOURNAL, TODAY),
                evidence(JOURNAL, NEW, null, TODAY.minusDays(1), pair(42, OPERATE)),
                new ProviderChangeRecorded(JOURNAL, "ändring", TODAY, List.of(pair(42, OPERATE))),
                evidence(ARKIV, OTHER, null, TODAY.minusDays(1), pair(40, EXIT)),
                new ContractTerminated(ARKIV, TODAY, "slut"), new ServiceDecommissioned(ARKIV, TODAY));
        assertThat(listed(null, 60)).isEmpty();
    }

    @Test
    void due_expiries_are_lapsed_evidence_whose_expiry_is_not_yet_recorded() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY.minusDays(3), pair(27, ACQUIRE)),
                evidence(JOURNAL, NEW, null, TODAY, pair(30, ACQUIRE)),
                evidence(ARKIV, OTHER, null, TODAY.minusDays(1), pair(27, ACQUIRE)),
                new EvidenceWithdrawn(ARKIV, OTHER, "fel"));
        assertThat(certificates.handle(new FindDueExpiries(100))).containsExactly(new DueExpiry(JOURNAL, OLD));

        events.publish(new EvidenceExpired(JOURNAL, OLD, List.of(pair(27, ACQUIRE)), TODAY.minusDays(2)));
        assertThat(certificates.handle(new FindDueExpiries(100))).isEmpty();
        clock.set(TODAY.plusDays(1));
        assertThat(certificates.handle(new FindDueExpiries(100))).containsExactly(new DueExpiry(JOURNAL, NEW));
    }

    @Test
    void the_service_shows_each_evidence_status_its_recorded_expiry_and_its_document() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY.minusDays(3), pair(27, ACQUIRE)),
                new EvidenceExpired(JOURNAL, OLD, List.of(pair(27, ACQUIRE)), TODAY.minusDays(2)),
                evidence(JOURNAL, NEW, TODAY.plusDays(1), null, pair(30, ACQUIRE)),
                new DocumentAttached(JOURNAL, NEW, "b".repeat(64), 2048, "intyg.pdf", "application/pdf"));
        List<EvidenceView> evidence = services.handle(new FindCloudService(JOURNAL)).orElseThrow().evidence();
        assertThat(evidence).extracting(EvidenceView::status).containsExactly(EvidenceStatus.EXPIRED, EvidenceStatus.NOT_YET_VALID);
        assertThat(evidence.get(0).expiredOn()).isEqualTo(TODAY.minusDays(2));
        assertThat(evidence.get(0).document()).isNull();
        assertThat(evidence.get(1).document()).satisfies(d -> {
            assertThat(d.sha256()).isEqualTo("b".repeat(64));
            assertThat(d.fileName()).isEqualTo("intyg.pdf");
            assertThat(d.sizeBytes()).isEqualTo(2048);
            assertThat(d.attachedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void the_dashboard_counts_services_open_measures_and_certificates() {
        events.publish(evidence(JOURNAL, OLD, null, TODAY.minusDays(3), pair(27, ACQUIRE)),
                evidence(ARKIV, OTHER, null, TODAY.plusDays(20), pair(27, ACQUIRE)),
                registered(CloudServiceId.of("33333333-3333-4333-8333-333333333333"), "Oklassad"));
        Dashboard dashboard = services.handle(new FindDashboard(60, se.molnkoll.kernel.query.Moment.NOW));
        assertThat(dashboard.expiredCertificates()).isEqualTo(1);
        assertThat(dashboard.expiringCertificates()).isEqualTo(1);
        assertThat(dashboard.unclassifiedServices()).isEqualTo(1);
        assertThat(dashboard.services()).isEqualTo(3);
        assertThat(dashboard.servicesPerPhase().get(Phase.ACQUIRE)).isEqualTo(3);
        assertThat(dashboard.openMeasuresPerPhase().get(Phase.ACQUIRE)).isPositive();
        assertThat(dashboard.statusDate()).isEqualTo(TODAY);
        assertThat(services.handle(new FindDashboard(10, se.molnkoll.kernel.query.Moment.NOW)).expiringCertificates()).isZero();
    }
}
