package se.molnkoll.query.audit;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * The events' own global indexes, read from the store in one query. Not the tracking token's position:
 * when concurrent appends commit out of order, an event that fills a gap arrives with a token already past it.
 */
@Component
class StoredEventPositions implements EventPositions {

    private final NamedParameterJdbcTemplate jdbc;

    StoredEventPositions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> of(Map<String, TrackingToken> tokensByEventId) {
        Map<String, Long> positions = new HashMap<>();
        if (!tokensByEventId.isEmpty()) {
            jdbc.query("select event_identifier, global_index from domain_event_entry where event_identifier in (:ids)",
                    Map.of("ids", tokensByEventId.keySet()), row -> {
                        positions.put(row.getString(1), row.getLong(2));
                    });
        }
        for (String id : tokensByEventId.keySet()) {
            if (!positions.containsKey(id)) throw new IllegalStateException("Event " + id + " is not in the store");
        }
        return positions;
    }
}
