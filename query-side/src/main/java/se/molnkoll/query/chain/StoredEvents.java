package se.molnkoll.query.chain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;

/** Reads the event store's rows as stored. */
final class StoredEvents {

    /** Maps the {@link StoredEvent#COLUMNS} starting at column {@code first}. */
    static StoredEvent read(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        return new StoredEvent(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2), rs.getLong(first + 3),
                rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6), rs.getString(first + 7),
                rs.getBytes(first + 8), rs.getBytes(first + 9));
    }

    private static final RowMapper<StoredEvent> ROW = (rs, i) -> read(rs, 1);

    private StoredEvents() {
    }

    static Optional<StoredEvent> byIdentifier(JdbcTemplate jdbc, String eventIdentifier) {
        List<StoredEvent> found = jdbc.query("select " + StoredEvent.COLUMNS
                + " from domain_event_entry e where e.event_identifier = ?", ROW, eventIdentifier);
        return found.stream().findFirst();
    }
}
