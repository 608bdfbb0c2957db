package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

import java.time.LocalDate;

/**
 * A task is done: marked so by a person ({@link #MARKED_DONE}), or closed by what it was about
 * ({@link #MEASURE_CLOSED}: the measure became covered or risk-accepted; {@link #PROPOSAL_DECIDED}).
 */
@Revision("1")
public record TaskCompleted(
        CloudServiceId cloudServiceId,
        String taskId,
        LocalDate completedOn,
        String because,
        String note) implements CloudServiceEvent {

    public static final String MARKED_DONE = "MARKED_DONE";
    public static final String MEASURE_CLOSED = "MEASURE_CLOSED";
    public static final String PROPOSAL_DECIDED = "PROPOSAL_DECIDED";
}
