package se.molnkoll.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.command.AttachDocument;
import se.molnkoll.kernel.command.ExpireEvidence;
import se.molnkoll.kernel.command.UnknownEvidenceException;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.DocumentAttached;
import se.molnkoll.kernel.event.EvidenceExpired;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.ResidualRiskAccepted;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.kernel.testing.MutableClock;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.command.CloudServiceFixture.CATALOGUE;
import static se.molnkoll.command.CloudServiceFixture.SERVICE;
import static se.molnkoll.command.CloudServiceFixture.TODAY;
import static se.molnkoll.command.CloudServiceFixture.classifiedAs;
import static se.molnkoll.command.CloudServiceFixture.coveringAll;
import static se.molnkoll.command.CloudServiceFixture.evidence;
import static se.molnkoll.command.CloudServiceFixture.id;
import static se.molnkoll.command.CloudServiceFixture.pair;
import static se.molnkoll.command.CloudServiceFixture.publicInformation;
import static se.molnkoll.command.CloudServiceFixture.registered;
import static se.molnkoll.command.RejectedFor.rejectedFor;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.kernel.Phase.EXIT;
import static se.molnkoll.kernel.Phase.OPERATE;

class EvidenceOverTimeTest {

    static final EvidenceId CERTIFICATE = EvidenceId.of(id(1));
    static final EvidenceId RENEWAL = EvidenceId.of(id(2));

    private FixtureConfiguration<CloudService> fixture;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at(TODAY);
        fixture = new AggregateTestFixture<>(CloudService.class);
        fixture.registerInjectableResource(CATALOGUE);
        fixture.registerInjectableResource((se.molnkoll.kernel.catalogue.ReviewSchedules)
                () -> se.molnkoll.kernel.catalogue.ReviewSchedule.loadDefault(CATALOGUE));
        fixture.registerInjectableResource((Clock) clock);
    }

    @Nested
    class Expiry {

        @Test
        void evidence_expires_on_the_day_after_its_valid_until_with_every_pair_it_covered() {
            clock.set(TODAY.plusDays(11));
            fixture.given(registered(), classifiedAs(publicInformation()),
                            evidence(id(1), TODAY.plusDays(10), pair(27, ACQUIRE), pair(38, ACQUIRE), pair(38, OPERATE)))
                    .when(new ExpireEvidence(SERVICE, CERTIFICATE))
                    .expectEvents(new EvidenceExpired(SERVICE, CERTIFICATE,
                            List.of(pair(27, ACQUIRE), pair(38, ACQUIRE), pair(38, OPERATE)), TODAY.plusDays(11)))
                    .expectResultMessagePayload(true);
        }

        @Test
        void evidence_is_still_valid_on_its_last_day_so_nothing_expires() {
            clock.set(TODAY.plusDays(10));
            fixture.given(registered(), classifiedAs(publicInformation()), evidence(id(1), TODAY.plusDays(10), pair(27, ACQUIRE)))
                    .when(new ExpireEvidence(SERVICE, CERTIFICATE))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void an_expiry_is_recorded_once_however_often_it_is_asked_for() {
            clock.set(TODAY.plusDays(20));
            fixture.given(registered(), classifiedAs(publicInformation()), evidence(id(1), TODAY.plusDays(10), pair(27, ACQUIRE)),
                            new EvidenceExpired(SERVICE, CERTIFICATE, List.of(pair(27, ACQUIRE)), TODAY.plusDays(11)))
                    .when(new ExpireEvidence(SERVICE, CERTIFICATE))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void withdrawn_evidence_never_expires() {
            clock.set(TODAY.plusDays(20));
            fixture.given(registered(), classifiedAs(publicInformation()), evidence(id(1), TODAY.plusDays(10), pair(27, ACQUIRE)),
                            new EvidenceWithdrawn(SERVICE, CERTIFICATE, "Fel certifikat"))
                    .when(new ExpireEvidence(SERVICE, CERTIFICATE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void evidence_without_an_end_date_never_expires_and_unknown_evidence_is_refused() {
            clock.set(TODAY.plusYears(30));
            fixture.given(registered(), classifiedAs(publicInformation()), evidence(id(1), null, pair(27, ACQUIRE)))
                    .when(new ExpireEvidence(SERVICE, CERTIFICATE))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(new ExpireEvidence(SERVICE, CERTIFICATE))
                    .expectException(UnknownEvidenceException.class)
                    .expectNoEvents();
        }

        @Test
        void nothing_of_a_decommissioned_service_expires() {
            clock.set(TODAY.plusDays(20));
            fixture.given(registered(), classifiedAs(publicInformation()), evidence(id(1), TODAY.plusDays(10), pair(40, EXIT)),
                            new ContractTerminated(SERVICE, TODAY, "slut"), coveringAll(id(3), publicInformation(), EXIT),
                            new ServiceDecommissioned(SERVICE, TODAY))
                    .when(new ExpireEvidence(SERVICE, CERTIFICATE))
                    .expectNoEvents();
        }

        @Test
        void the_expiry_lists_only_the_pairs_the_evidence_still_counted_for() {
            clock.set(TODAY.plusDays(20));
            fixture.given(registered(), classifiedAs(publicInformation()), coveringAll(id(3), publicInformation(), ACQUIRE),
                            new OperationStarted(SERVICE, TODAY),
                            evidence(id(1), TODAY.plusDays(10), pair(42, OPERATE), pair(22, OPERATE)),
                            new ProviderChangeRecorded(SERVICE, "Ny leverantör", TODAY, List.of(pair(42, OPERATE))))
                    .when(new ExpireEvidence(SERVICE, CERTIFICATE))
                    .expectEvents(new EvidenceExpired(SERVICE, CERTIFICATE, List.of(pair(22, OPERATE)), TODAY.plusDays(11)));
        }

        @Test
        void a_renewal_keeps_the_measure_covered_when_the_old_evidence_expires() {
            clock.set(TODAY.plusDays(20));
            fixture.given(registered(), classifiedAs(publicInformation()),
                            evidence(id(1), TODAY.plusDays(10), pair(27, ACQUIRE)),
                            evidence(id(2), TODAY.plusYears(1), pair(27, ACQUIRE)))
                    .when(new ExpireEvidence(SERVICE, CERTIFICATE))
                    .expectEvents(new EvidenceExpired(SERVICE, CERTIFICATE, List.of(pair(27, ACQUIRE)), TODAY.plusDays(11)))
                    .expectState(service -> assertThat(service.statusOn(pair(27, ACQUIRE), TODAY.plusDays(20)))
                            .isEqualTo(MeasureStatus.COVERED));
        }

        @Test
        void a_measure_whose_only_evidence_lapsed_is_open_again_unless_its_risk_is_accepted() {
            clock.set(TODAY.plusDays(20));
            fixture.given(registered(), classifiedAs(publicInformation()),
                            evidence(id(1), TODAY.plusDays(10), pair(27, ACQUIRE), pair(29, ACQUIRE)),
                            new ResidualRiskAccepted(SERVICE, new MeasureId(29), ACQUIRE, "Förvaltningschef", "Låg risk", TODAY, null))
                    .when(new ExpireEvidence(SERVICE, CERTIFICATE))
                    .expectEvents(new EvidenceExpired(SERVICE, CERTIFICATE, List.of(pair(27, ACQUIRE), pair(29, ACQUIRE)),
                            TODAY.plusDays(11)))
                    .expectState(service -> {
                        assertThat(service.statusOn(pair(27, ACQUIRE), TODAY.plusDays(20))).isEqualTo(MeasureStatus.EXPIRED);
                        assertThat(service.statusOn(pair(29, ACQUIRE), TODAY.plusDays(20))).isEqualTo(MeasureStatus.RISK_ACCEPTED);
                    });
        }
    }

    @Nested
    class Documents {

        static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

        private EvidenceReceived declaring(String sha256) {
            return new EvidenceReceived(SERVICE, CERTIFICATE, List.of(pair(27, ACQUIRE)), EvidenceKind.CERTIFICATE,
                    "ISO/IEC 27001", "Certifieringsorgan AB", TODAY, null, null, sha256, null);
        }

        private AttachDocument attach(String sha256) {
            return new AttachDocument(SERVICE, CERTIFICATE, sha256, 1234, "certifikat.pdf", "application/pdf");
        }

        @Test
        void a_document_is_attached_with_its_hash() {
            fixture.given(registered(), classifiedAs(publicInformation()), declaring(null))
                    .when(attach(SHA))
                    .expectEvents(new DocumentAttached(SERVICE, CERTIFICATE, SHA, 1234, "certifikat.pdf", "application/pdf"));
        }

        @Test
        void a_document_must_match_the_sha256_declared_when_the_evidence_was_recorded() {
            fixture.given(registered(), classifiedAs(publicInformation()), declaring(SHA))
                    .when(attach("0".repeat(64)))
                    .expectException(rejectedFor("DOCUMENT_HASH_MISMATCH"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()), declaring(SHA.toUpperCase()))
                    .when(attach(SHA))
                    .expectEvents(new DocumentAttached(SERVICE, CERTIFICATE, SHA, 1234, "certifikat.pdf", "application/pdf"));
        }

        @Test
        void evidence_gets_one_document_and_withdrawn_evidence_none() {
            fixture.given(registered(), classifiedAs(publicInformation()), declaring(null),
                            new DocumentAttached(SERVICE, CERTIFICATE, SHA, 1, "a.pdf", "application/pdf"))
                    .when(attach(SHA))
                    .expectException(rejectedFor("DOCUMENT_ALREADY_ATTACHED"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()), declaring(null),
                            new EvidenceWithdrawn(SERVICE, CERTIFICATE, "fel"))
                    .when(attach(SHA))
                    .expectException(rejectedFor("EVIDENCE_WITHDRAWN"))
                    .expectNoEvents();
            fixture.given(registered(), classifiedAs(publicInformation()))
                    .when(attach(SHA))
                    .expectException(UnknownEvidenceException.class)
                    .expectNoEvents();
        }
    }
}
