package se.molnkoll.query.chain;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.query.persistence.AxonTables;
import se.molnkoll.query.persistence.StoredEvent;
import org.springframework.stereotype.Component;
import se.molnkoll.query.api.ReadModels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Adds every event to the hash chain as the event stream delivers it. A tracking processor of its
 * own does the ordering, the claiming (one instance at a time, even with several running) and the
 * retrying; each link is written in the same transaction as the processor's token, so an event is
 * chained exactly once. The link covers the event's stored bytes, read back from the store.
 *
 * <p>Events the processor sees again (Axon delivers the history that existed when it first started
 * as a replay) are chained if they are not yet, and otherwise left alone: an event once chained is
 * never chained again, so an event altered afterwards cannot be blessed by a second pass. That is
 * also why the chain is not among the read models that are rebuilt.
 */
@Component
@ProcessingGroup(EventChain.PROCESSING_GROUP)
public class EventChain {

    public static final String PROCESSING_GROUP = ReadModels.CHAIN;

    private final JdbcTemplate jdbc;
    private final AxonTables axon;
    private final Clock clock;

    public EventChain(JdbcTemplate jdbc, AxonTables axon, Clock clock) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.clock = clock;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        append(message.getIdentifier());
    }

    /** Chains the stored event with this identifier, unless it already is. */
    public void append(String eventIdentifier) {
        if (isChained(eventIdentifier)) {
            return;
        }
        StoredEvent event = axon.storedEvent(eventIdentifier).orElseThrow(() ->
                new IllegalStateException("Event " + eventIdentifier + " was delivered but is not in the event store"));
        List<Link> last = jdbc.query("select link, hash from event_chain order by link desc limit 1",
                (rs, i) -> new Link(rs.getLong(1), rs.getString(2)));
        long link = last.isEmpty() ? 1 : last.get(0).number() + 1;
        String previous = last.isEmpty() ? ChainHash.GENESIS : last.get(0).hash();
        jdbc.update("insert into event_chain (link, global_index, event_identifier, hash, chained_at) values (?, ?, ?, ?, ?)",
                link, event.globalIndex(), event.eventIdentifier(), ChainHash.next(previous, event),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private boolean isChained(String eventIdentifier) {
        Integer found = jdbc.queryForObject("select count(*) from event_chain where event_identifier = ?",
                Integer.class, eventIdentifier);
        return found != null && found > 0;
    }

    private record Link(long number, String hash) {
    }
}
