package se.molnkoll.query.vendors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.DeclaredLocations;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.catalogue.CountryRules;
import se.molnkoll.kernel.compliance.LocationCheck.Conflict;
import se.molnkoll.kernel.event.ContactPointChanged;
import se.molnkoll.kernel.event.CountryRuleChanged;
import se.molnkoll.kernel.event.LocationsDeclared;
import se.molnkoll.kernel.event.SubProcessorAdded;
import se.molnkoll.kernel.event.SubProcessorChanged;
import se.molnkoll.kernel.event.SubProcessorRemoved;
import se.molnkoll.kernel.event.VendorDetailsCorrected;
import se.molnkoll.kernel.event.VendorLinked;
import se.molnkoll.kernel.event.VendorRegistered;
import se.molnkoll.kernel.query.FindCountryRules;
import se.molnkoll.kernel.query.FindLocationHistory;
import se.molnkoll.kernel.query.FindServiceLocations;
import se.molnkoll.kernel.query.FindVendor;
import se.molnkoll.kernel.query.FindVendorLinkProposals;
import se.molnkoll.kernel.query.FindVendors;
import se.molnkoll.kernel.query.LocationCheckPeriod;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.ServiceLocationsView;
import se.molnkoll.kernel.query.VendorLinkProposal;
import se.molnkoll.kernel.query.VendorView;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.kernel.vendor.ContactPoint;
import se.molnkoll.kernel.vendor.SubProcessor;
import se.molnkoll.kernel.vendor.VendorDetails;
import se.molnkoll.query.EventStream;
import se.molnkoll.query.register.RegisterProjection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.compliance.LocationCheck.Kind.JURISDICTION_NOT_ALLOWED;
import static se.molnkoll.kernel.compliance.LocationCheck.Kind.LOCATION_NOT_ALLOWED;
import static se.molnkoll.kernel.compliance.LocationCheck.Kind.THIRD_COUNTRY_LAW;
import static se.molnkoll.kernel.compliance.LocationCheck.Kind.THIRD_COUNTRY_TRANSFER;
import static se.molnkoll.kernel.compliance.LocationCheck.Source.PROVIDER_STORAGE;
import static se.molnkoll.kernel.compliance.LocationCheck.Source.SUB_PROCESSOR;
import static se.molnkoll.kernel.compliance.LocationCheck.Source.SUB_PROCESSOR_PROCESSING;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.patientData;
import static se.molnkoll.query.Histories.publicInformation;
import static se.molnkoll.query.Histories.registered;

/**
 * The vendors and the location check in the read models: a vendor's sub-processor moving abroad puts every
 * service using it in conflict from that moment, and the conflict is visible at the moments it held, not
 * before and not after; the country rules' changes count from when they are recorded.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, VendorProjection.class, VendorQueries.class})
class LocationConflictsTest {

    static final CloudServiceId JOURNAL = CloudServiceId.of("11111111-1111-4111-8111-111111111111");
    static final CloudServiceId INTRANET = CloudServiceId.of("22222222-2222-4222-8222-222222222222");
    static final CloudServiceId UNLINKED = CloudServiceId.of("33333333-3333-4333-8333-333333333333");
    static final VendorId VENDOR = VendorId.of("0b7f4c52-2f0e-4c39-9a3b-6a8e0b3a1d01");
    static final String SUPPORT = "5a0c1f7e-1b2d-4e3f-8a9b-0c1d2e3f4a5b";
    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    static final VendorDetails MOLN = new VendorDetails("Moln AB", "556703-7485", null, "SE", null, null);
    static final SubProcessor IN_FINLAND = new SubProcessor("Drift Oy", "FI", null, "Drift", List.of("FI"));
    static final SubProcessor IN_INDIA = new SubProcessor("Drift Oy", "FI", "IN", "Drift", List.of("FI", "IN"));

    @Autowired RegisterProjection register;
    @Autowired VendorProjection vendors;
    @Autowired VendorQueries queries;
    @Autowired MutableClock clock;

    EventStream events;

    @BeforeEach
    void setUp() {
        events = new EventStream(clock, register, vendors);
    }

    private void on(int dayOfMarch, Object... happened) {
        clock.set(MARCH_1.withDayOfMonth(dayOfMarch));
        events.publish(happened);
    }

    private static Instant endOf(int dayOfMarch) {
        return MARCH_1.withDayOfMonth(dayOfMarch).plusDays(1).atStartOfDay(BusinessDates.ZONE).toInstant().minusNanos(1000);
    }

    private ServiceLocationsView journalAt(Instant at) {
        return queries.handle(new FindServiceLocations(Moment.knownAt(at), JOURNAL, null, false)).get(0);
    }

    @Test
    void a_sub_processor_moving_abroad_is_a_conflict_exactly_while_it_holds() {
        on(1, registered(JOURNAL, "Journal"), classified(JOURNAL, patientData()), registered(INTRANET, "Intranät"),
                classified(INTRANET, publicInformation()), registered(UNLINKED, "Gammal tjänst"),
                new VendorRegistered(VENDOR, MOLN), new SubProcessorAdded(VENDOR, SUPPORT, IN_FINLAND, MARCH_1));
        on(2, new VendorLinked(JOURNAL, null, VENDOR, "Moln AB", "Bekräftad"), new VendorLinked(INTRANET, null, VENDOR, "Moln AB", "Bekräftad"),
                new LocationsDeclared(JOURNAL, new DeclaredLocations(List.of("SE"), List.of("SE"), List.of(SUPPORT), MARCH_1, "PUB-avtal")),
                new LocationsDeclared(INTRANET, new DeclaredLocations(List.of("SE"), List.of(), List.of(SUPPORT), MARCH_1, null)));
        on(5, new SubProcessorChanged(VENDOR, SUPPORT, IN_FINLAND, IN_INDIA, MARCH_1.withDayOfMonth(5), "Support flyttad"));
        Instant movedAt = clock.instant();
        on(9, new SubProcessorRemoved(VENDOR, SUPPORT, IN_INDIA, MARCH_1.withDayOfMonth(9), "Avslutad"));
        Instant leftAt = clock.instant();

        assertThat(journalAt(endOf(2)).conflicts()).as("before the move").isEmpty();
        List<Conflict> moved = List.of(
                new Conflict(LOCATION_NOT_ALLOWED, "IN", SUB_PROCESSOR_PROCESSING, "Drift Oy"),
                new Conflict(THIRD_COUNTRY_TRANSFER, "IN", SUB_PROCESSOR_PROCESSING, "Drift Oy"),
                new Conflict(JURISDICTION_NOT_ALLOWED, "IN", SUB_PROCESSOR, "Drift Oy"),
                new Conflict(THIRD_COUNTRY_LAW, "IN", SUB_PROCESSOR, "Drift Oy"));
        assertThat(journalAt(endOf(5)).conflicts()).as("while it held").isEqualTo(moved);
        assertThat(journalAt(endOf(8)).conflictSince()).isEqualTo(movedAt);
        assertThat(journalAt(movedAt.minusMillis(1)).conflicts()).as("a moment before the move").isEmpty();
        assertThat(journalAt(movedAt).conflicts()).as("the moment of the move").isEqualTo(moved);
        assertThat(journalAt(leftAt.minusMillis(1)).conflicts()).as("a moment before it left").isEqualTo(moved);
        assertThat(journalAt(endOf(9)).conflicts()).as("after the sub-processor left").isEmpty();
        assertThat(journalAt(endOf(9)).subProcessors()).singleElement().satisfies(s -> assertThat(s.engaged()).isFalse());
        assertThat(queries.handle(new FindServiceLocations(Moment.knownAt(endOf(5)), INTRANET, null, false)).get(0).conflicts())
                .as("public information in Sweden only: Finnish and Indian processing conflict, Indian law does not (no ownership requirement)")
                .containsExactly(new Conflict(LOCATION_NOT_ALLOWED, "FI", SUB_PROCESSOR_PROCESSING, "Drift Oy"),
                        new Conflict(LOCATION_NOT_ALLOWED, "IN", SUB_PROCESSOR_PROCESSING, "Drift Oy"));

        assertThat(queries.handle(new FindServiceLocations(Moment.knownAt(endOf(5)), null, null, true)))
                .extracting(ServiceLocationsView::name).containsExactly("Intranät", "Journal");
        assertThat(queries.handle(new FindServiceLocations(Moment.NOW, null, null, true))).isEmpty();

        List<LocationCheckPeriod> history = queries.handle(new FindLocationHistory(JOURNAL));
        assertThat(history).extracting(p -> p.conflicts().isEmpty()).containsExactly(true, false, true);
        assertThat(history.get(1).from()).isEqualTo(movedAt);
        assertThat(history.get(1).to()).isEqualTo(leftAt);
        assertThat(history.get(2).to()).isNull();
    }

    @Test
    void a_vendor_bought_from_abroad_and_an_adequacy_decision_struck_down_count_from_when_they_are_recorded() {
        on(1, registered(JOURNAL, "Journal"), classified(JOURNAL, patientData()), new VendorRegistered(VENDOR, MOLN),
                new VendorLinked(JOURNAL, null, VENDOR, "Moln AB", "Bekräftad"),
                new LocationsDeclared(JOURNAL, new DeclaredLocations(List.of("SE"), List.of(), List.of(), MARCH_1, null)));
        VendorDetails bought = new VendorDetails("Moln AB", "556703-7485", null, "SE", "Cloud Corp Inc.", "US");
        on(3, new VendorDetailsCorrected(VENDOR, MOLN, bought, "Uppköpt"));
        on(4, new ContactPointChanged(VENDOR, ContactPoint.Purpose.INCIDENT, null,
                new ContactPoint(ContactPoint.Purpose.INCIDENT, "SOC", "soc@moln.se", null)));

        assertThat(journalAt(endOf(2)).conflicts()).isEmpty();
        assertThat(journalAt(endOf(3)).conflicts()).extracting(Conflict::kind, Conflict::country)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(JURISDICTION_NOT_ALLOWED, "US"),
                        org.assertj.core.groups.Tuple.tuple(THIRD_COUNTRY_LAW, "US"));

        VendorView vendor = queries.handle(new FindVendor(VENDOR, Moment.NOW)).orElseThrow();
        assertThat(vendor.details().parentCountry()).isEqualTo("US");
        assertThat(vendor.contacts()).extracting(ContactPoint::email).containsExactly("soc@moln.se");
        assertThat(vendor.services()).singleElement().satisfies(s -> assertThat(s.inConflict()).isTrue());
        assertThat(queries.handle(new FindVendor(VENDOR, Moment.knownAt(endOf(2)))).orElseThrow().details()).isEqualTo(MOLN);
        assertThat(queries.handle(new FindVendors(Moment.NOW))).singleElement()
                .satisfies(v -> assertThat(v.servicesInConflict()).isEqualTo(1));

        // a location in Switzerland, then its adequacy decision struck down by an administrator
        on(10, new LocationsDeclared(JOURNAL, new DeclaredLocations(List.of("SE", "CH"), List.of(), List.of(), MARCH_1.withDayOfMonth(10), null)));
        on(11, new VendorDetailsCorrected(VENDOR, bought, MOLN, "Fel uppgift"));
        CountryRules.CountryRule swiss = CountryRules.loadDefault().of("CH");
        assertThat(journalAt(endOf(11)).conflicts()).as("Switzerland is not in the EU/EEA the classification allows")
                .containsExactly(new Conflict(LOCATION_NOT_ALLOWED, "CH", PROVIDER_STORAGE, null));
        on(12, new CountryRuleChanged(CountryRuleChanged.COUNTRY_RULES_ID, "CH", swiss, CountryRules.CountryRule.THIRD_COUNTRY, "Upphävt"));
        assertThat(journalAt(endOf(12)).conflicts()).containsExactly(new Conflict(LOCATION_NOT_ALLOWED, "CH", PROVIDER_STORAGE, null),
                new Conflict(THIRD_COUNTRY_TRANSFER, "CH", PROVIDER_STORAGE, null));
        assertThat(queries.handle(new FindCountryRules(Moment.NOW)).countries()).filteredOn(c -> c.country().equals("CH"))
                .singleElement().satisfies(c -> assertThat(c.changeReason()).isEqualTo("Upphävt"));
        assertThat(queries.handle(new FindCountryRules(Moment.knownAt(endOf(11)))).countries()).filteredOn(c -> c.country().equals("CH"))
                .singleElement().satisfies(c -> assertThat(c.rule()).isEqualTo(swiss));
    }

    @Test
    void services_naming_their_vendor_in_words_are_proposed_the_record_whose_name_matches() {
        on(1, registered(JOURNAL, "Journal"), registered(INTRANET, "Intranät"), new VendorRegistered(VENDOR, MOLN),
                new VendorRegistered(VendorId.of("9c1e5b7a-3d2f-4e6a-8b9c-0d1e2f3a4b5c"),
                        new VendorDetails("Annan Leverantör AB", "556012-5790", null, "SE", null, null)));
        on(2, new VendorLinked(INTRANET, null, VENDOR, "Moln AB", "Bekräftad"));

        List<VendorLinkProposal> proposals = queries.handle(new FindVendorLinkProposals());
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.serviceId()).isEqualTo(JOURNAL);
            assertThat(p.vendor()).isEqualTo("Moln AB");
            assertThat(p.proposedVendorId()).isEqualTo(VENDOR);
        });
    }
}
