package se.molnkoll.query.register;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ServiceArchived;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.FindCertificates;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.FindRegisterPage;
import se.molnkoll.kernel.query.FindRegisterPage.Filter;
import se.molnkoll.kernel.query.FindRegisterPage.Sort;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.RegisterPage;
import se.molnkoll.kernel.query.RegisterRow;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.EventStream;
import se.molnkoll.query.certificates.CertificateQueries;
import se.molnkoll.query.measures.MeasureStatusProjection;
import se.molnkoll.query.service.CloudServiceQueries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.kernel.Phase.OPERATE;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.evidence;
import static se.molnkoll.query.Histories.pair;
import static se.molnkoll.query.Histories.patientData;
import static se.molnkoll.query.Histories.publicInformation;

/**
 * The register page the database filters, sorts and pages agrees with the whole register filtered in
 * memory as the page did before (from the register, the open counts and the certificate list), for
 * every filter and sort, at today and at a past moment; its pages put together are the whole list.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, RegisterQueries.class, CloudServiceQueries.class,
        CertificateQueries.class, se.molnkoll.query.followup.FollowUpQueries.class})
class RegisterQueriesTest {

    static final int WARNING_DAYS = 60;
    static final String[] NAMES = {"alfa", "Beta", "gamma", "Delta", "epsilon", "Zeta", "eta", "Theta", "iota", "Kappa",
            "lambda", "My", "ny", "Xi", "omikron", "Pi", "rho", "Sigma", "tau", "Ypsilon", "fi", "Chi", "psi", "Omega",
            "alfa"};
    static final String[] VENDORS = {"Moln AB", "moln ab", "Data Oy", "Host_Inc", "Percent%Cloud"};
    static final String[] UNITS = {"Regionstyrelsen", "Hälso- och sjukvård", "IT-förvaltningen"};

    @Autowired RegisterProjection register;
    @Autowired MeasureStatusProjection measures;
    @Autowired RegisterQueries registerQueries;
    @Autowired CloudServiceQueries services;
    @Autowired CertificateQueries certificates;
    @Autowired MutableClock clock;

    EventStream events;
    Instant before;

    @BeforeEach
    void aPortfolio() {
        events = new EventStream(clock, register, measures);
        Random random = new Random(26);
        clock.set(LocalDate.of(2026, 3, 1));
        for (int i = 0; i < NAMES.length; i++) {
            CloudServiceId id = CloudServiceId.of("00000000-0000-4000-8000-" + "%012d".formatted(i));
            events.publish(new CloudServiceRegistered(id, NAMES[i], VENDORS[random.nextInt(VENDORS.length)], ServiceModel.SAAS,
                    UNITS[random.nextInt(UNITS.length)], "Anna"));
            if (random.nextInt(5) > 0) {
                events.publish(classified(id, random.nextBoolean() ? patientData() : publicInformation()));
                // a certificate covering an applicable measure: expired, expiring within the window, or later
                LocalDate until = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(200) - 40);
                events.publish(evidence(id, EvidenceId.random(), null, until, pair(27, ACQUIRE), pair(27, OPERATE)));
            }
            if (i % 4 == 1) events.publish(new OperationStarted(id, LocalDate.of(2026, 3, 1)));
            if (i % 7 == 3) events.publish(new ContractTerminated(id, LocalDate.of(2026, 3, 1), "Avslutat"));
        }
        before = clock.instant();
        clock.set(LocalDate.of(2026, 3, 20));
        events.publish(new ServiceArchived(CloudServiceId.of("00000000-0000-4000-8000-000000000002"), "Registrerad av misstag"));
        events.publish(new CloudServiceRegistered(CloudServiceId.random(), "Later", "Moln AB", ServiceModel.PAAS, UNITS[0], "Bo"));
    }

    @Test
    void every_filter_and_sort_agrees_with_the_register_filtered_in_memory() {
        List<Filter> filters = new ArrayList<>(List.of(Filter.NONE,
                new Filter("MOLN", null, null, false, false, false),
                new Filter("a", OPERATE, null, false, false, false),
                new Filter("%", null, null, false, false, false),
                new Filter("_", null, null, false, false, false),
                new Filter(null, null, UNITS[1], false, false, false),
                new Filter(null, null, null, true, false, false),
                new Filter(null, null, null, false, true, false),
                new Filter(null, ACQUIRE, UNITS[0], true, true, false)));
        for (Moment moment : List.of(Moment.NOW, Moment.knownAt(before), Moment.validAt(LocalDate.of(2026, 5, 1)))) {
            for (Filter filter : filters) {
                for (Sort sort : Sort.values()) {
                    for (boolean descending : List.of(false, true)) {
                        List<RegisterRow> expected = inMemory(moment, filter, sort, descending);
                        RegisterPage whole = registerQueries.handle(FindRegisterPage.all(moment, filter, sort, descending, WARNING_DAYS));
                        String what = moment + " " + filter + " " + sort + (descending ? " desc" : "");
                        assertThat(whole.services()).as(what).isEqualTo(expected);
                        assertThat(whole.totalServices()).as(what).isEqualTo(expected.size());
                    }
                }
            }
        }
        List<RegisterRow> today = inMemory(Moment.NOW, Filter.NONE, Sort.NAME, false);
        assertThat(today).as("the portfolio has something to filter: expired").anyMatch(RegisterRow::expiredCertificates);
        assertThat(today).as("expiring").anyMatch(r -> r.expiringInDays() != null);
        assertThat(today).as("open").anyMatch(r -> r.openInPhase() > 0);
        assertThat(today.stream().map(RegisterRow::openInPhase).distinct()).as("open counts to sort by").hasSizeGreaterThan(2);
    }

    @Test
    void pages_put_together_are_the_whole_register_with_its_count_on_each() {
        List<RegisterRow> whole = inMemory(Moment.NOW, Filter.NONE, Sort.VENDOR, false);
        List<RegisterRow> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            RegisterPage one = registerQueries.handle(new FindRegisterPage(Moment.NOW, Filter.NONE, Sort.VENDOR, false, page, 7,
                    WARNING_DAYS));
            assertThat(one.totalServices()).isEqualTo(whole.size());
            assertThat(one.totalPages()).isEqualTo((whole.size() + 6) / 7);
            assertThat(one.units()).containsExactly("Hälso- och sjukvård", "IT-förvaltningen", "Regionstyrelsen");
            paged.addAll(one.services());
        }
        assertThat(paged).isEqualTo(whole);

        RegisterPage beyond = registerQueries.handle(new FindRegisterPage(Moment.NOW, Filter.NONE, Sort.NAME, false, 9, 7, WARNING_DAYS));
        assertThat(beyond.services()).isEmpty();
        assertThat(beyond.totalServices()).as("counted even past the last page").isEqualTo(whole.size());
    }

    /** The page's rule as it was in memory: the register, its open counts and the certificate list, filtered and sorted. */
    private List<RegisterRow> inMemory(Moment moment, Filter filter, Sort sort, boolean descending) {
        Set<String> expired = certificates.handle(new FindCertificates(CertificateStatus.EXPIRED, 0, moment)).stream()
                .map(c -> c.serviceId().value()).collect(Collectors.toSet());
        Map<String, Long> expiring = certificates.handle(new FindCertificates(CertificateStatus.EXPIRING, WARNING_DAYS, moment))
                .stream().collect(Collectors.toMap(c -> c.serviceId().value(), CertificateView::daysLeft, Math::min));
        String text = filter.text() == null ? "" : filter.text().strip().toLowerCase(Locale.ROOT);
        Comparator<RegisterRow> byName = Comparator.comparing((RegisterRow r) -> r.name().toLowerCase(Locale.ROOT));
        Comparator<RegisterRow> order = switch (sort) {
            case NAME -> byName;
            case VENDOR -> Comparator.comparing((RegisterRow r) -> r.vendor().toLowerCase(Locale.ROOT)).thenComparing(byName);
            case UNIT -> Comparator.comparing((RegisterRow r) -> r.organisationUnit().toLowerCase(Locale.ROOT)).thenComparing(byName);
            case PHASE -> Comparator.comparing(RegisterRow::phase).thenComparing(byName);
            case OPEN -> Comparator.comparingLong(RegisterRow::openInPhase).thenComparing(byName);
        };
        order = order.thenComparing(r -> r.id().value());
        return services.handle(new FindCloudServices(moment)).stream()
                .map(s -> row(s, expired.contains(s.id().value()), expiring.get(s.id().value())))
                .filter(r -> text.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(text)
                        || r.vendor().toLowerCase(Locale.ROOT).contains(text))
                .filter(r -> filter.phase() == null || r.phase() == filter.phase())
                .filter(r -> filter.organisationUnit() == null || r.organisationUnit().equals(filter.organisationUnit()))
                .filter(r -> !filter.expiredCertificates() || r.expiredCertificates())
                .filter(r -> !filter.openMeasures() || r.openInPhase() > 0)
                .sorted(descending ? order.reversed() : order)
                .toList();
    }

    private static RegisterRow row(CloudServiceSummary s, boolean expired, Long expiringInDays) {
        Map<Phase, Long> open = s.openMeasures().entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new RegisterRow(s.id(), s.name(), s.vendor(), s.organisationUnit(), s.phase(), s.classified(), s.decommissioned(),
                se.molnkoll.kernel.query.PhaseCounts.of(open), s.openMeasures().getOrDefault(s.phase(), 0L), expired,
                expiringInDays, false);
    }
}
