package se.molnkoll.query.runtime;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.query.api.DatabaseOutage;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.persistence.AxonTables;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

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
@EnableConfigurationProperties(ReadYourWritesProperties.class)
class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();
    /** Asking the database is dearer than asking a processor in memory. */
    private static final long POLL_STORED_NANOS = Duration.ofMillis(10).toNanos();

    private final AxonTables axon;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;
    private final StoredTokens tokens;

    ReadYourWrites(AxonTables axon, EventProcessingConfiguration processing, StoredTokens tokens,
                   ReadYourWritesProperties properties) {
        this.axon = axon;
        this.tokens = tokens;
        this.processing = processing;
        this.timeout = properties.timeout();
    }

    /**
     * True once every projection shows the service's latest event. False if one cannot show it: it
     * is failing (it will not get there soon, so waiting for it stops at once) or the timeout
     * passed. The others are still waited for, so whatever does answer is as fresh as it can be.
     */
    boolean awaitProjectionsOf(CloudServiceId service) {
        try {
            return awaitPosition(service);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isPersistenceFailure(e)) {
                throw e;
            }
            // the command is recorded; only whether the read models show it yet cannot be told now
            log.warn("Cannot tell whether the read models show service {} yet: {}", service, e.toString());
            return false;
        }
    }

    private boolean awaitPosition(CloudServiceId service) {
        Long position = axon.latestPositionOf(service.value());
        if (position == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean allVisible = true;
        for (String readModel : ReadModels.PROCESSING_GROUPS) {
            StreamingEventProcessor local = localProcessors().get(readModel);
            while (!hasProcessed(local, readModel, position)) {
                if (local != null && inError(local)) {
                    log.warn("Projection {} is failing; event {} of service {} is recorded but not yet visible",
                            readModel, position, service);
                    allVisible = false;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    log.warn("Projection {} has not reached event {} of service {} within {}",
                            readModel, position, service, timeout);
                    allVisible = false;
                    break;
                }
                LockSupport.parkNanos(local != null && holdsAll(local.processingStatus().values()) ? POLL_NANOS
                        : POLL_STORED_NANOS);
            }
        }
        return allVisible;
    }

    /**
     * Whether the read model has handled the event: asked of this instance's own processor when it
     * holds every segment (no database round trip), otherwise of the tokens in the database, which
     * the instances holding the segments keep up to date.
     */
    private boolean hasProcessed(StreamingEventProcessor local, String readModel, long position) {
        if (local != null) {
            Collection<EventTrackerStatus> segments = local.processingStatus().values();
            if (holdsAll(segments)) {
                return segments.stream().allMatch(segment -> covers(segment.getTrackingToken(), position));
            }
        }
        return tokens.haveProcessed(readModel, position);
    }

    private Map<String, StreamingEventProcessor> localProcessors() {
        Collection<?> all = processing.eventProcessors().values();
        return all.stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(processor -> ReadModels.PROCESSING_GROUPS.contains(processor.getName()))
                .collect(Collectors.toMap(StreamingEventProcessor::getName, processor -> processor));
    }

    /** Whether these segments of one processor make up all of the event stream. */
    private static boolean holdsAll(Collection<EventTrackerStatus> segments) {
        double share = 0;
        for (EventTrackerStatus segment : segments) {
            share += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return share > 0.999;
    }

    static boolean inError(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    private static boolean covers(TrackingToken token, long position) {
        GapAwareTrackingToken gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElse(null);
        return gapAware != null && gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
    }
}
