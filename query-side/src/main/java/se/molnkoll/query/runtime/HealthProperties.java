package se.molnkoll.query.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * molnkoll.health.*: when the read models count as keeping up (see {@link ReadModelsHealth}).
 *
 * @param maxLagEvents readiness fails (503) while a read model is more events than this behind the event store
 */
@ConfigurationProperties("molnkoll.health")
public record HealthProperties(@DefaultValue("1000") long maxLagEvents) {
}
