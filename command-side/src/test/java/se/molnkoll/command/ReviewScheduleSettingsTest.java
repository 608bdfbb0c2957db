package se.molnkoll.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.catalogue.ReviewSchedule;
import se.molnkoll.kernel.command.ChangeReviewSchedule;
import se.molnkoll.kernel.event.ReviewScheduleChanged;

import static se.molnkoll.command.CloudServiceFixture.CATALOGUE;
import static se.molnkoll.command.RejectedFor.rejectedFor;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.kernel.Phase.OPERATE;
import static se.molnkoll.kernel.event.ReviewScheduleChanged.SCHEDULE_ID;

class ReviewScheduleSettingsTest {

    private FixtureConfiguration<ReviewScheduleSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReviewScheduleSettings.class);
        fixture.registerInjectableResource(CATALOGUE);
        fixture.registerInjectableResource(ReviewSchedule.loadDefault(CATALOGUE));
    }

    @Test
    void an_administrator_changes_an_interval_and_the_change_says_what_it_was_before() {
        fixture.givenNoPriorActivity()
                .when(new ChangeReviewSchedule(SCHEDULE_ID, new MeasureId(34), OPERATE, 3, " Loggarna granskas kvartalsvis "))
                .expectEvents(new ReviewScheduleChanged(SCHEDULE_ID, new MeasureId(34), OPERATE, 6, 3, "Loggarna granskas kvartalsvis"));
        fixture.given(new ReviewScheduleChanged(SCHEDULE_ID, new MeasureId(34), OPERATE, 6, 3, "Kvartalsvis"))
                .when(new ChangeReviewSchedule(SCHEDULE_ID, new MeasureId(34), OPERATE, null, "Ersätts av SIEM-larm"))
                .expectEvents(new ReviewScheduleChanged(SCHEDULE_ID, new MeasureId(34), OPERATE, 3, null, "Ersätts av SIEM-larm"));
    }

    @Test
    void a_measure_not_yet_recurring_can_be_added_and_bad_changes_are_refused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeReviewSchedule(SCHEDULE_ID, new MeasureId(6), OPERATE, 12, "Revisionsrapporter årligen"))
                .expectEvents(new ReviewScheduleChanged(SCHEDULE_ID, new MeasureId(6), OPERATE, null, 12, "Revisionsrapporter årligen"));
        fixture.givenNoPriorActivity()
                .when(new ChangeReviewSchedule(SCHEDULE_ID, new MeasureId(38), OPERATE, 12, "Samma"))
                .expectException(rejectedFor("NOTHING_TO_CHANGE"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ChangeReviewSchedule(SCHEDULE_ID, new MeasureId(2), ACQUIRE, 61, " "))
                .expectException(rejectedFor("REASON_REQUIRED", "MEASURE_NOT_IN_PHASES", "INTERVAL_OUT_OF_RANGE"))
                .expectNoEvents();
    }
}
