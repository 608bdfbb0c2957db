package se.molnkoll.query.service;

import se.molnkoll.query.EventStream;
import se.molnkoll.query.Histories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.EvidenceExpired;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.Dashboard;
import se.molnkoll.kernel.query.EvidenceStatus;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.FindCertificates;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.FindDashboard;
import se.molnkoll.kernel.query.FindServiceChanges;
import se.molnkoll.kernel.query.FindServiceMeasures;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.ServiceChanges;
import se.molnkoll.kernel.query.ServiceChanges.EvidenceChangeKind;
import se.molnkoll.kernel.query.ServiceChanges.MeasureChangeKind;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.audit.AuditTrailProjection;
import se.molnkoll.query.audit.ServiceChangesQueries;
import se.molnkoll.query.certificates.CertificateQueries;
import se.molnkoll.query.measures.MeasureStatusProjection;
import se.molnkoll.query.register.RegisterProjection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.evidence;
import static se.molnkoll.query.Histories.pair;
import static se.molnkoll.query.Histories.patientData;
import static se.molnkoll.query.Histories.publicInformation;
import static se.molnkoll.query.Histories.registered;

/**
 * The read models at past moments: recorded time (asOf) and business time (validAt) kept apart, the
 * portfolio as of a moment, and the differences between two moments with their causes.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, AuditTrailProjection.class, CloudServiceQueries.class, se.molnkoll.query.followup.FollowUpQueries.class,
        se.molnkoll.query.followup.FollowUpProjection.class,
        CertificateQueries.class, ServiceChangesQueries.class})
class HistoryTest {

    static final CloudServiceId SERVICE = CloudServiceId.of("11111111-1111-4111-8111-111111111111");
    static final EvidenceId FIRST = EvidenceId.of("22222222-2222-4222-8222-222222222222");
    static final EvidenceId SECOND = EvidenceId.of("33333333-3333-4333-8333-333333333333");
    static final EvidenceId LATE = EvidenceId.of("44444444-4444-4444-8444-444444444444");

    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    @Autowired RegisterProjection register;
    @Autowired MeasureStatusProjection measures;
    @Autowired AuditTrailProjection audit;
    @Autowired CloudServiceQueries queries;
    @Autowired CertificateQueries certificates;
    @Autowired ServiceChangesQueries changes;
    @Autowired MeasureCatalogue catalogue;
    @Autowired MutableClock clock;

    EventStream events;

    @BeforeEach
    void setUp() {
        events = new EventStream(clock, register, measures, audit);
    }

    /** Publishes at noon on the day of March. */
    private void on(int dayOfMarch, String actor, se.molnkoll.kernel.event.CloudServiceEvent... happened) {
        clock.set(MARCH_1.withDayOfMonth(dayOfMarch));
        events.as(actor).publish(happened);
    }

    /** The last moment of a day of March: what was known by the end of it. */
    private static Instant endOf(int dayOfMarch) {
        return MARCH_1.withDayOfMonth(dayOfMarch).plusDays(1).atStartOfDay(BusinessDates.ZONE).toInstant().minusNanos(1000);
    }

    private CloudServiceView asOf(Instant at) {
        return queries.handle(new FindCloudService(SERVICE, Moment.knownAt(at))).orElseThrow();
    }

    private static MeasureStatus status(CloudServiceView view, int measure, Phase phase) {
        return view.measures().stream().filter(m -> m.measureId().equals(new MeasureId(measure)) && m.phase() == phase)
                .map(MeasureStatusView::status).findFirst().orElse(null);
    }

    private static EvidenceView evidenceOf(CloudServiceView view, EvidenceId id) {
        return view.evidence().stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * 1 March registered, 2 March classified as patient data, 3 March FIRST covers 27 (valid until
     * 20 March), 4 March SECOND covers 29 (valid until 25 March), 10 March reclassified as public
     * information, 12 March FIRST withdrawn, 26 March SECOND's expiry recorded; then operation and
     * termination in April. "Now" is 30 April.
     */
    private void aYearOfHistory() {
        on(1, "anna", registered(SERVICE, "Journal"));
        on(2, "anna", classified(SERVICE, patientData()));
        on(3, "anna", evidence(SERVICE, FIRST, null, LocalDate.of(2026, 3, 20), pair(27, ACQUIRE)));
        on(4, "anna", evidence(SERVICE, SECOND, null, LocalDate.of(2026, 3, 25), pair(29, ACQUIRE)));
        on(10, "bertil", classified(SERVICE, publicInformation()));
        on(12, "anna", new EvidenceWithdrawn(SERVICE, FIRST, "Fel certifikat"));
        on(26, "system:expiry", new EvidenceExpired(SERVICE, SECOND, List.of(pair(29, ACQUIRE)), LocalDate.of(2026, 3, 26)));
        clock.set(LocalDate.of(2026, 4, 2));
        events.as("anna").publish(new OperationStarted(SERVICE, LocalDate.of(2026, 4, 2)));
        clock.set(LocalDate.of(2026, 4, 5));
        events.publish(new ContractTerminated(SERVICE, LocalDate.of(2026, 4, 5), "Avslutat"));
        clock.set(LocalDate.of(2026, 4, 30));
    }

    @Test
    void a_later_reclassification_withdrawal_expiry_or_termination_never_leaks_into_an_earlier_view() {
        aYearOfHistory();

        CloudServiceView march5 = asOf(endOf(5));
        assertThat(march5.asOf()).isEqualTo(endOf(5));
        assertThat(march5.statusDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(march5.classification()).isEqualTo(patientData());
        assertThat(march5.phase()).isEqualTo(ACQUIRE);
        assertThat(march5.measures()).hasSize(catalogue.applicablePairs(patientData()).size());
        assertThat(status(march5, 27, ACQUIRE)).isEqualTo(MeasureStatus.COVERED);
        assertThat(status(march5, 29, ACQUIRE)).isEqualTo(MeasureStatus.COVERED);
        assertThat(evidenceOf(march5, FIRST).withdrawn()).isFalse();
        assertThat(evidenceOf(march5, FIRST).status()).isEqualTo(EvidenceStatus.VALID);

        CloudServiceView march11 = asOf(endOf(11));
        assertThat(march11.classification()).isEqualTo(publicInformation());
        assertThat(march11.measures()).hasSize(catalogue.applicablePairs(publicInformation()).size());
        assertThat(status(march11, 27, ACQUIRE)).isEqualTo(MeasureStatus.COVERED);

        CloudServiceView march13 = asOf(endOf(13));
        assertThat(evidenceOf(march13, FIRST).withdrawn()).isTrue();
        assertThat(status(march13, 27, ACQUIRE)).isEqualTo(MeasureStatus.OPEN);

        // SECOND lapsed after 25 March; its expiry was recorded on the 26th
        CloudServiceView march25 = asOf(endOf(25));
        assertThat(evidenceOf(march25, SECOND).status()).isEqualTo(EvidenceStatus.VALID);
        assertThat(evidenceOf(march25, SECOND).expiredOn()).isNull();
        CloudServiceView march26 = asOf(endOf(26));
        assertThat(evidenceOf(march26, SECOND).status()).isEqualTo(EvidenceStatus.EXPIRED);
        assertThat(evidenceOf(march26, SECOND).expiredOn()).isEqualTo(LocalDate.of(2026, 3, 26));

        assertThat(asOf(endOf(31)).phase()).isEqualTo(ACQUIRE);
        assertThat(asOf(LocalDate.of(2026, 4, 3).atStartOfDay(BusinessDates.ZONE).toInstant()).phase())
                .isEqualTo(Phase.OPERATE);
        CloudServiceView now = queries.handle(new FindCloudService(SERVICE)).orElseThrow();
        assertThat(now.phase()).isEqualTo(Phase.EXIT);
        assertThat(now.asOf()).isNull();
        assertThat(now.statusDate()).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void a_moment_includes_what_was_recorded_at_that_very_instant_and_nothing_before_registration_exists() {
        aYearOfHistory();
        Instant classifiedAt = MARCH_1.withDayOfMonth(2).atTime(12, 0).atZone(BusinessDates.ZONE).toInstant();
        assertThat(asOf(classifiedAt).classification()).isEqualTo(patientData());
        assertThat(asOf(classifiedAt.minusNanos(1000)).classification()).isNull();

        Instant beforeRegistration = MARCH_1.atTime(11, 59).atZone(BusinessDates.ZONE).toInstant();
        assertThat(queries.handle(new FindCloudService(SERVICE, Moment.knownAt(beforeRegistration)))).isEmpty();
        assertThat(queries.handle(new FindServiceMeasures(SERVICE, null, Moment.knownAt(beforeRegistration)))).isEmpty();
        assertThat(queries.handle(new FindCloudServices(Moment.knownAt(beforeRegistration)))).isEmpty();
        assertThat(queries.handle(new FindCloudServices(Moment.knownAt(endOf(1))))).singleElement()
                .satisfies(s -> assertThat(s.classified()).isFalse());
    }

    @Test
    void valid_at_judges_a_past_date_with_evidence_recorded_later_but_received_earlier() {
        on(1, "anna", registered(SERVICE, "Journal"), classified(SERVICE, publicInformation()));
        // recorded on 20 March, received on 10 January: it was true in February, but nobody knew in February
        on(20, "anna", new EvidenceReceived(SERVICE, LATE, List.of(pair(27, ACQUIRE)),
                se.molnkoll.kernel.EvidenceKind.AUDIT_REPORT, "Granskningsrapport", "Revisor AB",
                LocalDate.of(2026, 1, 10), null, LocalDate.of(2026, 12, 31), null, null));
        on(25, "anna");

        Moment trueOnMarch5 = Moment.validAt(LocalDate.of(2026, 3, 5));
        assertThat(status(queries.handle(new FindCloudService(SERVICE, trueOnMarch5)).orElseThrow(), 27, ACQUIRE))
                .isEqualTo(MeasureStatus.COVERED);
        Moment knownOnMarch5 = Moment.knownAt(endOf(5));
        assertThat(status(queries.handle(new FindCloudService(SERVICE, knownOnMarch5)).orElseThrow(), 27, ACQUIRE))
                .isEqualTo(MeasureStatus.OPEN);
        // before it was received, it did not count even with what is known now
        Moment trueOnJanuary5 = Moment.validAt(LocalDate.of(2026, 1, 5));
        assertThat(status(queries.handle(new FindCloudService(SERVICE, trueOnJanuary5)).orElseThrow(), 27, ACQUIRE))
                .isEqualTo(MeasureStatus.OPEN);
        assertThat(queries.handle(new FindServiceMeasures(SERVICE, ACQUIRE, trueOnMarch5)).orElseThrow().measures())
                .filteredOn(m -> m.measureId().equals(new MeasureId(27))).singleElement()
                .satisfies(m -> assertThat(m.evidenceIds()).containsExactly(LATE));
        // both at once: known by 20 March, judged for 5 March
        Moment both = new Moment(endOf(20), LocalDate.of(2026, 3, 5));
        assertThat(status(queries.handle(new FindCloudService(SERVICE, both)).orElseThrow(), 27, ACQUIRE))
                .isEqualTo(MeasureStatus.COVERED);
    }

    @Test
    void the_dashboard_and_the_certificates_as_of_a_past_moment() {
        aYearOfHistory();

        Dashboard march5 = queries.handle(new FindDashboard(60, Moment.knownAt(endOf(5))));
        assertThat(march5.services()).isEqualTo(1);
        assertThat(march5.expiredCertificates()).isZero();
        assertThat(march5.expiringCertificates()).isEqualTo(2);
        assertThat(march5.asOf()).isEqualTo(endOf(5));

        Dashboard march27 = queries.handle(new FindDashboard(60, Moment.knownAt(endOf(27))));
        assertThat(march27.expiredCertificates()).isEqualTo(1);
        assertThat(march27.expiringCertificates()).isZero();
        assertThat(march27.unclassifiedServices()).isZero();
        assertThat(queries.handle(new FindDashboard(60, Moment.knownAt(endOf(1)))).unclassifiedServices()).isEqualTo(1);

        List<CertificateView> expired = certificates.handle(new FindCertificates(CertificateStatus.EXPIRED, 60,
                Moment.knownAt(endOf(27))));
        assertThat(expired).extracting(CertificateView::evidenceId).containsExactly(SECOND);
        assertThat(expired.get(0).daysLeft()).isEqualTo(-2);
        // today the service is in exit and SECOND is still lapsed
        assertThat(certificates.handle(new FindCertificates(CertificateStatus.EXPIRED, 60)))
                .extracting(CertificateView::evidenceId).containsExactly(SECOND);
        // the portfolio's open counts as known then are the service's, judged measure by measure as known then
        for (int day : new int[]{1, 5, 13, 20, 27}) {
            assertThat(queries.handle(new FindDashboard(60, Moment.knownAt(endOf(day)))).openMeasuresPerPhase())
                    .as("open measures as known at the end of %d March", day)
                    .isEqualTo(asOf(endOf(day)).openMeasures());
        }
        // before anything was recorded the portfolio was empty
        assertThat(queries.handle(new FindDashboard(60, Moment.knownAt(MARCH_1.atStartOfDay(BusinessDates.ZONE)
                .toInstant()))).services()).isZero();
    }

    @Test
    void the_changes_between_two_moments_say_what_changed_when_and_by_whom() {
        aYearOfHistory();

        ServiceChanges diff = changes.handle(new FindServiceChanges(SERVICE, endOf(5), endOf(13))).orElseThrow();
        assertThat(diff.existedAtFrom()).isTrue();
        assertThat(diff.fromDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(diff.toDate()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(diff.events()).extracting(e -> e.type()).containsExactly("ClassificationSet", "EvidenceWithdrawn");
        assertThat(diff.fields()).extracting(f -> f.field()).containsExactly("classification.confidentiality",
                "classification.integrity", "classification.availability", "classification.secrecy",
                "classification.personalData", "classification.allowedLocations",
                "classification.ownershipRequirement", "classification.decisionReference");
        assertThat(diff.fields().get(0)).satisfies(f -> {
            assertThat(f.before()).isEqualTo(3);
            assertThat(f.after()).isEqualTo(0);
            assertThat(f.cause().recordedBy()).isEqualTo("bertil");
            assertThat(f.cause().eventType()).isEqualTo("ClassificationSet");
            assertThat(f.cause().recordedAt()).isEqualTo(MARCH_1.withDayOfMonth(10).atTime(12, 0)
                    .atZone(BusinessDates.ZONE).toInstant());
        });
        assertThat(diff.measures()).filteredOn(m -> m.measureId().equals(new MeasureId(27))).singleElement()
                .satisfies(m -> {
                    assertThat(m.before()).isEqualTo(MeasureStatus.COVERED);
                    assertThat(m.after()).isEqualTo(MeasureStatus.OPEN);
                    assertThat(m.change()).isEqualTo(MeasureChangeKind.OPENED);
                    assertThat(m.cause().eventType()).isEqualTo("EvidenceWithdrawn");
                    assertThat(m.cause().recordedBy()).isEqualTo("anna");
                });
        // the measures patient data needed and public information does not: no longer applicable
        List<MeasurePhase> dropped = catalogue.applicablePairs(patientData()).stream()
                .filter(p -> !catalogue.applicablePairs(publicInformation()).contains(p)).toList();
        assertThat(dropped).isNotEmpty();
        assertThat(diff.measures()).filteredOn(m -> m.after() == null)
                .extracting(m -> new MeasurePhase(m.measureId(), m.phase()))
                .containsExactlyInAnyOrderElementsOf(dropped);
        assertThat(diff.measures()).filteredOn(m -> m.after() == null)
                .allSatisfy(m -> assertThat(m.cause().eventType()).isEqualTo("ClassificationSet"));
        assertThat(diff.evidence()).singleElement().satisfies(e -> {
            assertThat(e.evidenceId()).isEqualTo(FIRST);
            assertThat(e.change()).isEqualTo(EvidenceChangeKind.WITHDRAWN);
            assertThat(e.title()).isEqualTo("ISO/IEC 27001");
        });
    }

    @Test
    void the_cause_of_a_change_is_the_event_that_could_make_it_not_merely_the_last_to_touch_the_measure() {
        on(1, "anna", registered(SERVICE, "Journal"), classified(SERVICE, publicInformation()));
        on(2, "anna", evidence(SERVICE, FIRST, null, null, pair(27, ACQUIRE)));
        on(3, "bertil", new se.molnkoll.kernel.event.ResidualRiskAccepted(SERVICE, new MeasureId(27), ACQUIRE,
                "Förvaltningschef", "Låg risk", LocalDate.of(2026, 3, 3), null));
        clock.set(LocalDate.of(2026, 3, 10));

        ServiceChanges diff = changes.handle(new FindServiceChanges(SERVICE, endOf(1), endOf(4))).orElseThrow();
        assertThat(diff.measures()).filteredOn(m -> m.measureId().equals(new MeasureId(27))).singleElement()
                .satisfies(m -> {
                    assertThat(m.after()).isEqualTo(MeasureStatus.COVERED);
                    assertThat(m.cause().eventType()).isEqualTo("EvidenceReceived");
                    assertThat(m.cause().recordedBy()).isEqualTo("anna");
                });
    }

    @Test
    void a_change_the_calendar_made_has_no_event_and_an_expiry_recorded_later_is_the_cause_once_it_is_there() {
        aYearOfHistory();
        // SECOND lapsed after the 25th; by the end of the 25th nothing is recorded, on the 26th the expiry is
        ServiceChanges byTheCalendar = changes.handle(new FindServiceChanges(SERVICE, endOf(24), endOf(25)))
                .orElseThrow();
        assertThat(byTheCalendar.events()).isEmpty();
        assertThat(byTheCalendar.measures()).isEmpty();
        ServiceChanges withTheExpiry = changes.handle(new FindServiceChanges(SERVICE, endOf(25), endOf(26)))
                .orElseThrow();
        assertThat(withTheExpiry.measures()).singleElement().satisfies(m -> {
            assertThat(m.measureId()).isEqualTo(new MeasureId(29));
            assertThat(m.before()).isEqualTo(MeasureStatus.COVERED);
            assertThat(m.after()).isEqualTo(MeasureStatus.EXPIRED);
            assertThat(m.change()).isEqualTo(MeasureChangeKind.OPENED);
            assertThat(m.cause().eventType()).isEqualTo("EvidenceExpired");
            assertThat(m.cause().recordedBy()).isEqualTo("system:expiry");
        });
        assertThat(withTheExpiry.evidence()).extracting(e -> e.change()).containsExactly(EvidenceChangeKind.EXPIRED);

        ServiceChanges phases = changes.handle(new FindServiceChanges(SERVICE, endOf(31),
                LocalDate.of(2026, 4, 6).atStartOfDay(BusinessDates.ZONE).toInstant())).orElseThrow();
        assertThat(phases.fields()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("phase");
            assertThat(f.before()).isEqualTo(ACQUIRE);
            assertThat(f.after()).isEqualTo(Phase.EXIT);
            assertThat(f.cause().eventType()).isEqualTo("ContractTerminated");
        });
    }

    @Test
    void a_service_registered_in_between_is_all_new_and_one_not_yet_registered_has_no_changes() {
        aYearOfHistory();
        Instant before = MARCH_1.atStartOfDay(BusinessDates.ZONE).toInstant();
        ServiceChanges all = changes.handle(new FindServiceChanges(SERVICE, before, endOf(3))).orElseThrow();
        assertThat(all.existedAtFrom()).isFalse();
        assertThat(all.fromDate()).isNull();
        assertThat(all.fields()).extracting(f -> f.field()).contains("name", "phase", "classification.confidentiality");
        assertThat(all.fields()).filteredOn(f -> f.field().equals("name")).singleElement()
                .satisfies(f -> assertThat(f.cause().eventType()).isEqualTo("CloudServiceRegistered"));
        assertThat(all.measures()).filteredOn(m -> m.measureId().equals(new MeasureId(27)) && m.phase() == ACQUIRE)
                .singleElement().satisfies(m -> {
                    assertThat(m.before()).isNull();
                    assertThat(m.after()).isEqualTo(MeasureStatus.COVERED);
                    assertThat(m.change()).isEqualTo(MeasureChangeKind.CHANGED);
                    assertThat(m.cause().eventType()).isEqualTo("EvidenceReceived");
                });
        assertThat(all.events()).hasSize(3);
        assertThat(changes.handle(new FindServiceChanges(SERVICE, before.minusSeconds(60), before))).isEmpty();
    }
}
