package se.molnkoll.query.runtime;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Part of liveness: DOWN when an event processor of this instance has stopped in error, which Axon
 * does when a processing thread ends by an Error rather than an exception it retries (or when it
 * cannot claim its tokens for a reason it will not recover from). Such a processor never moves again
 * by itself: the process must be restarted. A failing read model that retries is not this: it shows in
 * readiness ({@link ReadModelsHealth}).
 */
@Component("eventProcessors")
public class EventProcessorsAlive extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorsAlive(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        List<String> stopped = processing.eventProcessors().values().stream()
                .filter(p -> p instanceof TrackingEventProcessor tracking && tracking.isError())
                .map(p -> p.getName()).sorted().toList();
        (stopped.isEmpty() ? health.up() : health.down()).withDetail("stoppedInError", stopped);
    }
}
