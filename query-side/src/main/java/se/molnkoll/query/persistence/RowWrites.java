package se.molnkoll.query.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The versions a projection added and closed, written in one go: the new ones inserted ({@link NewRows}:
 * in JDBC batches, or with {@code COPY} in a rebuild), the stored ones that were closed updated by row id
 * (in one JDBC batch per table, or in a rebuild with one statement per table). A projection that keeps its rows in memory between transactions uses it instead of managed
 * entities: a closed row it loaded in an earlier transaction is no longer managed, and nothing would
 * notice the change.
 */
public final class RowWrites {

    private final List<VersionedRow> added = new ArrayList<>();
    private final Set<VersionedRow> closed = Collections.newSetFromMap(new IdentityHashMap<>());

    /** A new version, inserted with whatever it holds when the writes are written (closed or not). */
    public <T extends VersionedRow> T added(T row) {
        added.add(row);
        return row;
    }

    /** {@code next}, the version that follows {@code previous} (which its constructor closed). */
    public <T extends VersionedRow> T next(VersionedRow previous, T next) {
        closed(previous);
        return added(next);
    }

    /** Closes the version at {@code at}: the row is gone from then on. */
    public void close(VersionedRow row, Instant at) {
        row.close(at);
        closed(row);
    }

    /** A stored version whose end was just set is updated; a new one goes in closed already. */
    private void closed(VersionedRow row) {
        if (row.isStored()) {
            closed.add(row);
        }
    }

    /** Closed at the moment it began. */
    private static boolean isEmpty(VersionedRow row) {
        return row.recordedFrom().equals(row.recordedTo());
    }

    /**
     * Writes everything in the current transaction and starts over empty. A version that ended at the
     * moment it began was never what anyone could read at any moment (see {@link VersionedRow#AT}): a new
     * one is not inserted, a stored one is deleted instead of closed. (Several events at one moment, as a
     * command's or a clock's resolution makes them, would otherwise leave such versions.)
     */
    public void write(EntityManager entityManager) {
        NewRows.insert(entityManager, added.stream().filter(row -> !RowWrites.isEmpty(row)).toList());
        if (!closed.isEmpty()) {
            Map<String, List<VersionedRow>> byTable = new LinkedHashMap<>();
            closed.forEach(row -> byTable.computeIfAbsent(ReadModelTables.of(row.getClass()), table -> new ArrayList<>())
                    .add(row));
            Session session = entityManager.unwrap(Session.class);
            if (NewRows.bulk(session)) {
                session.doWork(connection -> ClosedInBulk.write(connection, byTable));
            } else {
                session.doWork(connection -> closeOneByOne(connection, byTable));
            }
        }
        added.clear();
        closed.clear();
    }

    private static void closeOneByOne(Connection connection, Map<String, List<VersionedRow>> byTable) throws SQLException {
        for (Map.Entry<String, List<VersionedRow>> table : byTable.entrySet()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + table.getKey() + " set recorded_to = ? where row_id = ?");
                 PreparedStatement delete = connection.prepareStatement(
                         "delete from " + table.getKey() + " where row_id = ?")) {
                for (VersionedRow row : table.getValue()) {
                    if (isEmpty(row)) {
                        delete.setLong(1, row.rowId());
                        delete.addBatch();
                    } else {
                        update.setObject(1, OffsetDateTime.ofInstant(row.recordedTo(), ZoneOffset.UTC));
                        update.setLong(2, row.rowId());
                        update.addBatch();
                    }
                }
                update.executeBatch();
                delete.executeBatch();
            }
        }
    }

    /**
     * The closed versions of a bulk load (PostgreSQL): copied into a temporary table, then each table's
     * updated and deleted with one statement each, instead of a statement per row.
     */
    private static final class ClosedInBulk {

        static void write(Connection connection, Map<String, List<VersionedRow>> byTable) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table if not exists closed_version (row_id bigint not null,"
                        + " recorded_to timestamp with time zone, gone boolean not null) on commit delete rows");
                // A few hundred closed versions are found by their key, one index lookup each. Left to itself the planner
                // (no statistics yet on the rebuild's tables, an index lookup costed as a read from disk) hashed the whole
                // table instead, a scan per batch and table that grew with the table: 20-45 ms each, about a third of a
                // rebuild's time in the database at 450,000 events (auto_explain, pg_stat_statements).
                statement.execute("set local enable_hashjoin = off");
                statement.execute("set local enable_mergejoin = off");
                for (Map.Entry<String, List<VersionedRow>> table : byTable.entrySet()) {
                    StringBuilder csv = new StringBuilder(table.getValue().size() * 48);
                    for (VersionedRow row : table.getValue()) {
                        csv.append(row.rowId()).append(',').append(row.recordedTo()).append(',').append(isEmpty(row)).append('\n');
                    }
                    CopyRows.copyIn(connection, "copy closed_version from stdin with (format csv)", csv);
                    statement.execute("update " + table.getKey() + " t set recorded_to = c.recorded_to from closed_version c"
                            + " where t.row_id = c.row_id and not c.gone");
                    statement.execute("delete from " + table.getKey() + " t using closed_version c where t.row_id = c.row_id and c.gone");
                    statement.execute("truncate closed_version");
                }
                statement.execute("set local enable_hashjoin to default");
                statement.execute("set local enable_mergejoin to default");
            }
        }
    }
}
