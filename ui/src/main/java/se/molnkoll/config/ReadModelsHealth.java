package se.molnkoll.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the read models keep up. {@value #DEGRADED_CODE} while a projection is failing (it retries
 * the same events with back-off and shows nothing newer until they succeed), has stopped, or holds
 * no segment of the event stream. Degraded, not down: the application still records everything and
 * answers reads, and a load balancer must not take it out of service because one read model lags
 * (application.properties maps the status to HTTP 200). The details are shown to ADMIN.
 */
@Component("readModels")
public class ReadModelsHealth implements HealthIndicator {

    public static final String DEGRADED_CODE = "DEGRADED";
    public static final Status DEGRADED = new Status(DEGRADED_CODE, "A read model is not keeping up with the event store");

    private final EventProcessingConfiguration processing;

    public ReadModelsHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        boolean healthy = true;
        Map<String, Object> details = new TreeMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                continue;
            }
            Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", streaming.isRunning());
            detail.put("segments", segments.size());
            segments.values().stream()
                    .flatMap(s -> s.getCurrentPosition().stream().boxed())
                    .min(Long::compare).ifPresent(position -> detail.put("position", position));
            segments.values().stream()
                    .filter(EventTrackerStatus::isErrorState)
                    .findFirst()
                    .ifPresent(failing -> detail.put("error", failing.getError() == null ? "unknown"
                            : failing.getError().getClass().getSimpleName() + ": " + failing.getError().getMessage()));
            healthy &= streaming.isRunning() && !segments.isEmpty() && !detail.containsKey("error");
            details.put(streaming.getName(), detail);
        }
        return Health.status(healthy ? Status.UP : DEGRADED).withDetails(details).build();
    }
}
