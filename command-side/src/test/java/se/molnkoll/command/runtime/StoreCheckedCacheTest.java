package se.molnkoll.command.runtime;

import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import se.molnkoll.command.CloudService;

import static org.assertj.core.api.Assertions.assertThat;

/** What a cached service weighs in the aggregate cache: the events of its history, read from Axon's cache entry. */
class StoreCheckedCacheTest {

    @Test
    void a_cached_service_weighs_the_events_of_its_history() throws Exception {
        var constructor = CloudService.class.getDeclaredConstructor(); // Axon's, for a service it loads
        constructor.setAccessible(true);
        EventSourcedAggregate<CloudService> service = EventSourcedAggregate.initialize(constructor.newInstance(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(CloudService.class), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        service.initSequence(41); // its last event's sequence number: 42 events, counted from 0

        assertThat(StoreCheckedCache.eventsOf(new AggregateCacheEntry<>(service))).isEqualTo(42);
    }

    @Test
    void anything_else_weighs_one() {
        assertThat(StoreCheckedCache.eventsOf("not a service")).isEqualTo(1);
    }
}
