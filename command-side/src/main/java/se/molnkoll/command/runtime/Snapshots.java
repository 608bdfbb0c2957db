package se.molnkoll.command.runtime;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.molnkoll.command.CloudService;

/**
 * Snapshots of the cloud services (ADR 0023). Once {@code molnkoll.commands.snapshot-after} of a service's events
 * were replayed or recorded since its last snapshot, Axon stores its state as a snapshot, and a service that is
 * not in the aggregate cache is loaded from its latest snapshot and the events after it instead of its whole
 * history (the benchmark's big service has 10,000 events). The cache's check against the store is unchanged.
 *
 * <p>A snapshot holds the service's fields as they are ({@link se.molnkoll.kernel.SnapshotFormat}): every field,
 * whatever its visibility, and no getter. {@link CloudService} carries a {@code @Revision}; a snapshot of another
 * revision is passed over (Axon's snapshot filter), and one that cannot be read is too (Axon then replays every
 * event), so a changed aggregate never decides on an old shape of its state. A test pins the state's shape to the
 * revision.
 */
@Configuration(proxyBeanMethods = false)
public class Snapshots {

    @Bean(CloudService.SNAPSHOTS)
    SnapshotTriggerDefinition cloudServiceSnapshots(Snapshotter snapshotter, CommandProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotAfter());
    }
}
