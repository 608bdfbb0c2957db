package se.molnkoll.query;

import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.MetaData;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.EventMetaData;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds events to projections the way a streaming processor does: through Axon's handler adapter
 * (so @Timestamp, @MetaDataValue and the tracking token are resolved for real), with a global
 * position, a sequence number per service, the actor in the meta-data and the clock's time.
 */
public final class EventStream {

    private final List<EventMessageHandler> handlers;
    private final Clock clock;
    private final Map<String, Long> sequences = new HashMap<>();
    private long position;
    private String actor = "anna";

    public EventStream(Clock clock, Object... projections) {
        this.clock = clock;
        this.handlers = java.util.Arrays.stream(projections)
                .map(p -> (EventMessageHandler) new AnnotationEventHandlerAdapter(p)).toList();
    }

    public EventStream as(String actor) {
        this.actor = actor;
        return this;
    }

    /** Publishes events of services, vendors and settings, each in its aggregate's sequence. */
    public void publish(Object... events) {
        for (Object event : events) {
            String aggregate = event instanceof CloudServiceEvent service ? service.cloudServiceId().value()
                    : event instanceof se.molnkoll.kernel.event.VendorEvent vendor ? vendor.vendorId().value()
                    : ((se.molnkoll.kernel.event.SettingsEvent) event).settingsId();
            long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
            var domainEvent = new GenericDomainEventMessage<>(
                    event instanceof CloudServiceEvent ? "CloudService" : event instanceof se.molnkoll.kernel.event.VendorEvent ? "Vendor" : "Settings", aggregate, sequence, event,
                    MetaData.with(EventMetaData.ACTOR, actor).and(EventMetaData.CORRELATION_ID, "req-" + position),
                    UUID.randomUUID().toString(), clock.instant());
            var tracked = new GenericTrackedDomainEventMessage<>(
                    GapAwareTrackingToken.newInstance(++position, List.of()), domainEvent);
            for (EventMessageHandler handler : handlers) {
                try {
                    handler.handle(tracked);
                } catch (Exception e) {
                    throw new IllegalStateException("Projection failed on " + event, e);
                }
            }
        }
    }
}
