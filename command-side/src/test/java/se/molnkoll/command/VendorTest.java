package se.molnkoll.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.command.AddSubProcessor;
import se.molnkoll.kernel.command.ChangeContactPoint;
import se.molnkoll.kernel.command.ChangeSubProcessor;
import se.molnkoll.kernel.command.CorrectVendorDetails;
import se.molnkoll.kernel.command.RegisterVendor;
import se.molnkoll.kernel.command.RemoveSubProcessor;
import se.molnkoll.kernel.event.ContactPointChanged;
import se.molnkoll.kernel.event.SubProcessorAdded;
import se.molnkoll.kernel.event.SubProcessorChanged;
import se.molnkoll.kernel.event.SubProcessorRemoved;
import se.molnkoll.kernel.event.VendorDetailsCorrected;
import se.molnkoll.kernel.event.VendorRegistered;
import se.molnkoll.kernel.vendor.ContactPoint;
import se.molnkoll.kernel.vendor.SubProcessor;
import se.molnkoll.kernel.vendor.VendorDetails;

import java.util.List;

import static se.molnkoll.command.CloudServiceFixture.CLOCK;
import static se.molnkoll.command.CloudServiceFixture.TODAY;
import static se.molnkoll.command.RejectedFor.rejectedFor;
import static se.molnkoll.kernel.vendor.ContactPoint.Purpose.INCIDENT;
import static se.molnkoll.kernel.vendor.ContactPoint.Purpose.SUPPORT;

class VendorTest {

    static final VendorId VENDOR = VendorId.of("0b7f4c52-2f0e-4c39-9a3b-6a8e0b3a1d01");
    static final VendorDetails SWEDISH = new VendorDetails("Molnbolaget Sverige AB", "556703-7485", null, "SE", "Cloud Corp Inc.", "US");
    static final String SUPPORT_PARTNER = "5a0c1f7e-1b2d-4e3f-8a9b-0c1d2e3f4a5b";
    static final String ISO = "7b3c9d1e-2f4a-4b5c-8d6e-9f0a1b2c3d4e";
    static final String REVOKED = "8c4d0e2f-3a5b-4c6d-9e7f-0a1b2c3d4e5f";
    static final se.molnkoll.kernel.vendor.VendorEvidence ISO_27001 = new se.molnkoll.kernel.vendor.VendorEvidence(
            se.molnkoll.kernel.EvidenceKind.CERTIFICATE, "ISO/IEC 27001", "Certifieringsorgan AB", "Alla datacenter i Norden",
            TODAY.minusDays(20), null, TODAY.plusDays(100), "Cert 2026-1");
    static final SubProcessor FOLLOW_THE_SUN = new SubProcessor("Follow The Sun Ltd", "IN", null, "Support dygnet runt", List.of("IN"));

    private FixtureConfiguration<Vendor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Vendor.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Nested
    class Registering {

        @Test
        void a_vendor_is_registered_with_its_organisation_number_as_bolagsverket_writes_it() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterVendor(VENDOR, new VendorDetails(" Molnbolaget Sverige AB ", "5567037485", null, "SE", "Cloud Corp Inc.", "US")))
                    .expectEvents(new VendorRegistered(VENDOR, SWEDISH));
        }

        @Test
        void a_mistyped_organisation_number_and_every_other_fault_are_refused_at_once() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterVendor(VENDOR, new VendorDetails("", "556703-7484", null, "SE", "Cloud Corp Inc.", null)))
                    .expectNoEvents()
                    .expectException(rejectedFor("VENDOR_NAME_REQUIRED", "ORGANISATION_NUMBER_CHECK_DIGIT", "PARENT_COUNTRY_REQUIRED"));
        }

        @Test
        void a_swedish_vendor_needs_its_number_and_a_personal_identity_number_is_never_recorded() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterVendor(VENDOR, new VendorDetails("Konsult AB", null, null, "SE", null, null)))
                    .expectException(rejectedFor("ORGANISATION_NUMBER_REQUIRED"));
            fixture.givenNoPriorActivity()
                    .when(new RegisterVendor(VENDOR, new VendorDetails("Anna Konsult", "800101-3294", null, "SE", null, null)))
                    .expectException(rejectedFor("ORGANISATION_NUMBER_IS_PERSONAL"));
        }

        @Test
        void a_foreign_vendor_gives_its_registration_abroad_and_a_country_that_is_a_country() {
            VendorDetails foreign = new VendorDetails("Cloud Corp Inc.", null, "Delaware 1234567", "US", null, null);
            fixture.givenNoPriorActivity().when(new RegisterVendor(VENDOR, foreign)).expectEvents(new VendorRegistered(VENDOR, foreign));
            fixture.givenNoPriorActivity()
                    .when(new RegisterVendor(VENDOR, new VendorDetails("Cloud Corp Inc.", null, null, "EU/EEA", "Holding", "XX")))
                    .expectException(rejectedFor("VENDOR_COUNTRY_INVALID", "PARENT_COUNTRY_INVALID"));
        }
    }

    @Nested
    class Correcting {

        @Test
        void a_correction_keeps_the_details_before_and_needs_a_reason_and_a_change() {
            VendorDetails bought = new VendorDetails("Molnbolaget Sverige AB", "556703-7485", null, "SE", "Big Tech Holding SE", "DE");
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new CorrectVendorDetails(VENDOR, bought, "Uppköpt 2026-02-01"))
                    .expectEvents(new VendorDetailsCorrected(VENDOR, SWEDISH, bought, "Uppköpt 2026-02-01"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new CorrectVendorDetails(VENDOR, SWEDISH, " "))
                    .expectException(rejectedFor("REASON_REQUIRED"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new CorrectVendorDetails(VENDOR, new VendorDetails("Molnbolaget Sverige AB", "5567037485", null, "SE", "Cloud Corp Inc.", "US"), "Ingen"))
                    .expectException(rejectedFor("NOTHING_TO_CORRECT"));
        }

        @Test
        void contact_points_are_given_changed_and_taken_away_per_purpose() {
            ContactPoint servicedesk = new ContactPoint(SUPPORT, "Servicedesk", "support@molnbolaget.se", null);
            ContactPoint soc = new ContactPoint(INCIDENT, "Security Operations Center", null, "+46 8 123 456");
            fixture.given(new VendorRegistered(VENDOR, SWEDISH), new ContactPointChanged(VENDOR, SUPPORT, null, servicedesk))
                    .when(new ChangeContactPoint(VENDOR, INCIDENT, soc))
                    .expectEvents(new ContactPointChanged(VENDOR, INCIDENT, null, soc));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH), new ContactPointChanged(VENDOR, SUPPORT, null, servicedesk))
                    .when(new ChangeContactPoint(VENDOR, SUPPORT, null))
                    .expectEvents(new ContactPointChanged(VENDOR, SUPPORT, servicedesk, null));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new ChangeContactPoint(VENDOR, SUPPORT, new ContactPoint(SUPPORT, "Servicedesk", "support.molnbolaget.se", null)))
                    .expectException(rejectedFor("CONTACT_EMAIL_INVALID"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new ChangeContactPoint(VENDOR, SUPPORT, new ContactPoint(SUPPORT, "", null, null)))
                    .expectException(rejectedFor("CONTACT_NAME_REQUIRED", "CONTACT_MEANS_REQUIRED"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new ChangeContactPoint(VENDOR, SUPPORT, soc))
                    .expectNoEvents()
                    .expectException(rejectedFor("CONTACT_PURPOSE_MISMATCH"));
        }
    }

    @Nested
    class SubProcessors {

        @Test
        void a_sub_processor_is_added_as_notified_and_its_move_is_a_change_with_before_and_after() {
            SubProcessor moved = new SubProcessor("Follow The Sun Ltd", "IN", "US", "Support dygnet runt", List.of("IN", "US"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new AddSubProcessor(VENDOR, SUPPORT_PARTNER, FOLLOW_THE_SUN, TODAY.minusDays(3)))
                    .expectEvents(new SubProcessorAdded(VENDOR, SUPPORT_PARTNER, FOLLOW_THE_SUN, TODAY.minusDays(3)));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH), new SubProcessorAdded(VENDOR, SUPPORT_PARTNER, FOLLOW_THE_SUN, TODAY))
                    .when(new ChangeSubProcessor(VENDOR, SUPPORT_PARTNER, moved, TODAY, "Avisering 2026-03-15"))
                    .expectEvents(new SubProcessorChanged(VENDOR, SUPPORT_PARTNER, FOLLOW_THE_SUN, moved, TODAY, "Avisering 2026-03-15"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH), new SubProcessorAdded(VENDOR, SUPPORT_PARTNER, FOLLOW_THE_SUN, TODAY))
                    .when(new RemoveSubProcessor(VENDOR, SUPPORT_PARTNER, TODAY, "Avslutat"))
                    .expectEvents(new SubProcessorRemoved(VENDOR, SUPPORT_PARTNER, FOLLOW_THE_SUN, TODAY, "Avslutat"));
        }

        @Test
        void a_sub_processor_listed_twice_unknown_undated_or_in_the_future_is_refused() {
            fixture.given(new VendorRegistered(VENDOR, SWEDISH), new SubProcessorAdded(VENDOR, SUPPORT_PARTNER, FOLLOW_THE_SUN, TODAY))
                    .when(new AddSubProcessor(VENDOR, "6b1d2f8e-1b2d-4e3f-8a9b-0c1d2e3f4a5b",
                            new SubProcessor("follow the sun ltd", "IN", null, "Support", List.of("IN")), TODAY.plusDays(1)))
                    .expectException(rejectedFor("NOTIFIED_ON_IN_FUTURE", "SUB_PROCESSOR_LISTED"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new RemoveSubProcessor(VENDOR, SUPPORT_PARTNER, TODAY, "Avslutat"))
                    .expectException(rejectedFor("UNKNOWN_SUB_PROCESSOR"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new AddSubProcessor(VENDOR, SUPPORT_PARTNER, new SubProcessor("X", "XX", null, "", List.of()), null))
                    .expectException(rejectedFor("SUB_PROCESSOR_COUNTRY_INVALID", "SUB_PROCESSOR_ACTIVITY_REQUIRED",
                            "PROCESSING_COUNTRIES_REQUIRED", "NOTIFIED_ON_REQUIRED"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH), new SubProcessorAdded(VENDOR, SUPPORT_PARTNER, FOLLOW_THE_SUN, TODAY))
                    .when(new ChangeSubProcessor(VENDOR, SUPPORT_PARTNER, FOLLOW_THE_SUN, TODAY, "Ingen ändring"))
                    .expectException(rejectedFor("NOTHING_TO_CHANGE"));
        }
    }

    @Nested
    class EvidenceAtTheVendor {

        @Test
        void a_certificate_is_recorded_once_on_the_vendor_and_withdrawn_once_with_a_reason() {
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new se.molnkoll.kernel.command.RecordVendorEvidence(VENDOR, ISO, ISO_27001))
                    .expectEvents(new se.molnkoll.kernel.event.VendorEvidenceRecorded(VENDOR, ISO, ISO_27001));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH), new se.molnkoll.kernel.event.VendorEvidenceRecorded(VENDOR, ISO, ISO_27001))
                    .when(new se.molnkoll.kernel.command.RecordVendorEvidence(VENDOR, ISO, ISO_27001))
                    .expectException(rejectedFor("EVIDENCE_ID_TAKEN"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH), new se.molnkoll.kernel.event.VendorEvidenceRecorded(VENDOR, ISO, ISO_27001))
                    .when(new se.molnkoll.kernel.command.WithdrawVendorEvidence(VENDOR, ISO, "Återkallat av certifieringsorganet"))
                    .expectEvents(new se.molnkoll.kernel.event.VendorEvidenceWithdrawn(VENDOR, ISO, "Återkallat av certifieringsorganet"));
            fixture.given(new VendorRegistered(VENDOR, SWEDISH), new se.molnkoll.kernel.event.VendorEvidenceRecorded(VENDOR, ISO, ISO_27001),
                            new se.molnkoll.kernel.event.VendorEvidenceWithdrawn(VENDOR, ISO, "Återkallat"))
                    .when(new se.molnkoll.kernel.command.WithdrawVendorEvidence(VENDOR, ISO, "Igen"))
                    .expectException(rejectedFor("EVIDENCE_ALREADY_WITHDRAWN"));
        }

        @Test
        void evidence_received_in_the_future_without_scope_or_with_its_validity_reversed_is_refused() {
            fixture.given(new VendorRegistered(VENDOR, SWEDISH))
                    .when(new se.molnkoll.kernel.command.RecordVendorEvidence(VENDOR, ISO, new se.molnkoll.kernel.vendor.VendorEvidence(
                            se.molnkoll.kernel.EvidenceKind.CERTIFICATE, "ISO/IEC 27001", "Cert AB", " ", TODAY.plusDays(1),
                            TODAY.plusDays(10), TODAY, null)))
                    .expectNoEvents()
                    .expectException(rejectedFor("EVIDENCE_SCOPE_REQUIRED", "RECEIVED_IN_FUTURE", "VALIDITY_REVERSED"));
        }
    }
}
