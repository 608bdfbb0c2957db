package se.molnkoll.query.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place on the query side that reads Axon's own tables by name: the event store
 * ({@code domain_event_entry}) and the processors' tokens ({@code token_entry}). Everything else asks
 * here, so that what Molnkoll assumes about Axon's schema is written once.
 */
@Component("querySideAxonTables")
public class AxonTables {

    /** The event store's columns, in the order {@link #storedEvent(ResultSet, int)} reads them. */
    private static final String EVENT_COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier,"
            + " e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";
    private static final RowMapper<StoredEvent> EVENT = (rs, i) -> storedEvent(rs, 1);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    @PersistenceContext
    private EntityManager entityManager;

    public AxonTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    // ---- the event store --------------------------------------------------------------------

    /** How many events the store holds. */
    public long eventCount() {
        return count("select count(*) from domain_event_entry");
    }

    /** The position of the latest event; 0 for an empty store. */
    public long lastPosition() {
        return count("select coalesce(max(global_index), 0) from domain_event_entry");
    }

    /** How many events are at or before the position. */
    public long eventsUpTo(long position) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
                position);
        return count == null ? 0 : count;
    }

    /** How many events are after the position, counted up to {@code atMost} (a count of a million would be slow). */
    public long eventsAfter(long position, long atMost) {
        Long count = jdbc.queryForObject("select count(*) from (select 1 from domain_event_entry where global_index > ?"
                + " limit ?) after_position", Long.class, position, atMost);
        return count == null ? 0 : count;
    }

    /** The position of an aggregate's latest event, or null if it has none. */
    public Long latestPositionOf(String aggregateIdentifier) {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateIdentifier);
    }

    /** The events' own positions, by event identifier; an event not in the store is missing from the answer. */
    public Map<String, Long> positionsOf(Collection<String> eventIdentifiers) {
        Map<String, Long> positions = new HashMap<>();
        if (!eventIdentifiers.isEmpty()) {
            named.query("select event_identifier, global_index from domain_event_entry where event_identifier in (:ids)",
                    Map.of("ids", eventIdentifiers), row -> {
                        positions.put(row.getString(1), row.getLong(2));
                    });
        }
        return positions;
    }

    /** The event's row exactly as stored. */
    public Optional<StoredEvent> storedEvent(String eventIdentifier) {
        return jdbc.query("select " + EVENT_COLUMNS + " from domain_event_entry e where e.event_identifier = ?", EVENT,
                eventIdentifier).stream().findFirst();
    }

    /** A link of the hash chain with the event store's row at its position now (null if that is gone). */
    public record ChainedEvent(long link, long position, String chainedIdentifier, String hash, StoredEvent event) {
    }

    /** The hash chain's links after {@code afterLink} up to {@code upToLink}, at most {@code atMost}, in chain order. */
    public List<ChainedEvent> chainedEvents(long afterLink, long upToLink, int atMost) {
        return jdbc.query("select c.link, c.global_index, c.event_identifier, c.hash, " + EVENT_COLUMNS + " from event_chain c"
                        + " left join domain_event_entry e on e.global_index = c.global_index"
                        + " where c.link > ? and c.link <= ? order by c.link limit " + atMost,
                (rs, i) -> new ChainedEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(6) == null ? null : storedEvent(rs, 5)),
                afterLink, upToLink);
    }

    /** The first stored event below the position that the hash chain does not hold. */
    public Optional<StoredEvent> firstUnchainedBelow(long position) {
        return jdbc.query("select " + EVENT_COLUMNS + " from domain_event_entry e where e.global_index < ?"
                + " and not exists (select 1 from event_chain c where c.global_index = e.global_index)"
                + " order by e.global_index limit 1", EVENT, position).stream().findFirst();
    }

    private static StoredEvent storedEvent(ResultSet rs, int first) throws SQLException {
        return new StoredEvent(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2), rs.getLong(first + 3),
                rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6), rs.getString(first + 7),
                rs.getBytes(first + 8), rs.getBytes(first + 9));
    }

    // ---- the processors' tokens --------------------------------------------------------------

    /** The token entries of these processors, by processor and segment. */
    public List<TokenEntry> tokens(Collection<String> processorNames) {
        return entityManager.createQuery("select t from TokenEntry t where t.processorName in :names order by"
                        + " t.processorName, t.segment", TokenEntry.class)
                .setParameter("names", processorNames)
                .getResultList();
    }

    /**
     * Takes the claim of every segment of these processors for {@code owner} (no instance's processor can
     * store its token until the claim is given back or expires), in the caller's transaction; waits for a
     * batch that holds one of them to commit.
     */
    public void takeClaims(Collection<String> processorNames, String owner, Instant at) {
        named.update("update token_entry set owner = :owner, timestamp = :at where processor_name in (:names)",
                Map.of("owner", owner, "at", at.toString(), "names", processorNames));
    }

    /** Gives back every claim {@code owner} holds. */
    public void releaseClaims(String owner) {
        jdbc.update("update token_entry set owner = null where owner = ?", owner);
    }

    /**
     * Gives each segment of processor {@code to} the token of the same segment of processor {@code from}, in
     * the caller's transaction (PostgreSQL).
     *
     * @throws IllegalStateException if the two are not split into the same segments
     */
    public void copyTokens(String from, String to) {
        List<Integer> fromSegments = jdbc.queryForList("select segment from token_entry where processor_name = ? order by segment",
                Integer.class, from);
        List<Integer> toSegments = jdbc.queryForList("select segment from token_entry where processor_name = ? order by segment",
                Integer.class, to);
        if (!fromSegments.equals(toSegments)) {
            throw new IllegalStateException("Processor " + to + " has segments " + toSegments + ", " + from + " has " + fromSegments);
        }
        jdbc.update("update token_entry t set token = r.token, token_type = r.token_type from token_entry r"
                + " where t.processor_name = ? and r.processor_name = ? and r.segment = t.segment", to, from);
    }

    /** The processors with tokens whose names start so. */
    public List<String> processorsStartingWith(String prefix) {
        return jdbc.queryForList("select distinct processor_name from token_entry where processor_name like ? order by 1",
                String.class, prefix.replace("_", "\\_").replace("%", "\\%") + "%");
    }

    /** Forgets these processors' tokens: each starts from the beginning of the store when it next starts. */
    public void deleteTokens(Collection<String> processorNames) {
        if (processorNames.isEmpty()) return;
        named.update("delete from token_entry where processor_name in (:names)", Map.of("names", processorNames));
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
