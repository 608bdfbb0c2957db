package se.molnkoll.query.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * molnkoll.read-models.rebuild.*: the blue/green rebuild ({@link BlueGreenRebuild}).
 *
 * @param lease         how long the instance running a rebuild may go without renewing it (it does every half
 *                      second) before another instance, or the same one started again, takes the rebuild over
 * @param pauseInSwitch for fault tests: a pause inside the switch's transaction, so that a kill can land there
 * @param batchesAtOnce how many of the rebuild processors' batches run at a time on the instance running a rebuild
 *                      ({@link RebuildPace}); unset, half the cores (at least one), leaving the others to the readers
 */
@ConfigurationProperties("molnkoll.read-models.rebuild")
public record RebuildProperties(@DefaultValue("30s") Duration lease, @DefaultValue("0s") Duration pauseInSwitch,
                                Integer batchesAtOnce) {

    public RebuildProperties {
        if (lease.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("molnkoll.read-models.rebuild.lease must be 2s or more (it is renewed every 0.5 s)");
        }
        if (batchesAtOnce == null) {
            batchesAtOnce = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        } else if (batchesAtOnce < 1) {
            throw new IllegalArgumentException("molnkoll.read-models.rebuild.batches-at-once must be 1 or more");
        }
    }
}
