package se.molnkoll.query.api;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/**
 * Where the last rebuild of the read models stands.
 *
 * @param eventsDone  events every read model has replayed so far
 * @param eventsTotal events in the store when the rebuild began
 * @param target      the store's last position when the rebuild began: done when every read model is past it
 * @param phase       of a blue/green rebuild while it runs: loading the events there were when it began, catching up
 *                    with those recorded since, or switching the read models over
 * @param estimatedSecondsLeft while it runs, at the pace so far
 */
public record RebuildStatus(State state, @Nullable String requestedBy, @Nullable Instant startedAt, @Nullable Instant finishedAt, long eventsDone,
                            long eventsTotal, @JsonIgnore long target, List<ReadModel> readModels, @Nullable String message,
                            @Nullable Phase phase, @Nullable Long estimatedSecondsLeft) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public enum Phase { LOADING, CATCHING_UP, SWITCHING }

    /** The same rebuild in a phase, with an estimate of the time left. */
    public RebuildStatus in(@Nullable Phase now, @Nullable Long secondsLeft) {
        return new RebuildStatus(state, requestedBy, startedAt, finishedAt, eventsDone, eventsTotal, target, readModels, message,
                now, secondsLeft);
    }

    /**
     * One read model's processor: its position in the event store (null until it has claimed its
     * segment), and its error while it fails and retries. Not Axon's "replaying" flag: it stays on
     * until the first event after the replay arrives, so it cannot tell that a replay is done.
     */
    public record ReadModel(String name, boolean running, @Nullable Long position, @Nullable String error) {
        public boolean caughtUpWith(long target) {
            return running && error == null && position != null && position >= target;
        }
    }

    public static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, null, null, null, 0, 0, 0, List.of(),
            "No rebuild since Molnkoll started", null, null);

    public static RebuildStatus started(@Nullable String requestedBy, Instant at, long total, long target, List<ReadModel> readModels) {
        return new RebuildStatus(State.RUNNING, requestedBy, at, null, 0, total, target, readModels, null, null, null);
    }

    /** A rebuild started before the last restart that Axon carries on (who asked for it is not known). */
    public static RebuildStatus resumed(long total, long target, List<ReadModel> readModels) {
        return new RebuildStatus(State.RUNNING, null, null, null, 0, total, target, readModels,
                "A rebuild started before Molnkoll last started is still replaying", null, null);
    }

    public RebuildStatus with(List<ReadModel> now, long done) {
        return new RebuildStatus(state, requestedBy, startedAt, finishedAt, done, eventsTotal, target, now, message, phase,
                estimatedSecondsLeft);
    }

    public RebuildStatus finished(Instant at, List<ReadModel> now) {
        return new RebuildStatus(State.DONE, requestedBy, startedAt, at, eventsTotal, eventsTotal, target, now, null, null, null);
    }

    public RebuildStatus failed(Instant at, List<ReadModel> now, String why) {
        return new RebuildStatus(State.FAILED, requestedBy, startedAt, at, eventsDone, eventsTotal, target, now, why, null, null);
    }

    @JsonIgnore
    public boolean isRunning() {
        return state == State.RUNNING;
    }
}
