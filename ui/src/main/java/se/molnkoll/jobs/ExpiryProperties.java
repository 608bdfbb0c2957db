package se.molnkoll.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * molnkoll.expiry.*: the sweep that records each lapsed piece of evidence as an event (see {@link ExpirySweep}).
 *
 * @param initialDelay  the first sweep after start
 * @param sweepInterval the pause between sweeps
 * @param batchSize     lapsed evidence recorded per sweep at most (the rest in the next)
 */
@ConfigurationProperties("molnkoll.expiry")
public record ExpiryProperties(@DefaultValue("5s") Duration initialDelay, @DefaultValue("30s") Duration sweepInterval,
                               @DefaultValue("500") int batchSize) {
}
