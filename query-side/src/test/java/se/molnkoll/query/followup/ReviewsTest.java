package se.molnkoll.query.followup;

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
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.command.RecordReview;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ReviewFellDue;
import se.molnkoll.kernel.event.ReviewRecorded;
import se.molnkoll.kernel.event.ReviewScheduled;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.DueReview;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.FindDashboard;
import se.molnkoll.kernel.query.FindDueReviews;
import se.molnkoll.kernel.query.FindReviews;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.ReviewView;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.EventStream;
import se.molnkoll.query.certificates.CertificateQueries;
import se.molnkoll.query.measures.MeasureStatusProjection;
import se.molnkoll.query.register.RegisterProjection;
import se.molnkoll.query.service.CloudServiceQueries;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.Phase.OPERATE;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.evidence;
import static se.molnkoll.query.Histories.pair;
import static se.molnkoll.query.Histories.publicInformation;
import static se.molnkoll.query.Histories.registered;

/**
 * Recurring reviews in the read models: a review past due makes a covered measure REVIEW_DUE and counts it
 * as open (the service, the register's counts, the dashboard), the sweep finds it until its lapse is
 * recorded, recording the review ends it and sets the next date; every moment as it was known then.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, FollowUpProjection.class, FollowUpQueries.class,
        CloudServiceQueries.class, CertificateQueries.class})
class ReviewsTest {

    static final CloudServiceId SERVICE = CloudServiceId.of("11111111-1111-4111-8111-111111111111");
    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @Autowired RegisterProjection register;
    @Autowired MeasureStatusProjection measures;
    @Autowired FollowUpProjection followUp;
    @Autowired FollowUpQueries queries;
    @Autowired CloudServiceQueries services;
    @Autowired MutableClock clock;

    EventStream events;

    @BeforeEach
    void setUp() {
        events = new EventStream(clock, register, measures, followUp);
    }

    private void on(LocalDate day, CloudServiceEvent... happened) {
        clock.set(day);
        events.as("anna").publish(happened);
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BusinessDates.ZONE).toInstant().minusNanos(1000);
    }

    private MeasureStatus status38(Moment moment) {
        CloudServiceView view = services.handle(new FindCloudService(SERVICE, moment)).orElseThrow();
        return view.measures().stream().filter(m -> m.measureId().equals(new MeasureId(38)) && m.phase() == OPERATE)
                .map(MeasureStatusView::status).findFirst().orElseThrow();
    }

    private long openInOperation() {
        return services.handle(new FindCloudServices(Moment.NOW)).stream().filter(s -> s.id().equals(SERVICE))
                .map(CloudServiceSummary::openMeasures).findFirst().orElseThrow().get(OPERATE);
    }

    @Test
    void a_review_past_due_makes_the_measure_review_due_and_open_until_it_is_recorded() {
        LocalDate due = JAN_1.plusYears(1);
        on(JAN_1, registered(SERVICE, "Journal"), classified(SERVICE, publicInformation()),
                evidence(SERVICE, EvidenceId.random(), null, null, pair(38, OPERATE)),
                new OperationStarted(SERVICE, JAN_1), new ReviewScheduled(SERVICE, new MeasureId(38), OPERATE, due));
        clock.set(due);
        long openBefore = openInOperation();
        assertThat(queries.handle(new FindDueReviews(10))).isEmpty();
        assertThat(queries.handle(new FindReviews(Moment.NOW, SERVICE, false))).extracting(ReviewView::dueOn).containsExactly(due);

        clock.set(due.plusDays(1));
        assertThat(queries.handle(new FindDueReviews(10))).containsExactly(new DueReview(SERVICE, new MeasureId(38), OPERATE));
        assertThat(status38(Moment.NOW)).as("not before the lapse is recorded").isEqualTo(MeasureStatus.COVERED);
        on(due.plusDays(1), new ReviewFellDue(SERVICE, new MeasureId(38), OPERATE, due.plusDays(1)));
        assertThat(queries.handle(new FindDueReviews(10))).isEmpty();
        assertThat(status38(Moment.NOW)).isEqualTo(MeasureStatus.REVIEW_DUE);
        assertThat(openInOperation()).as("counted like an open one").isEqualTo(openBefore + 1);
        assertThat(services.handle(new FindDashboard(60, Moment.NOW)).reviewsPastDue()).isEqualTo(1);
        assertThat(status38(Moment.validAt(due))).as("on its last day it was not yet past due").isEqualTo(MeasureStatus.COVERED);

        LocalDate reviewed = due.plusDays(9);
        on(reviewed, new ReviewRecorded(SERVICE, new MeasureId(38), OPERATE, reviewed, RecordReview.ReviewOutcome.OK,
                "Ny SOC 2-rapport", null, "karin", reviewed.plusYears(1)));
        assertThat(status38(Moment.NOW)).isEqualTo(MeasureStatus.COVERED);
        assertThat(openInOperation()).isEqualTo(openBefore);
        assertThat(services.handle(new FindDashboard(60, Moment.NOW)).reviewsPastDue()).isZero();
        ReviewView review = queries.handle(new FindReviews(Moment.NOW, SERVICE, false)).get(0);
        assertThat(review.dueOn()).isEqualTo(reviewed.plusYears(1));
        assertThat(review.lastReviewer()).isEqualTo("karin");
        assertThat(review.lastOutcome()).isEqualTo("OK");
        // the days it was past due stay so; and what was known before the review is unchanged
        assertThat(status38(Moment.validAt(reviewed.minusDays(1)))).isEqualTo(MeasureStatus.REVIEW_DUE);
        assertThat(status38(new Moment(endOf(reviewed.minusDays(1)), reviewed.minusDays(1)))).isEqualTo(MeasureStatus.REVIEW_DUE);
        assertThat(queries.handle(new FindReviews(Moment.knownAt(endOf(due)), SERVICE, false)).get(0).pastDueFrom()).isNull();
    }
}
