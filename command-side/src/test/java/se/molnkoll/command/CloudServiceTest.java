package se.molnkoll.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.command.ApproveRiskAcceptance;
import se.molnkoll.kernel.command.AssignTask;
import se.molnkoll.kernel.command.MarkReviewDue;
import se.molnkoll.kernel.command.RecordReview;
import se.molnkoll.kernel.event.ReviewFellDue;
import se.molnkoll.kernel.event.ReviewRecorded;
import se.molnkoll.kernel.event.ReviewScheduled;
import se.molnkoll.kernel.command.CompleteTask;
import se.molnkoll.kernel.command.ReassignTask;
import se.molnkoll.kernel.command.UnknownTaskException;
import se.molnkoll.kernel.event.TaskAssigned;
import se.molnkoll.kernel.event.TaskCompleted;
import se.molnkoll.kernel.event.TaskReassigned;
import se.molnkoll.kernel.command.EndRiskAcceptance;
import se.molnkoll.kernel.command.ProposeRiskAcceptance;
import se.molnkoll.kernel.command.RejectRiskAcceptance;
import se.molnkoll.kernel.command.RiskAcceptancePolicy;
import se.molnkoll.kernel.command.UnknownProposalException;
import se.molnkoll.kernel.event.RiskAcceptanceApproved;
import se.molnkoll.kernel.event.RiskAcceptanceEnded;
import se.molnkoll.kernel.event.RiskAcceptanceProposed;
import se.molnkoll.kernel.event.RiskAcceptanceRejected;
import se.molnkoll.kernel.command.Decommission;
import se.molnkoll.kernel.command.RecordProviderChange;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.SetClassification;
import se.molnkoll.kernel.command.StartOperation;
import se.molnkoll.kernel.command.TerminateContract;
import se.molnkoll.kernel.command.UnknownEvidenceException;
import se.molnkoll.kernel.command.WithdrawEvidence;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.ExternalKeyAssigned;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.ResidualRiskAccepted;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.kernel.event.OwnerChanged;
import se.molnkoll.kernel.event.ServiceModelCorrected;
import se.molnkoll.kernel.event.ServiceMovedToUnit;
import se.molnkoll.kernel.event.ServiceRenamed;
import se.molnkoll.kernel.event.VendorChanged;
import se.molnkoll.kernel.command.CorrectServiceDetails;
import se.molnkoll.kernel.command.ArchiveService;
import se.molnkoll.kernel.event.ServiceArchived;
import se.molnkoll.kernel.command.RevokeRiskAcceptance;
import se.molnkoll.kernel.event.RiskAcceptanceRevoked;
import se.molnkoll.kernel.event.RiskAnalysisReopened;
import se.molnkoll.kernel.testing.MutableClock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.command.CloudServiceFixture.CATALOGUE;
import static se.molnkoll.command.CloudServiceFixture.SERVICE;
import static se.molnkoll.command.CloudServiceFixture.TODAY;
import static se.molnkoll.command.CloudServiceFixture.classifiedAs;
import static se.molnkoll.command.CloudServiceFixture.coveringAll;
import static se.molnkoll.command.CloudServiceFixture.coveringAllBut;
import static se.molnkoll.command.CloudServiceFixture.evidence;
import static se.molnkoll.command.CloudServiceFixture.id;
import static se.molnkoll.command.CloudServiceFixture.pair;
import static se.molnkoll.command.CloudServiceFixture.patientAdministration;
import static se.molnkoll.command.CloudServiceFixture.publicInformation;
import static se.molnkoll.command.CloudServiceFixture.recordEvidence;
import static se.molnkoll.command.CloudServiceFixture.registered;
import static se.molnkoll.command.RejectedFor.rejectedFor;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.kernel.Phase.EXIT;
import static se.molnkoll.kernel.Phase.OPERATE;

class CloudServiceTest {

    private FixtureConfiguration<CloudService> fixture;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(CloudServiceFixture.CLOCK.instant());
        fixture = new AggregateTestFixture<>(CloudService.class);
        fixture.registerInjectableResource(CATALOGUE);
        fixture.registerInjectableResource((se.molnkoll.kernel.catalogue.ReviewSchedules)
                () -> se.molnkoll.kernel.catalogue.ReviewSchedule.loadDefault(CATALOGUE));
        fixture.registerInjectableResource((Clock) clock);
        fixture.registerInjectableResource(RiskAcceptancePolicy.DEFAULT);
        fixture.registerInjectableResource((se.molnkoll.kernel.vendor.VendorRecords) vendorId -> java.util.Optional.ofNullable(
                vendorId.equals(VendorTest.VENDOR) ? se.molnkoll.kernel.vendor.VendorRecord.of(
                        new se.molnkoll.kernel.event.VendorRegistered(VendorTest.VENDOR, VendorTest.SWEDISH))
                        .apply(new se.molnkoll.kernel.event.SubProcessorAdded(VendorTest.VENDOR, VendorTest.SUPPORT_PARTNER,
                                VendorTest.FOLLOW_THE_SUN, TODAY))
                        .apply(new se.molnkoll.kernel.event.VendorEvidenceRecorded(VendorTest.VENDOR, VendorTest.ISO, VendorTest.ISO_27001))
                        .apply(new se.molnkoll.kernel.event.VendorEvidenceRecorded(VendorTest.VENDOR, VendorTest.REVOKED, VendorTest.ISO_27001))
                        .apply(new se.molnkoll.kernel.event.VendorEvidenceWithdrawn(VendorTest.VENDOR, VendorTest.REVOKED, "Återkallat"))
                        : null));
    }

    @Nested
    class Registration {

        @Test
        void a_registered_service_starts_in_the_acquire_phase() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCloudService(SERVICE, "Samarbetsyta", "Moln AB", se.molnkoll.kernel.ServiceModel.SAAS,
                            "Regionstyrelsen", "Anna Andersson"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered())
                    .expectState(service -> assertThat(service.statusOn(pair(24, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.OPEN));
        }

        @Test
        void a_service_imported_from_the_regions_register_records_the_key_it_is_known_by_there() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCloudService(SERVICE, "Samarbetsyta", "Moln AB", se.molnkoll.kernel.ServiceModel.SAAS,
                            "Regionstyrelsen", "Anna Andersson", "MT-0042"))
                    .expectEvents(registered(), new ExternalKeyAssigned(SERVICE, "MT-0042"));
        }
    }

    @Nested
    class CorrectingDetails {

        @Test
        void each_changed_detail_is_an_event_of_its_own_kind_with_before_after_and_the_reason() {
            fixture.given(registered())
                    .when(new CorrectServiceDetails(SERVICE, "Samarbetsytan", "Moln Holding AB", se.molnkoll.kernel.ServiceModel.PAAS,
                            "Hälso- och sjukvård", "Bo Berg", "Stavfel; leverantören köptes upp; omorganisation"))
                    .expectEvents(
                            new ServiceRenamed(SERVICE, "Samarbetsyta", "Samarbetsytan", "Stavfel; leverantören köptes upp; omorganisation"),
                            new VendorChanged(SERVICE, "Moln AB", "Moln Holding AB", "Stavfel; leverantören köptes upp; omorganisation"),
                            new ServiceModelCorrected(SERVICE, se.molnkoll.kernel.ServiceModel.SAAS, se.molnkoll.kernel.ServiceModel.PAAS,
                                    "Stavfel; leverantören köptes upp; omorganisation"),
                            new ServiceMovedToUnit(SERVICE, "Regionstyrelsen", "Hälso- och sjukvård", "Stavfel; leverantören köptes upp; omorganisation"),
                            new OwnerChanged(SERVICE, "Anna Andersson", "Bo Berg", "Stavfel; leverantören köptes upp; omorganisation"));
        }

        @Test
        void only_what_differs_is_recorded_and_the_next_correction_compares_with_the_corrected_value() {
            fixture.given(registered(), new OwnerChanged(SERVICE, "Anna Andersson", "Bo Berg", "Anna slutade"))
                    .when(new CorrectServiceDetails(SERVICE, "Samarbetsyta", null, null, null, "Cecilia Ek", "Bo bytte uppdrag"))
                    .expectEvents(new OwnerChanged(SERVICE, "Bo Berg", "Cecilia Ek", "Bo bytte uppdrag"));
        }

        @Test
        void a_correction_that_changes_nothing_or_gives_no_reason_is_refused_and_records_nothing() {
            fixture.given(registered())
                    .when(new CorrectServiceDetails(SERVICE, "Samarbetsyta", "Moln AB", null, null, null, " "))
                    .expectException(rejectedFor("REASON_REQUIRED", "NOTHING_TO_CORRECT"))
                    .expectNoEvents();
        }

        @Test
        void a_decommissioned_service_takes_no_correction() {
            fixture.given(registered(), new ServiceDecommissioned(SERVICE, TODAY))
                    .when(new CorrectServiceDetails(SERVICE, "Nytt namn", null, null, null, null, "Stavfel"))
                    .expectException(rejectedFor("SERVICE_DECOMMISSIONED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Archiving {

        @Test
        void a_service_registered_by_mistake_is_archived_with_a_reason_and_then_takes_no_command() {
            fixture.given(registered())
                    .when(new ArchiveService(SERVICE, "Testtjänst, registrerad av misstag"))
                    .expectEvents(new ServiceArchived(SERVICE, "Testtjänst, registrerad av misstag"));
            fixture.given(registered(), new ServiceArchived(SERVICE, "Dubblett"))
                    .when(new CorrectServiceDetails(SERVICE, "Nytt namn", null, null, null, null, "Stavfel"))
                    .expectException(rejectedFor("SERVICE_ARCHIVED"))
                    .expectNoEvents();
            fixture.given(registered(), new ServiceArchived(SERVICE, "Dubblett"))
                    .when(new ArchiveService(SERVICE, "Igen"))
                    .expectException(rejectedFor("SERVICE_ARCHIVED"))
                    .expectNoEvents();
        }

        @Test
        void archiving_needs_a_reason_and_a_decommissioned_service_can_still_be_archived() {
            fixture.given(registered())
                    .when(new ArchiveService(SERVICE, " "))
                    .expectException(rejectedFor("REASON_REQUIRED"))
                    .expectNoEvents();
            fixture.given(registered(), new ServiceDecommissioned(SERVICE, TODAY))
                    .when(new ArchiveService(SERVICE, "Registrerades två gånger"))
                    .expectEvents(new ServiceArchived(SERVICE, "Registrerades två gånger"));
        }
    }

    @Nested
    class Classifying {

        @Test
        void a_service_can_be_classified() {
            fixture.given(registered())
                    .when(new SetClassification(SERVICE, patientAdministration()))
                    .expectEvents(classifiedAs(patientAdministration()));
        }

        @Test
        void a_classification_outside_the_klassa_scale_or_with_an_unknown_location_is_refused() {
            fixture.given(registered())
                    .when(new SetClassification(SERVICE, new Classification(5, 0, -1, false, false, List.of("SE", "XX"), null, null)))
                    .expectException(rejectedFor("INVALID_CLASSIFICATION", "INVALID_CLASSIFICATION", "INVALID_CLASSIFICATION"))
                    .expectNoEvents();
        }

        @Test
        void the_same_classification_again_is_refused_as_changing_nothing() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new SetClassification(SERVICE, publicInformation()))
                    .expectException(rejectedFor("CLASSIFICATION_UNCHANGED"))
                    .expectNoEvents();
        }

        @Test
        void a_new_classification_in_operation_is_a_changed_use_that_reopens_the_risk_analysis() {
            fixture.given(registered(), classifiedAs(publicInformation()),
                            coveringAll(id(1), publicInformation(), ACQUIRE),
                            new OperationStarted(SERVICE, TODAY),
                            coveringAll(id(2), publicInformation(), OPERATE))
                    .when(new SetClassification(SERVICE, patientAdministration()))
                    .expectEvents(classifiedAs(patientAdministration()), new RiskAnalysisReopened(SERVICE,
                            List.of(pair(42, OPERATE)), TODAY, RiskAnalysisReopened.CLASSIFICATION_CHANGED),
                            reviewScheduled(5), reviewScheduled(17), reviewScheduled(18), reviewScheduled(34),
                            reviewScheduled(38), reviewScheduled(42))
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(42, OPERATE), TODAY)).isEqualTo(MeasureStatus.OPEN);
                        assertThat(service.statusOn(pair(42, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.COVERED);
                    });
        }

        @Test
        void a_new_classification_before_operation_reopens_nothing() {
            fixture.given(registered(), classifiedAs(publicInformation()), coveringAll(id(1), publicInformation(), ACQUIRE))
                    .when(new SetClassification(SERVICE, patientAdministration()))
                    .expectEvents(classifiedAs(patientAdministration()));
        }

        @Test
        void a_service_can_be_classified_again_in_any_phase() {
            fixture.given(registered(), classifiedAs(publicInformation()),
                            coveringAll(id(1), publicInformation(), ACQUIRE),
                            new OperationStarted(SERVICE, TODAY),
                            new ContractTerminated(SERVICE, TODAY, "Upphandlas på nytt"))
                    .when(new SetClassification(SERVICE, patientAdministration()))
                    .expectEvents(classifiedAs(patientAdministration()));
        }
    }

    @Nested
    class RecordingEvidence {

        @Test
        void evidence_covers_each_named_measure_in_each_named_phase_it_belongs_to() {
            // 40 belongs to ANS and LÄMNA, 2 only to FÖR, 7 to ANS and FÖR
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(recordEvidence(id(1), Set.of(40, 2, 7), Set.of(ACQUIRE, OPERATE, EXIT)))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.axonframework.test.matchers.Matchers.matches((EvidenceReceived e) ->
                                            e.covers().equals(List.of(pair(2, OPERATE), pair(7, ACQUIRE),
                                                    pair(7, OPERATE), pair(40, ACQUIRE), pair(40, EXIT)))),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }

        @Test
        void phases_a_measure_does_not_belong_to_are_left_out() {
            // 24 belongs only to ANS: naming FÖR as well covers nothing more
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(recordEvidence(id(1), Set.of(24), Set.of(ACQUIRE, OPERATE)))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.axonframework.test.matchers.Matchers.matches((EvidenceReceived e) ->
                                            e.covers().equals(List.of(pair(24, ACQUIRE)))),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }

        @Test
        void evidence_is_refused_until_the_service_is_classified() {
            fixture.given(registered())
                    .when(recordEvidence(id(1), Set.of(24), Set.of(ACQUIRE)))
                    .expectException(rejectedFor("NOT_CLASSIFIED"))
                    .expectNoEvents();
        }

        @Test
        void evidence_for_a_measure_that_does_not_apply_is_refused() {
            // 31 applies only with personal data
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(recordEvidence(id(1), Set.of(31), Set.of(ACQUIRE)))
                    .expectException(rejectedFor("MEASURE_NOT_APPLICABLE"))
                    .expectNoEvents();
        }

        @Test
        void evidence_for_a_measure_outside_the_named_phases_is_refused() {
            // 2 belongs only to FÖR
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(recordEvidence(id(1), Set.of(2), Set.of(ACQUIRE, EXIT)))
                    .expectException(rejectedFor("MEASURE_NOT_IN_PHASES"))
                    .expectNoEvents();
        }

        @Test
        void a_measure_that_is_not_in_the_routine_is_refused() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(recordEvidence(id(1), Set.of(43), Set.of(ACQUIRE)))
                    .expectException(rejectedFor("MEASURE_UNKNOWN"))
                    .expectNoEvents();
        }

        @Test
        void every_reason_is_given_at_once() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(recordEvidence(id(1), Set.of(2, 31, 43), Set.of(ACQUIRE)))
                    .expectException(rejectedFor("MEASURE_NOT_IN_PHASES", "MEASURE_NOT_APPLICABLE", "MEASURE_UNKNOWN"))
                    .expectNoEvents();
        }

        @Test
        void an_evidence_id_can_be_used_only_once() {
            fixture.given(registered(), classifiedAs(publicInformation()), evidence(id(1), null, pair(24, ACQUIRE)))
                    .when(recordEvidence(id(1), Set.of(3), Set.of(ACQUIRE)))
                    .expectException(rejectedFor("EVIDENCE_ID_TAKEN"))
                    .expectNoEvents();
        }

        @Test
        void valid_until_before_valid_from_is_refused() {
            var command = recordEvidence(id(1), Set.of(24), Set.of(ACQUIRE));
            var reversed = new se.molnkoll.kernel.command.RecordEvidence(SERVICE, command.evidenceId(),
                    command.measureIds(), command.phases(), command.kind(), command.title(), command.issuer(),
                    command.receivedOn(), TODAY, TODAY.minusDays(1), null, null);
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(reversed)
                    .expectException(rejectedFor("VALIDITY_REVERSED"))
                    .expectNoEvents();
        }

        @Test
        void evidence_that_lapsed_before_it_was_received_is_refused_without_a_valid_from_date() {
            var command = recordEvidence(id(1), Set.of(24), Set.of(ACQUIRE));
            var lapsed = new se.molnkoll.kernel.command.RecordEvidence(SERVICE, command.evidenceId(),
                    command.measureIds(), command.phases(), command.kind(), command.title(), command.issuer(),
                    TODAY, null, TODAY.minusDays(1), null, null);
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(lapsed)
                    .expectException(rejectedFor("LAPSED_BEFORE_RECEIVED"))
                    .expectNoEvents();
        }

        @Test
        void evidence_received_after_it_lapsed_counts_for_the_days_it_says_it_was_valid() {
            var command = recordEvidence(id(1), Set.of(24), Set.of(ACQUIRE));
            var dated = new se.molnkoll.kernel.command.RecordEvidence(SERVICE, command.evidenceId(),
                    command.measureIds(), command.phases(), command.kind(), command.title(), command.issuer(),
                    TODAY, TODAY.minusYears(1), TODAY.minusDays(1), null, null);
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(dated)
                    .expectSuccessfulHandlerExecution()
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(24, ACQUIRE), TODAY.minusDays(2))).isEqualTo(MeasureStatus.COVERED);
                        assertThat(service.statusOn(pair(24, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.EXPIRED);
                    });
        }

        @Test
        void such_evidence_recorded_under_older_rules_still_loads_and_never_counted() {
            var recordedLongAgo = new EvidenceReceived(SERVICE, EvidenceId.of(id(1)), List.of(pair(24, ACQUIRE)),
                    EvidenceKind.CERTIFICATE, "Gammalt certifikat", "Certifieringsorgan AB", TODAY.minusDays(5), null,
                    TODAY.minusDays(10), null, null);
            fixture.given(registered(), classifiedAs(publicInformation()), recordedLongAgo)
                    .when(new TerminateContract(SERVICE, TODAY, "test"))
                    .expectSuccessfulHandlerExecution()
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(24, ACQUIRE), TODAY.minusDays(7))).isEqualTo(MeasureStatus.EXPIRED);
                        assertThat(service.statusOn(pair(24, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.EXPIRED);
                    });
        }

        @Test
        void evidence_past_its_valid_until_leaves_the_measure_expired_and_valid_until_is_inclusive() {
            fixture.given(registered(), classifiedAs(publicInformation()),
                            evidence(id(1), TODAY, pair(27, ACQUIRE)),
                            evidence(id(2), TODAY.minusDays(1), pair(29, ACQUIRE)))
                    .when(new TerminateContract(SERVICE, TODAY, "test"))
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(27, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.COVERED);
                        assertThat(service.statusOn(pair(29, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.EXPIRED);
                    });
        }
    }

    @Nested
    class WithdrawingEvidence {

        @Test
        void withdrawn_evidence_no_longer_covers_its_measures() {
            fixture.given(registered(), classifiedAs(publicInformation()), evidence(id(1), null, pair(27, ACQUIRE)))
                    .when(new WithdrawEvidence(SERVICE, EvidenceId.of(id(1)), "Fel dokument"))
                    .expectEvents(new EvidenceWithdrawn(SERVICE, EvidenceId.of(id(1)), "Fel dokument"))
                    .expectState(service -> assertThat(service.statusOn(pair(27, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.OPEN));
        }

        @Test
        void unknown_evidence_cannot_be_withdrawn() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new WithdrawEvidence(SERVICE, EvidenceId.of(id(9)), "Fel dokument"))
                    .expectException(UnknownEvidenceException.class)
                    .expectNoEvents();
        }

        @Test
        void evidence_cannot_be_withdrawn_twice() {
            fixture.given(registered(), classifiedAs(publicInformation()), evidence(id(1), null, pair(27, ACQUIRE)),
                            new EvidenceWithdrawn(SERVICE, EvidenceId.of(id(1)), "Fel dokument"))
                    .when(new WithdrawEvidence(SERVICE, EvidenceId.of(id(1)), "Igen"))
                    .expectException(rejectedFor("EVIDENCE_ALREADY_WITHDRAWN"))
                    .expectNoEvents();
        }
    }

    @Nested
    class SigningOffResidualRisk {

        private static final String PROPOSAL = "0b6f7c1e-2f43-4b7e-9d0a-5a1c3e7f9b21";
        private static final String RISK = "Leverantören loggar inte administratörers åtkomst";
        private static final String WHY = "Leverantören erbjuder inte detta; risken bedöms låg";

        private ProposeRiskAcceptance propose(int measure, Phase phase, LocalDate until) {
            return new ProposeRiskAcceptance(SERVICE, PROPOSAL, new MeasureId(measure), phase, RISK, WHY, until, "manager");
        }

        private RiskAcceptanceProposed proposed(LocalDate until) {
            return new RiskAcceptanceProposed(SERVICE, PROPOSAL, new MeasureId(8), ACQUIRE, RISK, WHY, until, "manager", TODAY);
        }

        private RiskAcceptanceApproved approved(LocalDate on, LocalDate until) {
            return new RiskAcceptanceApproved(SERVICE, PROPOSAL, new MeasureId(8), ACQUIRE, RISK, WHY, "manager",
                    "riskowner", on, until, null);
        }

        @Test
        void a_proposal_counts_for_nothing_until_the_risk_owner_approves_it() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(propose(8, ACQUIRE, TODAY.plusMonths(6)))
                    .expectEvents(proposed(TODAY.plusMonths(6)))
                    .expectState(service -> assertThat(service.statusOn(pair(8, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.OPEN));
        }

        @Test
        void an_approved_acceptance_counts_from_the_approval_day_through_its_end_date() {
            clock.set(TODAY.plusDays(3));
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusMonths(6)))
                    .when(new ApproveRiskAcceptance(SERVICE, PROPOSAL, "riskowner", "Följs upp vid nästa revision"))
                    .expectEvents(new RiskAcceptanceApproved(SERVICE, PROPOSAL, new MeasureId(8), ACQUIRE, RISK, WHY,
                            "manager", "riskowner", TODAY.plusDays(3), TODAY.plusMonths(6), "Följs upp vid nästa revision"))
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(8, ACQUIRE), TODAY.plusDays(2))).isEqualTo(MeasureStatus.OPEN);
                        assertThat(service.statusOn(pair(8, ACQUIRE), TODAY.plusDays(3))).isEqualTo(MeasureStatus.RISK_ACCEPTED);
                        assertThat(service.statusOn(pair(8, ACQUIRE), TODAY.plusMonths(6))).isEqualTo(MeasureStatus.RISK_ACCEPTED);
                        assertThat(service.statusOn(pair(8, ACQUIRE), TODAY.plusMonths(6).plusDays(1))).isEqualTo(MeasureStatus.OPEN);
                    });
        }

        @Test
        void nobody_approves_or_rejects_their_own_proposal() {
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusMonths(6)))
                    .when(new ApproveRiskAcceptance(SERVICE, PROPOSAL, "manager", null))
                    .expectException(rejectedFor("DECIDER_IS_PROPOSER"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusMonths(6)))
                    .when(new RejectRiskAcceptance(SERVICE, PROPOSAL, "manager", "Jag ångrar mig"))
                    .expectException(rejectedFor("DECIDER_IS_PROPOSER"))
                    .expectNoEvents();
        }

        @Test
        void a_rejected_proposal_counts_for_nothing_and_cannot_be_decided_again() {
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusMonths(6)))
                    .when(new RejectRiskAcceptance(SERVICE, PROPOSAL, "riskowner", "Risken är för hög"))
                    .expectEvents(new RiskAcceptanceRejected(SERVICE, PROPOSAL, new MeasureId(8), ACQUIRE, "riskowner",
                            TODAY, "Risken är för hög"))
                    .expectState(service -> assertThat(service.statusOn(pair(8, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.OPEN));
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusMonths(6)),
                            new RiskAcceptanceRejected(SERVICE, PROPOSAL, new MeasureId(8), ACQUIRE, "riskowner", TODAY, "Nej"))
                    .when(new ApproveRiskAcceptance(SERVICE, PROPOSAL, "riskowner", null))
                    .expectException(rejectedFor("PROPOSAL_DECIDED"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusMonths(6)))
                    .when(new RejectRiskAcceptance(SERVICE, PROPOSAL, "riskowner", " "))
                    .expectException(rejectedFor("REASON_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void the_end_date_is_mandatory_not_past_and_at_most_three_years_ahead() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(propose(8, ACQUIRE, null))
                    .expectException(rejectedFor("END_DATE_REQUIRED"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(propose(8, ACQUIRE, TODAY.minusDays(1)))
                    .expectException(rejectedFor("ACCEPTANCE_ALREADY_ENDED"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(propose(8, ACQUIRE, TODAY.plusYears(3).plusDays(1)))
                    .expectException(rejectedFor("ACCEPTANCE_TOO_LONG"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(propose(8, ACQUIRE, TODAY.plusYears(3)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_longest_span_is_configurable() {
            FixtureConfiguration<CloudService> oneYear = new AggregateTestFixture<>(CloudService.class);
            oneYear.registerInjectableResource(CATALOGUE);
            oneYear.registerInjectableResource((se.molnkoll.kernel.catalogue.ReviewSchedules)
                    () -> se.molnkoll.kernel.catalogue.ReviewSchedule.loadDefault(CATALOGUE));
            oneYear.registerInjectableResource((Clock) clock);
            oneYear.registerInjectableResource(new RiskAcceptancePolicy(java.time.Period.ofYears(1)));
            oneYear.given(registered(), classifiedAs(publicInformation()))
                    .when(propose(8, ACQUIRE, TODAY.plusYears(1).plusDays(1)))
                    .expectException(rejectedFor("ACCEPTANCE_TOO_LONG"))
                    .expectNoEvents();
        }

        @Test
        void a_proposal_says_what_remains_and_why_and_waits_alone_for_its_measure() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new ProposeRiskAcceptance(SERVICE, PROPOSAL, new MeasureId(8), ACQUIRE, " ", null,
                            TODAY.plusMonths(1), "manager"))
                    .expectException(rejectedFor("RESIDUAL_RISK_REQUIRED", "MOTIVATION_REQUIRED"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusMonths(6)))
                    .when(new ProposeRiskAcceptance(SERVICE, "9c1d2e3f-0000-4000-8000-000000000001", new MeasureId(8),
                            ACQUIRE, RISK, WHY, TODAY.plusMonths(2), "another"))
                    .expectException(rejectedFor("PROPOSAL_PENDING"))
                    .expectNoEvents();
        }

        @Test
        void measures_24_and_42_must_be_done_and_cannot_be_risk_accepted() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(propose(24, ACQUIRE, TODAY.plusYears(1)))
                    .expectException(rejectedFor("MEASURE_MUST_BE_DONE"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(propose(42, OPERATE, TODAY.plusYears(1)))
                    .expectException(rejectedFor("MEASURE_MUST_BE_DONE"))
                    .expectNoEvents();
        }

        @Test
        void a_risk_cannot_be_proposed_for_a_measure_that_does_not_apply_or_a_phase_it_lacks() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(propose(31, ACQUIRE, TODAY.plusYears(1)))
                    .expectException(rejectedFor("MEASURE_NOT_APPLICABLE"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(propose(2, EXIT, TODAY.plusYears(1)))
                    .expectException(rejectedFor("MEASURE_NOT_IN_PHASES"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("it belongs to [OPERATE]"))
                    .expectNoEvents();
            fixture.given(registered())
                    .when(propose(8, ACQUIRE, TODAY.plusYears(1)))
                    .expectException(rejectedFor("NOT_CLASSIFIED"))
                    .expectNoEvents();
        }

        @Test
        void a_proposal_whose_end_has_passed_can_no_longer_be_approved() {
            clock.set(TODAY.plusDays(11));
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusDays(10)))
                    .when(new ApproveRiskAcceptance(SERVICE, PROPOSAL, "riskowner", null))
                    .expectException(rejectedFor("ACCEPTANCE_ALREADY_ENDED"))
                    .expectNoEvents();
        }

        @Test
        void an_unknown_proposal_cannot_be_decided() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new ApproveRiskAcceptance(SERVICE, PROPOSAL, "riskowner", null))
                    .expectException(UnknownProposalException.class)
                    .expectNoEvents();
        }

        @Test
        void the_end_is_recorded_once_the_day_after_the_last_day_and_only_a_new_approval_renews_it() {
            Object[] history = {registered(), classifiedAs(publicInformation()), proposed(TODAY.plusDays(10)),
                    approved(TODAY, TODAY.plusDays(10))};
            clock.set(TODAY.plusDays(10));
            fixture.given(history)
                    .when(new EndRiskAcceptance(SERVICE, PROPOSAL))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
            clock.set(TODAY.plusDays(12));
            fixture.given(history)
                    .when(new EndRiskAcceptance(SERVICE, PROPOSAL))
                    .expectResultMessagePayload(true)
                    .expectEvents(new RiskAcceptanceEnded(SERVICE, PROPOSAL, new MeasureId(8), ACQUIRE, TODAY.plusDays(11)))
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(8, ACQUIRE), TODAY.plusDays(10))).isEqualTo(MeasureStatus.RISK_ACCEPTED);
                        assertThat(service.statusOn(pair(8, ACQUIRE), TODAY.plusDays(12))).isEqualTo(MeasureStatus.OPEN);
                    });
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusDays(10)),
                            approved(TODAY, TODAY.plusDays(10)),
                            new RiskAcceptanceEnded(SERVICE, PROPOSAL, new MeasureId(8), ACQUIRE, TODAY.plusDays(11)))
                    .when(new EndRiskAcceptance(SERVICE, PROPOSAL))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void a_revoked_acceptance_reaches_no_end_and_a_pending_proposal_none_either() {
            clock.set(TODAY.plusDays(20));
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusDays(10)),
                            approved(TODAY, TODAY.plusDays(10)),
                            new RiskAcceptanceRevoked(SERVICE, new MeasureId(8), ACQUIRE, TODAY.plusDays(5), "Ändrade förutsättningar"))
                    .when(new EndRiskAcceptance(SERVICE, PROPOSAL))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()), proposed(TODAY.plusDays(10)))
                    .when(new EndRiskAcceptance(SERVICE, PROPOSAL))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void acceptances_recorded_before_the_sign_off_still_count_as_they_did() {
            fixture.given(registered(), classifiedAs(publicInformation()),
                            new ResidualRiskAccepted(SERVICE, new MeasureId(8), ACQUIRE, "Förvaltningschef", "Låg risk",
                                    TODAY.minusMonths(1), null))
                    .when(new TerminateContract(SERVICE, TODAY, "test"))
                    .expectState(service -> assertThat(service.statusOn(pair(8, ACQUIRE), TODAY))
                            .isEqualTo(MeasureStatus.RISK_ACCEPTED));
        }
    }

    /** A recurring review of operation due a year from today (every default interval but 34's is a year). */
    private static ReviewScheduled reviewScheduled(int measure) {
        return new ReviewScheduled(SERVICE, new MeasureId(measure), OPERATE, measure == 34 ? TODAY.plusMonths(6) : TODAY.plusYears(1));
    }

    /** Operation started today, and the recurring reviews of these measures scheduled. */
    private static Object[] startedWithReviewsOf(int... measures) {
        List<Object> events = new java.util.ArrayList<>(List.of(new OperationStarted(SERVICE, TODAY)));
        for (int measure : measures) events.add(reviewScheduled(measure));
        return events.toArray();
    }

    @Nested
    class RecurringReviews {

        private Object[] inOperation() {
            return new Object[]{registered(), classifiedAs(publicInformation()), new OperationStarted(SERVICE, TODAY),
                    reviewScheduled(5), reviewScheduled(38), reviewScheduled(42),
                    evidence(id(1), null, pair(5, OPERATE), pair(38, OPERATE), pair(42, OPERATE))};
        }

        @Test
        void a_review_not_recorded_by_its_date_falls_due_once_the_day_after_and_the_measure_is_review_due() {
            clock.set(TODAY.plusYears(1));
            fixture.given(inOperation())
                    .when(new MarkReviewDue(SERVICE, new MeasureId(38), OPERATE))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
            clock.set(TODAY.plusYears(1).plusDays(3));
            fixture.given(inOperation())
                    .when(new MarkReviewDue(SERVICE, new MeasureId(38), OPERATE))
                    .expectResultMessagePayload(true)
                    .expectEvents(new ReviewFellDue(SERVICE, new MeasureId(38), OPERATE, TODAY.plusYears(1).plusDays(1)))
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(38, OPERATE), TODAY.plusYears(1))).isEqualTo(MeasureStatus.COVERED);
                        assertThat(service.statusOn(pair(38, OPERATE), TODAY.plusYears(1).plusDays(1)))
                                .isEqualTo(MeasureStatus.REVIEW_DUE);
                        assertThat(MeasureStatus.REVIEW_DUE.isOpen()).isTrue();
                    });
            fixture.given(inOperation())
                    .andGiven(new ReviewFellDue(SERVICE, new MeasureId(38), OPERATE, TODAY.plusYears(1).plusDays(1)))
                    .when(new MarkReviewDue(SERVICE, new MeasureId(38), OPERATE))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void recording_the_review_sets_the_next_date_and_ends_review_due() {
            clock.set(TODAY.plusYears(1).plusDays(10));
            fixture.given(inOperation())
                    .andGiven(new ReviewFellDue(SERVICE, new MeasureId(38), OPERATE, TODAY.plusYears(1).plusDays(1)))
                    .when(new RecordReview(SERVICE, new MeasureId(38), OPERATE, RecordReview.ReviewOutcome.ACTION_NEEDED,
                            "SOC 2-rapporten saknar bilaga", "Ärende 2027/17", "karin"))
                    .expectEvents(new ReviewRecorded(SERVICE, new MeasureId(38), OPERATE, TODAY.plusYears(1).plusDays(10),
                            RecordReview.ReviewOutcome.ACTION_NEEDED, "SOC 2-rapporten saknar bilaga", "Ärende 2027/17", "karin",
                            TODAY.plusYears(2).plusDays(10)))
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(38, OPERATE), TODAY.plusYears(1).plusDays(9))).isEqualTo(MeasureStatus.REVIEW_DUE);
                        assertThat(service.statusOn(pair(38, OPERATE), TODAY.plusYears(1).plusDays(10))).isEqualTo(MeasureStatus.COVERED);
                    });
        }

        @Test
        void only_scheduled_measures_in_operation_are_reviewed_and_an_outcome_is_required() {
            fixture.given(inOperation())
                    .when(new RecordReview(SERVICE, new MeasureId(3), OPERATE, RecordReview.ReviewOutcome.OK, null, null, "karin"))
                    .expectException(rejectedFor("REVIEW_NOT_SCHEDULED"))
                    .expectNoEvents();
            fixture.given(inOperation())
                    .when(new RecordReview(SERVICE, new MeasureId(38), OPERATE, null, null, null, "karin"))
                    .expectException(rejectedFor("OUTCOME_REQUIRED"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new RecordReview(SERVICE, new MeasureId(38), OPERATE, RecordReview.ReviewOutcome.OK, null, null, "karin"))
                    .expectException(rejectedFor("WRONG_PHASE"))
                    .expectNoEvents();
        }

        @Test
        void a_service_that_left_operation_has_no_review_fall_due() {
            clock.set(TODAY.plusYears(2));
            fixture.given(inOperation())
                    .andGiven(new ContractTerminated(SERVICE, TODAY.plusMonths(6), "Upphandlas"))
                    .when(new MarkReviewDue(SERVICE, new MeasureId(38), OPERATE))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }
    }

    @Nested
    class GivingOutTasks {

        private static final String TASK = "5f0c8a2e-7d1b-4c3a-9e8f-1a2b3c4d5e6f";
        private static final String PROPOSAL = "0b6f7c1e-2f43-4b7e-9d0a-5a1c3e7f9b21";

        private TaskAssigned assigned(int measure) {
            return new TaskAssigned(SERVICE, TASK, new MeasureId(measure), ACQUIRE, null, "karin", TODAY.plusDays(14),
                    "Begär intyget");
        }

        @Test
        void an_open_measure_is_given_to_a_person_due_on_a_date() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new AssignTask(SERVICE, TASK, new MeasureId(27), ACQUIRE, null, " karin ", TODAY.plusDays(14),
                            "Begär intyget"))
                    .expectEvents(assigned(27));
        }

        @Test
        void only_open_applicable_work_with_a_person_and_a_date_not_past_is_given_out() {
            fixture.given(registered(), classifiedAs(publicInformation()), evidence(id(1), null, pair(27, ACQUIRE)))
                    .when(new AssignTask(SERVICE, TASK, new MeasureId(27), ACQUIRE, null, "karin", TODAY, null))
                    .expectException(rejectedFor("MEASURE_NOT_OPEN"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new AssignTask(SERVICE, TASK, new MeasureId(31), ACQUIRE, null, "karin", TODAY, null))
                    .expectException(rejectedFor("MEASURE_NOT_APPLICABLE"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new AssignTask(SERVICE, TASK, new MeasureId(27), ACQUIRE, null, " ", TODAY.minusDays(1), null))
                    .expectException(rejectedFor("ASSIGNEE_REQUIRED", "DUE_DATE_PASSED"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new AssignTask(SERVICE, TASK, null, null, null, "karin", null, null))
                    .expectException(rejectedFor("DUE_DATE_REQUIRED", "TASK_SUBJECT_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void one_open_task_per_measure_and_reassigning_records_before_and_after() {
            fixture.given(registered(), classifiedAs(publicInformation()), assigned(27))
                    .when(new AssignTask(SERVICE, "another", new MeasureId(27), ACQUIRE, null, "olle", TODAY.plusDays(3), null))
                    .expectException(rejectedFor("TASK_EXISTS"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()), assigned(27))
                    .when(new ReassignTask(SERVICE, TASK, "olle", TODAY.plusDays(7), "Karin är ledig"))
                    .expectEvents(new TaskReassigned(SERVICE, TASK, "karin", "olle", TODAY.plusDays(14), TODAY.plusDays(7),
                            "Karin är ledig"));
            fixture.given(registered(), classifiedAs(publicInformation()), assigned(27))
                    .when(new ReassignTask(SERVICE, TASK, "karin", TODAY.plusDays(14), null))
                    .expectException(rejectedFor("NOTHING_TO_CHANGE"))
                    .expectNoEvents();
        }

        @Test
        void completing_is_recorded_once_and_an_unknown_task_is_refused() {
            fixture.given(registered(), classifiedAs(publicInformation()), assigned(27))
                    .when(new CompleteTask(SERVICE, TASK, "Intyget är begärt"))
                    .expectEvents(new TaskCompleted(SERVICE, TASK, TODAY, TaskCompleted.MARKED_DONE, "Intyget är begärt"));
            fixture.given(registered(), classifiedAs(publicInformation()), assigned(27),
                            new TaskCompleted(SERVICE, TASK, TODAY, TaskCompleted.MARKED_DONE, null))
                    .when(new CompleteTask(SERVICE, TASK, null))
                    .expectException(rejectedFor("TASK_COMPLETED"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new CompleteTask(SERVICE, TASK, null))
                    .expectException(UnknownTaskException.class)
                    .expectNoEvents();
        }

        @Test
        void evidence_that_closes_the_measure_completes_its_task() {
            fixture.given(registered(), classifiedAs(publicInformation()), assigned(27))
                    .when(recordEvidence(id(1), Set.of(27), Set.of(ACQUIRE)))
                    .expectEvents(new EvidenceReceived(SERVICE, EvidenceId.of(id(1)), List.of(pair(27, ACQUIRE)),
                                    EvidenceKind.CONTRACT_CLAUSE, "Personuppgiftsbiträdesavtal", "Moln AB", TODAY, null, null,
                                    null, "Avtal 2026/17"),
                            new TaskCompleted(SERVICE, TASK, TODAY, TaskCompleted.MEASURE_CLOSED, null));
        }

        @Test
        void a_proposal_given_to_a_risk_owner_is_done_when_decided() {
            var proposed = new RiskAcceptanceProposed(SERVICE, PROPOSAL, new MeasureId(8), ACQUIRE, "Risk", "Varför",
                    TODAY.plusMonths(6), "manager", TODAY);
            fixture.given(registered(), classifiedAs(publicInformation()), proposed)
                    .when(new AssignTask(SERVICE, TASK, null, null, PROPOSAL, "riskowner", TODAY.plusDays(5), null))
                    .expectEvents(new TaskAssigned(SERVICE, TASK, null, null, PROPOSAL, "riskowner", TODAY.plusDays(5), null));
            fixture.given(registered(), classifiedAs(publicInformation()), proposed,
                            new TaskAssigned(SERVICE, TASK, null, null, PROPOSAL, "riskowner", TODAY.plusDays(5), null))
                    .when(new RejectRiskAcceptance(SERVICE, PROPOSAL, "riskowner", "Nej"))
                    .expectEvents(new RiskAcceptanceRejected(SERVICE, PROPOSAL, new MeasureId(8), ACQUIRE, "riskowner", TODAY, "Nej"),
                            new TaskCompleted(SERVICE, TASK, TODAY, TaskCompleted.PROPOSAL_DECIDED, null));
        }
    }

    @Nested
    class RevokingRiskAcceptance {

        private final ResidualRiskAccepted accepted = new ResidualRiskAccepted(SERVICE, new MeasureId(8), ACQUIRE,
                "Förvaltningschef", "Risken bedöms låg", TODAY.minusDays(10), TODAY.plusMonths(6));

        @Test
        void from_the_date_the_measure_is_open_again_and_before_it_the_acceptance_still_counted() {
            fixture.given(registered(), classifiedAs(publicInformation()), accepted)
                    .when(new RevokeRiskAcceptance(SERVICE, new MeasureId(8), ACQUIRE, TODAY, "Risken är inte längre låg"))
                    .expectEvents(new RiskAcceptanceRevoked(SERVICE, new MeasureId(8), ACQUIRE, TODAY, "Risken är inte längre låg"))
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(8, ACQUIRE), TODAY.minusDays(1))).isEqualTo(MeasureStatus.RISK_ACCEPTED);
                        assertThat(service.statusOn(pair(8, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.OPEN);
                        assertThat(service.statusOn(pair(8, ACQUIRE), TODAY.plusMonths(1))).isEqualTo(MeasureStatus.OPEN);
                    });
        }

        @Test
        void an_acceptance_given_in_error_is_revoked_from_its_first_day_and_never_counted() {
            fixture.given(registered(), classifiedAs(publicInformation()), accepted)
                    .when(new RevokeRiskAcceptance(SERVICE, new MeasureId(8), ACQUIRE, TODAY.minusDays(10), "Gavs av misstag"))
                    .expectSuccessfulHandlerExecution()
                    .expectState(service -> assertThat(service.statusOn(pair(8, ACQUIRE), TODAY.minusDays(10)))
                            .isEqualTo(MeasureStatus.OPEN));
        }

        @Test
        void there_must_be_an_acceptance_still_counting_then_and_a_reason() {
            fixture.given(registered(), classifiedAs(publicInformation()), accepted)
                    .when(new RevokeRiskAcceptance(SERVICE, new MeasureId(8), ACQUIRE, TODAY.plusMonths(7), " "))
                    .expectException(rejectedFor("REASON_REQUIRED", "NO_ACCEPTANCE_TO_REVOKE"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()), accepted,
                            new RiskAcceptanceRevoked(SERVICE, new MeasureId(8), ACQUIRE, TODAY, "Redan återkallad"))
                    .when(new RevokeRiskAcceptance(SERVICE, new MeasureId(8), ACQUIRE, TODAY, "Igen"))
                    .expectException(rejectedFor("NO_ACCEPTANCE_TO_REVOKE"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()), accepted)
                    .when(new RevokeRiskAcceptance(SERVICE, new MeasureId(9), ACQUIRE, TODAY, "Fel åtgärd"))
                    .expectException(rejectedFor("NO_ACCEPTANCE_TO_REVOKE"))
                    .expectNoEvents();
        }
    }

    @Nested
    class StartingOperation {

        @Test
        void operation_starts_when_every_acquire_measure_is_covered_or_risk_accepted() {
            fixture.given(registered(), classifiedAs(publicInformation()),
                            coveringAllBut(id(1), publicInformation(), ACQUIRE, 8),
                            new ResidualRiskAccepted(SERVICE, new MeasureId(8), ACQUIRE, "Förvaltningschef", "Låg risk", TODAY, null))
                    .when(new StartOperation(SERVICE))
                    .expectEvents(startedWithReviewsOf(5, 38, 42));
        }

        @Test
        void operation_is_refused_while_acquire_measures_are_open_and_the_refusal_lists_them() {
            fixture.given(registered(), classifiedAs(publicInformation()),
                            coveringAllBut(id(1), publicInformation(), ACQUIRE, 3, 21))
                    .when(new StartOperation(SERVICE))
                    .expectException(rejectedFor("ACQUIRE_MEASURES_OPEN"))
                    .expectException(org.axonframework.test.matchers.Matchers.matches((RuleViolationException e) ->
                            e.violations().get(0).measures().equals(List.of(pair(3, ACQUIRE), pair(21, ACQUIRE)))
                                    && e.getMessage().contains("3 (open), 21 (open)")))
                    .expectNoEvents();
        }

        @Test
        void expired_evidence_does_not_count() {
            fixture.given(registered(), classifiedAs(publicInformation()),
                            coveringAllBut(id(1), publicInformation(), ACQUIRE, 27),
                            evidence(id(2), TODAY.plusDays(10), pair(27, ACQUIRE)))
                    .andGivenCommands()
                    .when(new StartOperation(SERVICE))
                    .expectEvents(startedWithReviewsOf(5, 38, 42));

            clock.set(TODAY.plusDays(11));
            fixture.given(registered(), classifiedAs(publicInformation()),
                            coveringAllBut(id(1), publicInformation(), ACQUIRE, 27),
                            evidence(id(2), TODAY.plusDays(10), pair(27, ACQUIRE)))
                    .when(new StartOperation(SERVICE))
                    .expectException(org.axonframework.test.matchers.Matchers.matches((RuleViolationException e) ->
                            e.getMessage().contains("27 (evidence expired)")))
                    .expectNoEvents();
        }

        @Test
        void withdrawn_evidence_and_ended_acceptances_do_not_count() {
            fixture.given(registered(), classifiedAs(publicInformation()),
                            coveringAllBut(id(1), publicInformation(), ACQUIRE, 8, 27),
                            evidence(id(2), null, pair(27, ACQUIRE)),
                            new EvidenceWithdrawn(SERVICE, EvidenceId.of(id(2)), "Återkallat certifikat"),
                            new ResidualRiskAccepted(SERVICE, new MeasureId(8), ACQUIRE, "Förvaltningschef", "Låg risk",
                                    TODAY.minusMonths(1), TODAY.minusDays(1)))
                    .when(new StartOperation(SERVICE))
                    .expectException(org.axonframework.test.matchers.Matchers.matches((RuleViolationException e) ->
                            e.violations().get(0).measures().equals(List.of(pair(8, ACQUIRE), pair(27, ACQUIRE)))))
                    .expectNoEvents();
        }

        @Test
        void a_reclassification_opens_newly_applicable_measures_and_drops_those_that_no_longer_apply() {
            // covered for public information only; personal data adds 31-37, 39 and more
            fixture.given(registered(), classifiedAs(publicInformation()),
                            coveringAll(id(1), publicInformation(), ACQUIRE),
                            classifiedAs(patientAdministration()))
                    .when(new StartOperation(SERVICE))
                    .expectException(org.axonframework.test.matchers.Matchers.matches((RuleViolationException e) ->
                            e.violations().get(0).measures().contains(pair(31, ACQUIRE))
                                    && e.violations().get(0).measures().contains(pair(18, ACQUIRE))))
                    .expectNoEvents();
            // covered for patient administration; going back to public information drops 31 etc.
            fixture.given(registered(), classifiedAs(patientAdministration()),
                            coveringAllBut(id(1), patientAdministration(), ACQUIRE, 31, 32),
                            classifiedAs(publicInformation()))
                    .when(new StartOperation(SERVICE))
                    .expectEvents(startedWithReviewsOf(5, 38, 42));
        }

        @Test
        void operation_cannot_start_unclassified_or_twice() {
            fixture.given(registered())
                    .when(new StartOperation(SERVICE))
                    .expectException(rejectedFor("NOT_CLASSIFIED"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()),
                            coveringAll(id(1), publicInformation(), ACQUIRE), new OperationStarted(SERVICE, TODAY))
                    .when(new StartOperation(SERVICE))
                    .expectException(rejectedFor("WRONG_PHASE"))
                    .expectNoEvents();
        }
    }

    @Nested
    class VendorsAndLocations {

        private final se.molnkoll.kernel.VendorId other = se.molnkoll.kernel.VendorId.of("9c1e5b7a-3d2f-4e6a-8b9c-0d1e2f3a4b5c");

        @Test
        void a_service_is_linked_to_a_vendor_record_with_the_vendors_name_then_and_a_reason() {
            fixture.given(registered())
                    .when(new se.molnkoll.kernel.command.LinkVendor(SERVICE, VendorTest.VENDOR, " Bekräftad matchning "))
                    .expectEvents(new se.molnkoll.kernel.event.VendorLinked(SERVICE, null, VendorTest.VENDOR,
                            "Molnbolaget Sverige AB", "Bekräftad matchning"));
            fixture.given(registered(), new se.molnkoll.kernel.event.VendorLinked(SERVICE, null, VendorTest.VENDOR, "Molnbolaget Sverige AB", "x"))
                    .when(new se.molnkoll.kernel.command.LinkVendor(SERVICE, VendorTest.VENDOR, "Igen"))
                    .expectException(rejectedFor("VENDOR_LINKED_ALREADY"));
            fixture.given(registered())
                    .when(new se.molnkoll.kernel.command.LinkVendor(SERVICE, other, ""))
                    .expectNoEvents()
                    .expectException(rejectedFor("REASON_REQUIRED", "UNKNOWN_VENDOR"));
        }

        @Test
        void another_vendor_is_linked_only_once_the_present_vendors_sub_processors_are_no_longer_declared() {
            var linked = new se.molnkoll.kernel.event.VendorLinked(SERVICE, null, other, "Annan AB", "x");
            se.molnkoll.kernel.DeclaredLocations withSubProcessor = new se.molnkoll.kernel.DeclaredLocations(List.of("SE"), List.of(),
                    List.of("5a0c1f7e-1b2d-4e3f-8a9b-0c1d2e3f4a5b"), TODAY, null);
            fixture.given(registered(), linked, new se.molnkoll.kernel.event.LocationsDeclared(SERVICE, withSubProcessor))
                    .when(new se.molnkoll.kernel.command.LinkVendor(SERVICE, VendorTest.VENDOR, "Bytt leverantör"))
                    .expectNoEvents()
                    .expectException(rejectedFor("SUB_PROCESSORS_DECLARED"));
            fixture.given(registered(), linked, new se.molnkoll.kernel.event.LocationsDeclared(SERVICE, withSubProcessor),
                            new se.molnkoll.kernel.event.LocationsDeclared(SERVICE, new se.molnkoll.kernel.DeclaredLocations(List.of("SE"),
                                    List.of(), List.of(), TODAY, null)))
                    .when(new se.molnkoll.kernel.command.LinkVendor(SERVICE, VendorTest.VENDOR, "Bytt leverantör"))
                    .expectEvents(new se.molnkoll.kernel.event.VendorLinked(SERVICE, other, VendorTest.VENDOR, "Molnbolaget Sverige AB",
                            "Bytt leverantör"));
        }

        @Test
        void locations_are_declared_with_the_vendors_sub_processors_the_service_uses() {
            se.molnkoll.kernel.DeclaredLocations declared = new se.molnkoll.kernel.DeclaredLocations(List.of("SE", "FI"), List.of("SE"),
                    List.of(VendorTest.SUPPORT_PARTNER), TODAY.minusDays(1), "Personuppgiftsbiträdesavtal bilaga 2");
            fixture.given(registered(), new se.molnkoll.kernel.event.VendorLinked(SERVICE, null, VendorTest.VENDOR, "Molnbolaget Sverige AB", "x"))
                    .when(new se.molnkoll.kernel.command.DeclareLocations(SERVICE, new se.molnkoll.kernel.DeclaredLocations(
                            List.of("SE", "FI", "SE"), List.of("SE"), List.of(VendorTest.SUPPORT_PARTNER), TODAY.minusDays(1),
                            " Personuppgiftsbiträdesavtal bilaga 2 ")))
                    .expectEvents(new se.molnkoll.kernel.event.LocationsDeclared(SERVICE, declared));
            fixture.given(registered(), new se.molnkoll.kernel.event.VendorLinked(SERVICE, null, VendorTest.VENDOR, "Molnbolaget Sverige AB", "x"),
                            new se.molnkoll.kernel.event.LocationsDeclared(SERVICE, declared))
                    .when(new se.molnkoll.kernel.command.DeclareLocations(SERVICE, declared))
                    .expectException(rejectedFor("NOTHING_TO_CHANGE"));
        }

        @Test
        void a_service_adopts_its_vendors_certificate_for_its_own_measures_and_it_counts_as_its_evidence() {
            se.molnkoll.kernel.EvidenceId copy = se.molnkoll.kernel.EvidenceId.of("1d2c3b4a-0000-4000-8000-00000000c0b1");
            var linked = new se.molnkoll.kernel.event.VendorLinked(SERVICE, null, VendorTest.VENDOR, "Molnbolaget Sverige AB", "x");
            fixture.given(registered(), classifiedAs(publicInformation()), linked)
                    .when(new se.molnkoll.kernel.command.AdoptVendorEvidence(SERVICE, copy, VendorTest.ISO, Set.of(new MeasureId(27)),
                            Set.of(ACQUIRE, OPERATE)))
                    .expectEvents(new se.molnkoll.kernel.event.VendorEvidenceAdopted(SERVICE, copy, VendorTest.VENDOR, VendorTest.ISO,
                                    List.of(pair(27, ACQUIRE))),
                            new EvidenceReceived(SERVICE, copy, List.of(pair(27, ACQUIRE)), EvidenceKind.CERTIFICATE,
                                    "ISO/IEC 27001", "Certifieringsorgan AB", TODAY.minusDays(20), null, TODAY.plusDays(100), null,
                                    "Molnbolaget Sverige AB: Alla datacenter i Norden (Cert 2026-1)"))
                    .expectState(service -> assertThat(service.statusOn(pair(27, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.COVERED));
        }

        @Test
        void evidence_is_adopted_once_only_while_valid_at_the_vendor_and_only_through_a_linked_vendor() {
            se.molnkoll.kernel.EvidenceId first = se.molnkoll.kernel.EvidenceId.of("1d2c3b4a-0000-4000-8000-00000000c0b1");
            se.molnkoll.kernel.EvidenceId second = se.molnkoll.kernel.EvidenceId.of("1d2c3b4a-0000-4000-8000-00000000c0b2");
            var linked = new se.molnkoll.kernel.event.VendorLinked(SERVICE, null, VendorTest.VENDOR, "Molnbolaget Sverige AB", "x");
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new se.molnkoll.kernel.command.AdoptVendorEvidence(SERVICE, second, VendorTest.ISO, Set.of(new MeasureId(27)), Set.of(ACQUIRE)))
                    .expectException(rejectedFor("VENDOR_NOT_LINKED"));
            fixture.given(registered(), classifiedAs(publicInformation()), linked)
                    .when(new se.molnkoll.kernel.command.AdoptVendorEvidence(SERVICE, second, VendorTest.REVOKED, Set.of(new MeasureId(27)), Set.of(ACQUIRE)))
                    .expectException(rejectedFor("VENDOR_EVIDENCE_WITHDRAWN"));
            fixture.given(registered(), classifiedAs(publicInformation()), linked,
                            new se.molnkoll.kernel.event.VendorEvidenceAdopted(SERVICE, first, VendorTest.VENDOR, VendorTest.ISO,
                                    List.of(pair(27, ACQUIRE))),
                            new EvidenceReceived(SERVICE, first, List.of(pair(27, ACQUIRE)), EvidenceKind.CERTIFICATE, "ISO/IEC 27001",
                                    "Certifieringsorgan AB", TODAY.minusDays(20), null, TODAY.plusDays(100), null, "x"))
                    .when(new se.molnkoll.kernel.command.AdoptVendorEvidence(SERVICE, second, VendorTest.ISO, Set.of(new MeasureId(27)), Set.of(ACQUIRE)))
                    .expectException(rejectedFor("EVIDENCE_ADOPTED_ALREADY"));
            // the service withdrew its copy (adopted for the wrong measures, say): adopted again, it is a new copy
            fixture.given(registered(), classifiedAs(publicInformation()), linked,
                            new se.molnkoll.kernel.event.VendorEvidenceAdopted(SERVICE, first, VendorTest.VENDOR, VendorTest.ISO,
                                    List.of(pair(27, ACQUIRE))),
                            new EvidenceReceived(SERVICE, first, List.of(pair(27, ACQUIRE)), EvidenceKind.CERTIFICATE, "ISO/IEC 27001",
                                    "Certifieringsorgan AB", TODAY.minusDays(20), null, TODAY.plusDays(100), null, "x"),
                            new se.molnkoll.kernel.event.EvidenceWithdrawn(SERVICE, first, "Fel åtgärder"))
                    .when(new se.molnkoll.kernel.command.AdoptVendorEvidence(SERVICE, second, VendorTest.ISO, Set.of(new MeasureId(27)), Set.of(ACQUIRE)))
                    .expectEvents(new se.molnkoll.kernel.event.VendorEvidenceAdopted(SERVICE, second, VendorTest.VENDOR, VendorTest.ISO,
                                    List.of(pair(27, ACQUIRE))),
                            new EvidenceReceived(SERVICE, second, List.of(pair(27, ACQUIRE)), EvidenceKind.CERTIFICATE, "ISO/IEC 27001",
                                    "Certifieringsorgan AB", TODAY.minusDays(20), null, TODAY.plusDays(100), null,
                                    "Molnbolaget Sverige AB: Alla datacenter i Norden (Cert 2026-1)"));
            fixture.given(registered(), classifiedAs(publicInformation()), linked)
                    .when(new se.molnkoll.kernel.command.AdoptVendorEvidence(SERVICE, second, VendorTest.ISO, Set.of(new MeasureId(31)), Set.of(ACQUIRE)))
                    .expectNoEvents()
                    .expectException(RuleViolationException.class);
        }

        @Test
        void sub_processors_need_a_linked_vendor_that_engages_them_and_the_countries_must_be_countries() {
            fixture.given(registered())
                    .when(new se.molnkoll.kernel.command.DeclareLocations(SERVICE, new se.molnkoll.kernel.DeclaredLocations(List.of(),
                            List.of("EU/EEA"), List.of(VendorTest.SUPPORT_PARTNER), TODAY.plusDays(1), null)))
                    .expectNoEvents()
                    .expectException(rejectedFor("STORAGE_COUNTRIES_REQUIRED", "PROCESSING_COUNTRY_INVALID", "DECLARED_ON_IN_FUTURE",
                            "VENDOR_NOT_LINKED"));
            fixture.given(registered(), new se.molnkoll.kernel.event.VendorLinked(SERVICE, null, VendorTest.VENDOR, "Molnbolaget Sverige AB", "x"))
                    .when(new se.molnkoll.kernel.command.DeclareLocations(SERVICE, new se.molnkoll.kernel.DeclaredLocations(List.of("SE"),
                            List.of(), List.of("7d2e3f4a-1b2d-4e3f-8a9b-0c1d2e3f4a5b"), TODAY, null)))
                    .expectException(rejectedFor("UNKNOWN_SUB_PROCESSOR"));
        }
    }

    @Nested
    class ProviderChanges {

        @Test
        void a_provider_change_reopens_the_risk_analysis_for_operation() {
            fixture.given(registered(), classifiedAs(publicInformation()),
                            coveringAll(id(1), publicInformation(), ACQUIRE),
                            new OperationStarted(SERVICE, TODAY),
                            coveringAll(id(2), publicInformation(), OPERATE))
                    .when(new RecordProviderChange(SERVICE, "Ny underleverantör för drift", TODAY))
                    .expectEvents(new ProviderChangeRecorded(SERVICE, "Ny underleverantör för drift", TODAY,
                            List.of(pair(42, OPERATE))))
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(42, OPERATE), TODAY)).isEqualTo(MeasureStatus.OPEN);
                        assertThat(service.statusOn(pair(42, ACQUIRE), TODAY)).isEqualTo(MeasureStatus.COVERED);
                        assertThat(service.statusOn(pair(13, OPERATE), TODAY)).isEqualTo(MeasureStatus.COVERED);
                    });
        }

        @Test
        void a_provider_change_is_recorded_only_in_operation() {
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new RecordProviderChange(SERVICE, "Ny funktion", TODAY))
                    .expectException(rejectedFor("WRONG_PHASE"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Exit {

        private final Classification classification = publicInformation();

        @Test
        void terminating_the_contract_moves_the_service_to_exit_from_operation_or_acquisition() {
            fixture.given(registered(), classifiedAs(classification), coveringAll(id(1), classification, ACQUIRE),
                            new OperationStarted(SERVICE, TODAY))
                    .when(new TerminateContract(SERVICE, TODAY.plusMonths(3), "Avtalet löper ut"))
                    .expectEvents(new ContractTerminated(SERVICE, TODAY.plusMonths(3), "Avtalet löper ut"));
            fixture.given(registered())
                    .when(new TerminateContract(SERVICE, TODAY, "Upphandlingen avbröts"))
                    .expectEvents(new ContractTerminated(SERVICE, TODAY, "Upphandlingen avbröts"));
        }

        @Test
        void a_contract_is_terminated_only_once() {
            fixture.given(registered(), new ContractTerminated(SERVICE, TODAY, "Avtalet löper ut"))
                    .when(new TerminateContract(SERVICE, TODAY, "Igen"))
                    .expectException(rejectedFor("ALREADY_TERMINATED"))
                    .expectNoEvents();
        }

        @Test
        void a_service_is_decommissioned_when_every_exit_measure_is_covered_or_risk_accepted() {
            fixture.given(registered(), classifiedAs(classification),
                            new ContractTerminated(SERVICE, TODAY, "Avtalet löper ut"),
                            coveringAll(id(1), classification, EXIT))
                    .when(new Decommission(SERVICE))
                    .expectEvents(new ServiceDecommissioned(SERVICE, TODAY));
        }

        @Test
        void decommissioning_is_refused_while_exit_measures_are_open() {
            fixture.given(registered(), classifiedAs(classification),
                            new ContractTerminated(SERVICE, TODAY, "Avtalet löper ut"),
                            coveringAllBut(id(1), classification, EXIT, 40))
                    .when(new Decommission(SERVICE))
                    .expectException(rejectedFor("EXIT_MEASURES_OPEN"))
                    .expectException(org.axonframework.test.matchers.Matchers.matches((RuleViolationException e) ->
                            e.violations().get(0).measures().equals(List.of(pair(40, EXIT)))))
                    .expectNoEvents();
        }

        @Test
        void decommissioning_is_refused_outside_the_exit_phase() {
            fixture.given(registered(), classifiedAs(classification), coveringAll(id(1), classification, EXIT))
                    .when(new Decommission(SERVICE))
                    .expectException(rejectedFor("WRONG_PHASE"))
                    .expectNoEvents();
        }

        @Test
        void nothing_more_can_be_recorded_for_a_decommissioned_service() {
            Object[] history = {registered(), classifiedAs(classification),
                    new ContractTerminated(SERVICE, TODAY, "Avtalet löper ut"),
                    coveringAll(id(1), classification, EXIT), new ServiceDecommissioned(SERVICE, TODAY)};
            List<Object> commands = List.of(
                    new SetClassification(SERVICE, classification),
                    recordEvidence(id(2), Set.of(24), Set.of(ACQUIRE)),
                    new WithdrawEvidence(SERVICE, EvidenceId.of(id(1)), "x"),
                    new ProposeRiskAcceptance(SERVICE, "p", new MeasureId(8), ACQUIRE, "a", "b", TODAY.plusDays(1), "manager"),
                    new ApproveRiskAcceptance(SERVICE, "p", "riskowner", null),
                    new RejectRiskAcceptance(SERVICE, "p", "riskowner", "x"),
                    new StartOperation(SERVICE),
                    new RecordProviderChange(SERVICE, "x", TODAY),
                    new TerminateContract(SERVICE, TODAY, "x"),
                    new Decommission(SERVICE));
            for (Object command : commands) {
                fixture.given(history)
                        .when(command)
                        .expectException(rejectedFor("SERVICE_DECOMMISSIONED"))
                        .expectNoEvents();
            }
        }
    }
}
