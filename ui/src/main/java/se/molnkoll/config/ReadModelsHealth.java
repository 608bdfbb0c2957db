package se.molnkoll.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the read models keep up: DOWN while a projection is failing (it retries the same events,
 * with back-off, and shows nothing newer until they succeed) or has stopped. Part of
 * /actuator/health; the details are shown to ADMIN.
 */
@Component("readModels")
public class ReadModelsHealth implements HealthIndicator {

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
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", streaming.isRunning());
            detail.put("segments", streaming.processingStatus().size());
            streaming.processingStatus().values().stream()
                    .flatMap(s -> s.getCurrentPosition().stream().boxed())
                    .min(Long::compare).ifPresent(position -> detail.put("position", position));
            streaming.processingStatus().values().stream()
                    .filter(EventTrackerStatus::isErrorState)
                    .findFirst()
                    .ifPresent(failing -> detail.put("error", failing.getError() == null ? "unknown"
                            : failing.getError().getClass().getSimpleName() + ": " + failing.getError().getMessage()));
            healthy &= streaming.isRunning() && !detail.containsKey("error");
            details.put(streaming.getName(), detail);
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
