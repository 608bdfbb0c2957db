package se.molnkoll.query.followup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.RiskAcceptanceApproved;
import se.molnkoll.kernel.event.RiskAcceptanceEnded;
import se.molnkoll.kernel.event.RiskAcceptanceProposed;
import se.molnkoll.kernel.event.RiskAcceptanceRejected;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.Dashboard;
import se.molnkoll.kernel.query.DueAcceptanceEnd;
import se.molnkoll.kernel.query.EndingAcceptance;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindDashboard;
import se.molnkoll.kernel.query.FindDueAcceptanceEnds;
import se.molnkoll.kernel.query.FindEndingAcceptances;
import se.molnkoll.kernel.query.FindRiskProposals;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.RiskAcceptanceView;
import se.molnkoll.kernel.query.RiskProposalView;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.EventStream;
import se.molnkoll.query.certificates.CertificateQueries;
import se.molnkoll.query.measures.MeasureStatusProjection;
import se.molnkoll.query.register.RegisterProjection;
import se.molnkoll.query.service.CloudServiceQueries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.publicInformation;
import static se.molnkoll.query.Histories.registered;
import static se.molnkoll.query.Histories.riskAccepted;

/**
 * The risk owner's sign-off in the read models: a proposal waits in the queue and counts for nothing,
 * an approval counts from its day through its end, the end is recorded once and due until then, a
 * rejection leaves the queue; every moment shows what was known then.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, FollowUpProjection.class, FollowUpQueries.class,
        CloudServiceQueries.class, CertificateQueries.class})
class RiskSignOffTest {

    static final CloudServiceId SERVICE = CloudServiceId.of("11111111-1111-4111-8111-111111111111");
    static final String FIRST = "aaaaaaaa-1111-4111-8111-111111111111";
    static final String SECOND = "bbbbbbbb-2222-4222-8222-222222222222";
    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    @Autowired RegisterProjection register;
    @Autowired MeasureStatusProjection measures;
    @Autowired FollowUpProjection proposals;
    @Autowired FollowUpQueries followUp;
    @Autowired CloudServiceQueries services;
    @Autowired MutableClock clock;

    EventStream events;

    @BeforeEach
    void setUp() {
        events = new EventStream(clock, register, measures, proposals);
    }

    private void on(int dayOfMarch, String actor, CloudServiceEvent... happened) {
        clock.set(MARCH_1.withDayOfMonth(dayOfMarch));
        events.as(actor).publish(happened);
    }

    private static Instant endOf(int dayOfMarch) {
        return MARCH_1.withDayOfMonth(dayOfMarch).plusDays(1).atStartOfDay(BusinessDates.ZONE).toInstant().minusNanos(1000);
    }

    private static RiskAcceptanceProposed proposed(String id, int measure) {
        return new RiskAcceptanceProposed(SERVICE, id, new MeasureId(measure), ACQUIRE, "Ingen loggning av administratörer",
                "Leverantören erbjuder det inte", MARCH_31, "anna", MARCH_1.withDayOfMonth(2));
    }

    private CloudServiceView view(Moment moment) {
        return services.handle(new FindCloudService(SERVICE, moment)).orElseThrow();
    }

    private static MeasureStatus status(CloudServiceView view, int measure) {
        return view.measures().stream().filter(m -> m.measureId().equals(new MeasureId(measure)) && m.phase() == ACQUIRE)
                .map(MeasureStatusView::status).findFirst().orElseThrow();
    }

    private List<RiskProposalView> pending(Instant at) {
        return followUp.handle(new FindRiskProposals(Moment.knownAt(at), RiskProposalView.State.PENDING, null));
    }

    private void history() {
        on(1, "anna", registered(SERVICE, "Journal"), classified(SERVICE, publicInformation()));
        on(2, "anna", proposed(FIRST, 8), proposed(SECOND, 9));
        on(5, "rolf", new RiskAcceptanceApproved(SERVICE, FIRST, new MeasureId(8), ACQUIRE, "Ingen loggning av administratörer",
                "Leverantören erbjuder det inte", "anna", "rolf", MARCH_1.withDayOfMonth(5), MARCH_31, "Ok till mars"));
        on(6, "rolf", new RiskAcceptanceRejected(SERVICE, SECOND, new MeasureId(9), ACQUIRE, "rolf",
                MARCH_1.withDayOfMonth(6), "Risken är för hög"));
    }

    @Test
    void a_proposal_waits_for_the_risk_owner_and_counts_for_nothing_until_approved() {
        history();

        assertThat(pending(endOf(2))).extracting(RiskProposalView::proposalId).containsExactly(FIRST, SECOND);
        assertThat(pending(endOf(2)).get(0).serviceName()).isEqualTo("Journal");
        assertThat(pending(endOf(5))).extracting(RiskProposalView::proposalId).containsExactly(SECOND);
        assertThat(pending(endOf(6))).isEmpty();

        CloudServiceView march2 = view(Moment.knownAt(endOf(2)));
        assertThat(status(march2, 8)).isEqualTo(MeasureStatus.OPEN);
        assertThat(march2.riskAcceptances()).isEmpty();
        assertThat(march2.riskProposals()).extracting(RiskProposalView::state)
                .containsExactly(RiskProposalView.State.PENDING, RiskProposalView.State.PENDING);

        clock.set(MARCH_1.withDayOfMonth(10));
        CloudServiceView now = view(Moment.NOW);
        assertThat(status(now, 8)).isEqualTo(MeasureStatus.RISK_ACCEPTED);
        assertThat(status(now, 9)).isEqualTo(MeasureStatus.OPEN);
        RiskAcceptanceView signed = now.riskAcceptances().get(0);
        assertThat(signed.signedOff()).isTrue();
        assertThat(signed.riskOwner()).isEqualTo("rolf");
        assertThat(signed.proposedBy()).isEqualTo("anna");
        assertThat(signed.acceptedOn()).isEqualTo(MARCH_1.withDayOfMonth(5));
        assertThat(signed.approvalNote()).isEqualTo("Ok till mars");
        assertThat(now.riskProposals()).extracting(RiskProposalView::state, RiskProposalView::decidedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RiskProposalView.State.APPROVED, "rolf"),
                        org.assertj.core.groups.Tuple.tuple(RiskProposalView.State.REJECTED, "rolf"));
        // business time: before the approval day the measure was open, whatever was recorded since
        assertThat(status(view(Moment.validAt(MARCH_1.withDayOfMonth(4))), 8)).isEqualTo(MeasureStatus.OPEN);
    }

    @Test
    void an_acceptance_is_warned_about_before_its_end_and_its_end_is_due_once_the_day_after() {
        history();
        on(6, "anna", riskAccepted(SERVICE, 10, ACQUIRE, MARCH_1.withDayOfMonth(20)));

        clock.set(MARCH_1.withDayOfMonth(15));
        assertThat(followUp.handle(new FindEndingAcceptances(Moment.NOW, 10)))
                .extracting(EndingAcceptance::measureId, EndingAcceptance::proposalId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new MeasureId(10), null));
        assertThat(followUp.handle(new FindEndingAcceptances(Moment.NOW, 20))).extracting(EndingAcceptance::measureId)
                .containsExactly(new MeasureId(10), new MeasureId(8));
        Dashboard dashboard = services.handle(new FindDashboard(20, Moment.NOW));
        assertThat(dashboard.endingRiskAcceptances()).isEqualTo(2);
        assertThat(dashboard.pendingRiskProposals()).isZero();
        assertThat(followUp.handle(new FindDueAcceptanceEnds(10))).isEmpty();

        clock.set(MARCH_31);
        assertThat(followUp.handle(new FindDueAcceptanceEnds(10))).isEmpty();
        clock.set(MARCH_31.plusDays(1));
        assertThat(followUp.handle(new FindDueAcceptanceEnds(10)))
                .containsExactly(new DueAcceptanceEnd(SERVICE, FIRST));
        assertThat(status(view(Moment.NOW), 8)).isEqualTo(MeasureStatus.OPEN);

        events.as("system:expiry").publish(new RiskAcceptanceEnded(SERVICE, FIRST, new MeasureId(8), ACQUIRE,
                MARCH_31.plusDays(1)));
        assertThat(followUp.handle(new FindDueAcceptanceEnds(10))).isEmpty();
        RiskAcceptanceView ended = view(Moment.NOW).riskAcceptances().stream()
                .filter(a -> FIRST.equals(a.proposalId())).findFirst().orElseThrow();
        assertThat(ended.endedOn()).isEqualTo(MARCH_31.plusDays(1));
        assertThat(ended.inForce()).isFalse();
        // what was known at the end of March 31: in force that day, no end recorded
        RiskAcceptanceView before = view(new Moment(endOf(31), MARCH_31)).riskAcceptances().stream()
                .filter(a -> FIRST.equals(a.proposalId())).findFirst().orElseThrow();
        assertThat(before.endedOn()).isNull();
        assertThat(before.inForce()).isTrue();
    }
}
