package se.molnkoll.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.RiskAnalysisReopened;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.FindPortfolioTotals;
import se.molnkoll.kernel.query.FindServiceMeasures;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.query.PortfolioTotals;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.audit.AuditTrailProjection;
import se.molnkoll.query.measures.MeasureStatusProjection;
import se.molnkoll.query.register.RegisterProjection;
import se.molnkoll.query.service.CloudServiceQueries;

import java.util.List;
import java.util.Map;

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
import static se.molnkoll.query.Histories.riskAccepted;
import static se.molnkoll.query.QueryTestApplication.TODAY;

/** The register and measure read models, fed through Axon's handler adapter, on H2 with the Flyway schema. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, AuditTrailProjection.class, CloudServiceQueries.class, se.molnkoll.query.followup.FollowUpQueries.class,
        se.molnkoll.query.followup.FollowUpProjection.class,
        se.molnkoll.query.certificates.CertificateQueries.class})
class ReadModelsTest {

    static final CloudServiceId SERVICE = CloudServiceId.of("11111111-1111-4111-8111-111111111111");
    static final EvidenceId CERTIFICATE = EvidenceId.of("22222222-2222-4222-8222-222222222222");

    @Autowired RegisterProjection register;
    @Autowired MeasureStatusProjection measures;
    @Autowired AuditTrailProjection audit;
    @Autowired CloudServiceQueries queries;
    @Autowired MeasureCatalogue catalogue;
    @Autowired MutableClock clock;

    EventStream events;

    @BeforeEach
    void setUp() {
        clock.set(TODAY);
        events = new EventStream(clock, register, measures, audit);
    }

    private CloudServiceView view() {
        return queries.handle(new FindCloudService(SERVICE)).orElseThrow();
    }

    private MeasureStatus status(int measure, Phase phase) {
        return view().measures().stream()
                .filter(m -> m.measureId().equals(new MeasureId(measure)) && m.phase() == phase)
                .map(MeasureStatusView::status).findFirst().orElseThrow(() -> new AssertionError(
                        "measure " + measure + " " + phase + " is not applicable"));
    }

    @Test
    void a_registered_service_is_in_the_register_in_acquire_with_the_measures_every_classification_triggers_open() {
        events.publish(registered(SERVICE, "Samarbetsyta"));

        CloudServiceView view = view();
        assertThat(view.name()).isEqualTo("Samarbetsyta");
        assertThat(view.phase()).isEqualTo(ACQUIRE);
        assertThat(view.classification()).isNull();
        assertThat(view.measures()).allMatch(m -> m.status() == MeasureStatus.OPEN);
        assertThat(view.openMeasures()).isEqualTo(Map.of(ACQUIRE, 22L, OPERATE, 17L, EXIT, 3L));
        assertThat(view.registeredAt()).isEqualTo(clock.instant());
    }

    @Test
    void evidence_recorded_under_older_rules_that_lapsed_before_it_was_received_is_read_and_never_covers() {
        // received 10 January, valid until 2 January, no valid-from: new input is refused so, old events load
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, publicInformation()),
                evidence(SERVICE, CERTIFICATE, null, java.time.LocalDate.of(2026, 1, 2), pair(27, ACQUIRE)));
        assertThat(status(27, ACQUIRE)).isEqualTo(MeasureStatus.EXPIRED);
        assertThat(view().evidence()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(se.molnkoll.kernel.query.EvidenceStatus.EXPIRED));
    }

    @Test
    void a_risk_acceptance_recorded_before_its_date_was_kept_holds_from_the_start() {
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, publicInformation()),
                new se.molnkoll.kernel.event.ResidualRiskAccepted(SERVICE, new MeasureId(8), ACQUIRE, "Förvaltningschef",
                        "Låg risk", null, null));
        assertThat(status(8, ACQUIRE)).isEqualTo(MeasureStatus.RISK_ACCEPTED);
        assertThat(view().riskAcceptances()).singleElement().satisfies(r -> {
            assertThat(r.acceptedOn()).isNull();
            assertThat(r.inForce()).isTrue();
        });
        // and the portfolio's open counts, computed in SQL, agree
        assertThat(queries.handle(new FindCloudServices(se.molnkoll.kernel.query.Moment.NOW))).singleElement()
                .satisfies(s -> assertThat(s.openMeasures().get(ACQUIRE))
                        .isEqualTo(view().openMeasures().get(ACQUIRE)));
    }

    @Test
    void an_event_stamped_earlier_than_the_one_before_it_never_makes_two_versions_of_a_row_overlap() {
        java.time.Instant noon = clock.instant();
        events.publish(registered(SERVICE, "Journal"));
        clock.set(noon.plusSeconds(3600));
        events.publish(classified(SERVICE, patientData()));
        // another instance's clock is half an hour behind
        clock.set(noon.plusSeconds(1800));
        events.publish(classified(SERVICE, publicInformation()));

        for (long minutes : new long[]{0, 29, 31, 59, 61, 120}) {
            var moment = se.molnkoll.kernel.query.Moment.knownAt(noon.plusSeconds(minutes * 60));
            assertThat(queries.handle(new FindCloudServices(moment))).as("%d minutes", minutes).hasSize(1);
            CloudServiceView view = queries.handle(new FindCloudService(SERVICE, moment)).orElseThrow();
            assertThat(view.measures()).as("%d minutes", minutes)
                    .doesNotHaveDuplicates()
                    .extracting(m -> new se.molnkoll.kernel.MeasurePhase(m.measureId(), m.phase()))
                    .doesNotHaveDuplicates();
        }
        assertThat(view().classification()).isEqualTo(publicInformation());
        assertThat(view().measures()).hasSize(catalogue.applicablePairs(publicInformation()).size());
    }

    @Test
    void the_applicable_measures_follow_the_classification_both_ways() {
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, patientData()));
        assertThat(view().measures()).hasSize(catalogue.applicablePairs(patientData()).size());
        assertThat(view().classification()).isEqualTo(patientData());

        events.publish(classified(SERVICE, publicInformation()));
        assertThat(view().measures()).extracting(m -> new se.molnkoll.kernel.MeasurePhase(m.measureId(), m.phase()))
                .containsExactlyElementsOf(catalogue.applicablePairs(publicInformation()));
    }

    @Test
    void evidence_covers_while_valid_then_expires_after_its_last_day() {
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, patientData()),
                evidence(SERVICE, CERTIFICATE, null, TODAY.plusDays(10), pair(27, ACQUIRE), pair(38, OPERATE)));

        assertThat(status(27, ACQUIRE)).isEqualTo(MeasureStatus.COVERED);
        assertThat(status(38, OPERATE)).isEqualTo(MeasureStatus.COVERED);
        assertThat(view().measures()).filteredOn(m -> m.status() == MeasureStatus.COVERED)
                .allMatch(m -> m.evidenceIds().equals(List.of(CERTIFICATE)));

        clock.set(TODAY.plusDays(10));
        assertThat(status(27, ACQUIRE)).isEqualTo(MeasureStatus.COVERED);
        clock.set(TODAY.plusDays(11));
        assertThat(status(27, ACQUIRE)).isEqualTo(MeasureStatus.EXPIRED);
        assertThat(view().statusDate()).isEqualTo(TODAY.plusDays(11));
    }

    @Test
    void evidence_not_yet_valid_leaves_the_measure_open_until_its_first_day() {
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, patientData()),
                evidence(SERVICE, CERTIFICATE, TODAY.plusDays(1), null, pair(27, ACQUIRE)));
        assertThat(status(27, ACQUIRE)).isEqualTo(MeasureStatus.OPEN);
        clock.set(TODAY.plusDays(1));
        assertThat(status(27, ACQUIRE)).isEqualTo(MeasureStatus.COVERED);
    }

    @Test
    void withdrawn_evidence_no_longer_covers_but_stays_in_the_history() {
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, patientData()),
                evidence(SERVICE, CERTIFICATE, null, null, pair(27, ACQUIRE)),
                new EvidenceWithdrawn(SERVICE, CERTIFICATE, "Fel certifikat"));

        assertThat(status(27, ACQUIRE)).isEqualTo(MeasureStatus.OPEN);
        assertThat(view().evidence()).singleElement().satisfies(e -> {
            assertThat(e.withdrawn()).isTrue();
            assertThat(e.withdrawalReason()).isEqualTo("Fel certifikat");
            assertThat(e.covers()).containsExactly(pair(27, ACQUIRE));
            assertThat(e.recordedBy()).isEqualTo("anna");
        });
    }

    @Test
    void a_risk_acceptance_closes_a_measure_until_its_end_date() {
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, patientData()),
                riskAccepted(SERVICE, 18, ACQUIRE, TODAY.plusDays(5)));
        assertThat(status(18, ACQUIRE)).isEqualTo(MeasureStatus.RISK_ACCEPTED);
        assertThat(view().riskAcceptances()).singleElement().satisfies(r -> assertThat(r.inForce()).isTrue());
        clock.set(TODAY.plusDays(6));
        assertThat(status(18, ACQUIRE)).isEqualTo(MeasureStatus.OPEN);
        assertThat(view().riskAcceptances()).singleElement().satisfies(r -> assertThat(r.inForce()).isFalse());
    }

    @Test
    void a_provider_change_sets_aside_what_covered_the_reopened_measure_only() {
        EvidenceId riskAnalysis = EvidenceId.of("33333333-3333-4333-8333-333333333333");
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, patientData()),
                evidence(SERVICE, riskAnalysis, null, null, pair(42, ACQUIRE), pair(42, OPERATE), pair(42, EXIT)),
                new OperationStarted(SERVICE, TODAY),
                new ProviderChangeRecorded(SERVICE, "Ny driftleverantör", TODAY, List.of(pair(42, OPERATE))));

        assertThat(status(42, OPERATE)).isEqualTo(MeasureStatus.OPEN);
        assertThat(status(42, ACQUIRE)).isEqualTo(MeasureStatus.COVERED);
        assertThat(status(42, EXIT)).isEqualTo(MeasureStatus.COVERED);
        assertThat(view().phase()).isEqualTo(OPERATE);
    }

    @Test
    void a_changed_use_in_operation_sets_aside_what_covered_the_risk_analysis_in_operation_only() {
        EvidenceId riskAnalysis = EvidenceId.of("33333333-3333-4333-8333-333333333333");
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, patientData()),
                evidence(SERVICE, riskAnalysis, null, null, pair(42, ACQUIRE), pair(42, OPERATE), pair(42, EXIT)),
                new OperationStarted(SERVICE, TODAY),
                classified(SERVICE, publicInformation()),
                new RiskAnalysisReopened(SERVICE, List.of(pair(42, OPERATE)), TODAY, RiskAnalysisReopened.CLASSIFICATION_CHANGED));

        assertThat(status(42, OPERATE)).isEqualTo(MeasureStatus.OPEN);
        assertThat(status(42, ACQUIRE)).isEqualTo(MeasureStatus.COVERED);
    }

    @Test
    void the_register_lists_every_service_with_open_measures_per_phase_and_the_totals_leave_out_decommissioned_ones() {
        CloudServiceId other = CloudServiceId.of("44444444-4444-4444-8444-444444444444");
        CloudServiceId closed = CloudServiceId.of("55555555-5555-4555-8555-555555555555");
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, patientData()),
                evidence(SERVICE, CERTIFICATE, null, null, pair(27, ACQUIRE), pair(41, EXIT)),
                registered(other, "Arkiv"),
                registered(closed, "Gammal tjänst"), classified(closed, publicInformation()),
                new ContractTerminated(closed, TODAY, "Ersatt"), new ServiceDecommissioned(closed, TODAY));

        List<CloudServiceSummary> all = queries.handle(new FindCloudServices(se.molnkoll.kernel.query.Moment.NOW));
        assertThat(all).extracting(CloudServiceSummary::name).containsExactly("Arkiv", "Gammal tjänst", "Journal");
        CloudServiceSummary journal = all.get(2);
        long applicableAcquire = catalogue.applicablePairs(patientData(), ACQUIRE).size();
        assertThat(journal.openMeasures().get(ACQUIRE)).isEqualTo(applicableAcquire - 1);
        assertThat(journal.openMeasures().get(EXIT)).isEqualTo(3);
        assertThat(all.get(1).decommissioned()).isTrue();
        assertThat(all.get(1).phase()).isEqualTo(EXIT);

        PortfolioTotals totals = queries.handle(new FindPortfolioTotals(se.molnkoll.kernel.query.Moment.NOW));
        assertThat(totals.services()).isEqualTo(2);
        assertThat(totals.decommissionedServices()).isEqualTo(1);
        assertThat(totals.unclassifiedServices()).isEqualTo(1);
        assertThat(totals.servicesPerPhase()).isEqualTo(Map.of(ACQUIRE, 2L, OPERATE, 0L, EXIT, 0L));
        assertThat(totals.openMeasuresPerPhase().get(ACQUIRE)).isEqualTo(applicableAcquire - 1 + 22);
        assertThat(totals.openMeasuresPerPhase().get(EXIT)).isEqualTo(3 + 3);
    }

    @Test
    void measures_of_one_phase_and_an_unknown_service() {
        events.publish(registered(SERVICE, "Journal"), classified(SERVICE, patientData()));
        assertThat(queries.handle(new FindServiceMeasures(SERVICE, EXIT, se.molnkoll.kernel.query.Moment.NOW)).orElseThrow().measures())
                .extracting(m -> m.measureId().value()).containsExactly(33, 40, 41, 42);
        assertThat(queries.handle(new FindServiceMeasures(CloudServiceId.random(), EXIT, se.molnkoll.kernel.query.Moment.NOW))).isEmpty();
        assertThat(queries.handle(new FindCloudService(CloudServiceId.random()))).isEmpty();
    }
}
