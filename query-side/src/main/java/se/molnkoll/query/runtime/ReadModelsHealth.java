package se.molnkoll.query.runtime;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.persistence.AxonTables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether the read models keep up with the event store, seen from the database so that every
 * instance, whatever its roles, tells the same: per read model (and the hash chain) its segments,
 * who holds them, its position and its lag, the events recorded after that position. Where this
 * instance runs the processor, also whether it runs and the error it is retrying.
 *
 * <p>{@value #DEGRADED_CODE} while a read model lags more than {@code molnkoll.health.max-lag-events}
 * events, has never started (no segment stored), or is failing or stopped here. A failing read model
 * retries the same events with back-off and shows nothing newer until they succeed: nothing is skipped.
 * Degraded, not down: the instance still records everything and answers reads, so the main health
 * endpoint answers 200 (application.properties); the readiness probe, which a load balancer asks
 * before sending traffic, answers 503 for it. The details are shown to ADMIN.
 */
@Component("readModels")
@EnableConfigurationProperties(HealthProperties.class)
public class ReadModelsHealth extends AbstractHealthIndicator {

    public static final String DEGRADED_CODE = "DEGRADED";
    public static final Status DEGRADED = new Status(DEGRADED_CODE, "A read model is not keeping up with the event store");
    /** What is followed: the read models and the hash chain. */
    static final List<String> FOLLOWERS = List.of(ReadModels.REGISTER, ReadModels.MEASURES, ReadModels.AUDIT_TRAIL,
            ReadModels.VENDORS, ReadModels.CHAIN);

    private final EventProcessingConfiguration processing;
    private final StoredTokens tokens;
    private final AxonTables axon;
    private final long maxLag;

    public ReadModelsHealth(EventProcessingConfiguration processing, StoredTokens tokens, AxonTables axon,
                            HealthProperties properties) {
        this.processing = processing;
        this.tokens = tokens;
        this.axon = axon;
        this.maxLag = properties.maxLagEvents();
    }

    /** A database that does not answer makes it DOWN, with the error (AbstractHealthIndicator). */
    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean healthy = true;
        Map<String, Object> details = new TreeMap<>();
        Map<String, List<StoredTokens.Segment>> stored = tokens.of(FOLLOWERS).stream()
                .collect(Collectors.groupingBy(StoredTokens.Segment::readModel));
        for (String name : FOLLOWERS) {
            Map<String, Object> detail = new LinkedHashMap<>();
            List<StoredTokens.Segment> segments = stored.getOrDefault(name, List.of());
            detail.put("segments", segments.size());
            List<String> owners = segments.stream().map(s -> s.owner() == null ? "(unclaimed)" : s.owner()).distinct().toList();
            detail.put("heldBy", owners);
            Long position = segments.stream().map(s -> s.index() == null ? -1L : s.index()).min(Long::compare).orElse(null);
            if (position != null) {
                long lag = eventsAfter(position);
                detail.put("position", position);
                detail.put("lagEvents", lag);
                healthy &= lag <= maxLag;
            } else {
                healthy = false; // never started
            }
            StreamingEventProcessor local = processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
            if (local != null) {
                detail.put("runningHere", local.isRunning());
                detail.put("segmentsHere", new ArrayList<>(local.processingStatus().keySet()));
                local.processingStatus().values().stream()
                        .filter(EventTrackerStatus::isErrorState)
                        .findFirst()
                        .ifPresent(failing -> detail.put("error", failing.getError() == null ? "unknown"
                                : failing.getError().getClass().getSimpleName() + ": " + failing.getError().getMessage()));
                healthy &= local.isRunning() && !detail.containsKey("error");
            }
            details.put(name, detail);
        }
        details.put("maxLagEvents", maxLag);
        health.status(healthy ? Status.UP : DEGRADED).withDetails(details);
    }

    /** The events recorded after a position, counted up to a little past the limit. */
    private long eventsAfter(long position) {
        return axon.eventsAfter(position, maxLag * 10 + 1);
    }
}
