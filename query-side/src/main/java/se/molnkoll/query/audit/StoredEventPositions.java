package se.molnkoll.query.audit;

import org.axonframework.eventhandling.TrackingToken;
import se.molnkoll.query.persistence.AxonTables;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * The events' own global indexes, read from the store in one query. Not the tracking token's position:
 * when concurrent appends commit out of order, an event that fills a gap arrives with a token already past it.
 */
@Component
class StoredEventPositions implements EventPositions {

    private final AxonTables axon;

    StoredEventPositions(AxonTables axon) {
        this.axon = axon;
    }

    @Override
    public Map<String, Long> of(Map<String, TrackingToken> tokensByEventId) {
        Map<String, Long> positions = axon.positionsOf(tokensByEventId.keySet());
        for (String id : tokensByEventId.keySet()) {
            if (!positions.containsKey(id)) throw new IllegalStateException("Event " + id + " is not in the store");
        }
        return positions;
    }
}
