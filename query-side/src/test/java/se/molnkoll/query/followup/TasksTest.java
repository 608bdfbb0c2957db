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
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.ServiceMovedToUnit;
import se.molnkoll.kernel.event.TaskAssigned;
import se.molnkoll.kernel.event.TaskCompleted;
import se.molnkoll.kernel.event.TaskReassigned;
import se.molnkoll.kernel.query.FindDashboard;
import se.molnkoll.kernel.query.FindTasks;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.TaskView;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.EventStream;
import se.molnkoll.query.certificates.CertificateQueries;
import se.molnkoll.query.measures.MeasureStatusProjection;
import se.molnkoll.query.register.RegisterProjection;
import se.molnkoll.query.service.CloudServiceQueries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.publicInformation;
import static se.molnkoll.query.Histories.registered;

/**
 * Tasks in the read models: each person's open ones most urgent first, reassigned and completed as new
 * versions, overdue per unit on the dashboard, and every earlier moment as it was known then.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, FollowUpProjection.class, FollowUpQueries.class,
        CloudServiceQueries.class, CertificateQueries.class})
class TasksTest {

    static final CloudServiceId JOURNAL = CloudServiceId.of("11111111-1111-4111-8111-111111111111");
    static final CloudServiceId PAYROLL = CloudServiceId.of("22222222-2222-4222-8222-222222222222");
    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

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

    private void on(int dayOfMarch, String actor, CloudServiceEvent... happened) {
        clock.set(MARCH_1.withDayOfMonth(dayOfMarch));
        events.as(actor).publish(happened);
    }

    private static Instant endOf(int dayOfMarch) {
        return MARCH_1.withDayOfMonth(dayOfMarch).plusDays(1).atStartOfDay(BusinessDates.ZONE).toInstant().minusNanos(1000);
    }

    private static TaskAssigned task(CloudServiceId service, String id, int measure, String to, int dueDay) {
        return new TaskAssigned(service, id, new MeasureId(measure), ACQUIRE, null, to, MARCH_1.withDayOfMonth(dueDay), "Gör det");
    }

    @Test
    void each_person_sees_their_open_tasks_most_urgent_first_and_every_moment_as_it_was() {
        on(1, "anna", registered(JOURNAL, "Journal"), classified(JOURNAL, publicInformation()),
                registered(PAYROLL, "Lön"), classified(PAYROLL, publicInformation()));
        on(2, "anna", task(JOURNAL, "t1", 27, "karin", 20), task(PAYROLL, "t2", 27, "karin", 5),
                task(JOURNAL, "t3", 30, "olle", 10));
        on(6, "anna", new TaskReassigned(JOURNAL, "t3", "olle", "karin", MARCH_1.withDayOfMonth(10),
                MARCH_1.withDayOfMonth(12), "Olle är ledig"));
        on(8, "karin", new TaskCompleted(JOURNAL, "t1", MARCH_1.withDayOfMonth(8), TaskCompleted.MARKED_DONE, "Begärt"));

        clock.set(MARCH_1.withDayOfMonth(9));
        List<TaskView> karins = queries.handle(new FindTasks(Moment.NOW, "karin", null, true));
        // the payroll task was due on the 5th: overdue, first
        assertThat(karins).extracting(TaskView::taskId).containsExactly("t2", "t3");
        assertThat(karins.get(0).overdue()).isTrue();
        assertThat(karins.get(0).serviceName()).isEqualTo("Lön");
        assertThat(karins.get(1).note()).isEqualTo("Olle är ledig");
        assertThat(queries.handle(new FindTasks(Moment.NOW, "olle", null, true))).isEmpty();
        List<TaskView> journal = queries.handle(new FindTasks(Moment.NOW, null, JOURNAL, false));
        assertThat(journal).extracting(TaskView::taskId, TaskView::done)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t3", false), org.assertj.core.groups.Tuple.tuple("t1", true));
        assertThat(journal.get(1).completionNote()).isEqualTo("Begärt");
        assertThat(journal.get(1).assignedBy()).isEqualTo("anna");

        // as known at the end of the 2nd: olle had t3, karin t1 open
        List<TaskView> then = queries.handle(new FindTasks(Moment.knownAt(endOf(2)), null, JOURNAL, true));
        assertThat(then).extracting(TaskView::taskId, TaskView::assignee)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t3", "olle"), org.assertj.core.groups.Tuple.tuple("t1", "karin"));
    }

    @Test
    void the_dashboard_counts_overdue_tasks_per_unit() {
        on(1, "anna", registered(JOURNAL, "Journal"), classified(JOURNAL, publicInformation()),
                registered(PAYROLL, "Lön"), classified(PAYROLL, publicInformation()));
        on(2, "anna", task(JOURNAL, "t1", 27, "karin", 4), task(JOURNAL, "t2", 30, "karin", 20),
                task(PAYROLL, "t3", 27, "olle", 3));
        on(3, "anna", new ServiceMovedToUnit(PAYROLL, "Regionstyrelsen", "HR", "Omorganisation"));

        clock.set(MARCH_1.withDayOfMonth(3));
        assertThat(services.handle(new FindDashboard(60, Moment.NOW)).overdueTasksPerUnit()).isEmpty();
        clock.set(MARCH_1.withDayOfMonth(10));
        assertThat(services.handle(new FindDashboard(60, Moment.NOW)).overdueTasksPerUnit())
                .isEqualTo(Map.of("HR", 1L, "Regionstyrelsen", 1L));
        on(11, "karin", new TaskCompleted(JOURNAL, "t1", MARCH_1.withDayOfMonth(11), TaskCompleted.MEASURE_CLOSED, null));
        assertThat(services.handle(new FindDashboard(60, Moment.NOW)).overdueTasksPerUnit()).isEqualTo(Map.of("HR", 1L));
    }
}
