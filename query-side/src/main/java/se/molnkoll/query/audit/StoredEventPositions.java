package se.molnkoll.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event's own global index, read from the store. Not the tracking token's position: when
 * concurrent appends commit out of order, an event that fills a gap arrives with a token already past it.
 */
@Component
class StoredEventPositions implements EventPositions {

    private final JdbcTemplate jdbc;

    StoredEventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long of(DomainEventMessage<?> event, TrackingToken token) {
        Long position = jdbc.queryForObject("select global_index from domain_event_entry where event_identifier = ?",
                Long.class, event.getIdentifier());
        if (position == null) throw new IllegalStateException("Event " + event.getIdentifier() + " is not in the store");
        return position;
    }
}
