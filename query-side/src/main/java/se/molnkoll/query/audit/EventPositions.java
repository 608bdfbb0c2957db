package se.molnkoll.query.audit;

import org.axonframework.eventhandling.TrackingToken;

import java.util.Map;

/** Where events sit in the event store: their global index, which orders the audit trail. */
public interface EventPositions {

    /** The global index of each event, by its identifier; given the token each arrived with. */
    Map<String, Long> of(Map<String, TrackingToken> tokensByEventId);
}
