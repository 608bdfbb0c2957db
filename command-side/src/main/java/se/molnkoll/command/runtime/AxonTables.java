package se.molnkoll.command.runtime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place on the command side that reads Axon's own tables by name: the event store
 * ({@code domain_event_entry}), for what Axon offers no call for.
 */
@Component("commandSideAxonTables")
public class AxonTables {

    private final JdbcTemplate jdbc;

    public AxonTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The sequence number of the aggregate's latest event in the store, or null if it has none. */
    public Long latestSequenceOf(Object aggregateIdentifier) {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateIdentifier.toString());
    }
}
