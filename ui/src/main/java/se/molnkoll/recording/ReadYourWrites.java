package se.molnkoll.recording;

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
import se.molnkoll.kernel.query.ReadModels;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes: after a command is accepted, wait until every read model has processed the
 * service's latest event, so the client's next read shows what it just did.
 *
 * <p>The projections run in tracking processors that trail the event store. The position of the
 * service's latest event is read from the store; a processor has handled it once its token is at or
 * past that position and does not list it as a gap (an event committed after others with higher
 * positions is a gap until the processor goes back for it).
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    public ReadYourWrites(JdbcTemplate jdbc, EventProcessingConfiguration processing,
                   @Value("${molnkoll.read-your-writes.timeout:10s}") Duration timeout) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.timeout = timeout;
    }

    /**
     * True once every projection shows the service's latest event. False if one cannot show it: it
     * is failing (it will not get there soon, so waiting for it stops at once) or the timeout
     * passed. The others are still waited for, so whatever does answer is as fresh as it can be.
     */
    public boolean awaitProjectionsOf(CloudServiceId service) {
        Long position = jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?",
                Long.class, service.value());
        if (position == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean allVisible = true;
        for (StreamingEventProcessor processor : processors()) {
            while (!hasProcessed(processor, position)) {
                if (inError(processor)) {
                    log.warn("Projection {} is failing; event {} of service {} is recorded but not yet visible",
                            processor.getName(), position, service);
                    allVisible = false;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    log.warn("Projection {} has not reached event {} of service {} within {}",
                            processor.getName(), position, service, timeout);
                    allVisible = false;
                    break;
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        return allVisible;
    }

    private List<StreamingEventProcessor> processors() {
        Collection<?> all = processing.eventProcessors().values();
        return all.stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(processor -> ReadModels.PROCESSING_GROUPS.contains(processor.getName()))
                .toList();
    }

    static boolean inError(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    /**
     * Whether the processor's segments together have handled the whole event stream up to the
     * position. Each segment reads the whole stream (and handles its share), so every claimed
     * segment's token must be past the position, and the claimed segments must make up the whole.
     * A segment in error may still be past it (the failing event came later).
     */
    static boolean hasProcessed(StreamingEventProcessor processor, long position) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        double share = 0;
        for (EventTrackerStatus status : statuses) {
            if (!covers(status.getTrackingToken(), position)) {
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
