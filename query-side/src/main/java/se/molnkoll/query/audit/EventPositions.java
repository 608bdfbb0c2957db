package se.molnkoll.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/** Where an event sits in the event store: its global index, which orders the audit trail. */
public interface EventPositions {

    long of(DomainEventMessage<?> event, TrackingToken token);
}
