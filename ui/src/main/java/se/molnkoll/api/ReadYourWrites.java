package se.molnkoll.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.CloudServiceId;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes: after a command is accepted, wait until every projection has processed the
 * service's latest event, so the client's next read shows what it just did.
 *
 * <p>The projections run in streaming processors that trail the event store. The position of the
 * service's latest event is read from the store; a processor has handled it once a token of its
 * is at or past that position and does not list it as a gap (an event committed after others
 * with higher positions is a gap until the processor goes back for it).
 */
@Component
class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    ReadYourWrites(JdbcTemplate jdbc, EventProcessingConfiguration processing,
                   @Value("${molnkoll.read-your-writes.timeout:10s}") Duration timeout) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.timeout = timeout;
    }

    /** Returns true once every projection has caught up with the service; false if the timeout passed. */
    boolean awaitProjectionsOf(CloudServiceId service) {
        Long position = jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?",
                Long.class, service.value());
        if (position == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (StreamingEventProcessor processor : processors()) {
            while (!hasProcessed(processor, position)) {
                if (System.nanoTime() > deadline) {
                    log.warn("Projection {} has not reached event {} of service {} within {}; answering anyway",
                            processor.getName(), position, service, timeout);
                    return false;
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        return true;
    }

    private List<StreamingEventProcessor> processors() {
        Collection<?> all = processing.eventProcessors().values();
        return all.stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }

    /**
     * Whether the processor's segments together cover the whole event stream up to the position.
     * Each segment reads the whole stream (and handles its share), so every claimed segment must be
     * past the position, and the claimed segments must make up the whole.
     */
    static boolean hasProcessed(StreamingEventProcessor processor, long position) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        double share = 0;
        for (EventTrackerStatus status : statuses) {
            if (status.isErrorState() || !covers(status.getTrackingToken(), position)) {
                return false;
            }
            share += 1.0 / (status.getSegment().getMask() + 1);
        }
        return share > 0.999;
    }

    private static boolean covers(TrackingToken token, long position) {
        GapAwareTrackingToken gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElse(null);
        return gapAware != null && gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
    }
}
