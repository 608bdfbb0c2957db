package se.molnkoll.command.runtime;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.catalogue.ReviewSchedule;
import se.molnkoll.kernel.catalogue.ReviewSchedules;
import se.molnkoll.kernel.event.ReviewScheduleChanged;

/**
 * The review schedule in force: the shipped one with every change recorded on the settings aggregate, read
 * from the event store each time it is asked (there are few, and a change takes effect at once on every
 * instance, without waiting for a read model).
 */
@Component
public class ReviewSchedulesFromStore implements ReviewSchedules {

    private final EventStore events;
    private final ReviewSchedule shipped;

    public ReviewSchedulesFromStore(EventStore events, ReviewSchedule shipped) {
        this.events = events;
        this.shipped = shipped;
    }

    @Override
    public ReviewSchedule current() {
        ReviewSchedule schedule = shipped;
        var stream = events.readEvents(ReviewScheduleChanged.SCHEDULE_ID);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ReviewScheduleChanged change) {
                schedule = schedule.with(new MeasurePhase(change.measureId(), change.phase()), change.intervalMonths(),
                        "Changed: " + change.reason());
            }
        }
        return schedule;
    }
}
