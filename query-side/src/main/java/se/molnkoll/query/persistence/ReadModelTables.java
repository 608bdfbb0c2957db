package se.molnkoll.query.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import org.hibernate.Session;

import java.util.List;
import java.util.stream.Stream;

/**
 * Empties a read model's tables when it is reset for a rebuild, in the reset's transaction.
 *
 * <p>On PostgreSQL with {@code TRUNCATE}: a {@code DELETE} leaves every old row in the table and in each
 * of its indexes as a dead version until a vacuum, so the rebuild writes its rows into tables and
 * indexes twice their size (at full benchmark size five million dead versions; the rebuild slowed with
 * each one that followed). {@code TRUNCATE} is transactional on PostgreSQL: a reset that rolls back
 * keeps the rows. H2 commits the open transaction on {@code TRUNCATE}, which would split emptying the
 * tables from resetting the tokens; there each table is emptied with {@code DELETE}.
 */
public final class ReadModelTables {

    private ReadModelTables() {
    }

    /** The table rows of this type are stored in. */
    static String of(Class<?> rowType) {
        return rowType.getAnnotation(Table.class).name();
    }

    /** Empties the tables of these row types. */
    public static void empty(EntityManager entityManager, Class<?>... rowTypes) {
        List<String> tables = Stream.of(rowTypes).map(ReadModelTables::of).toList();
        String database = entityManager.unwrap(Session.class)
                .doReturningWork(connection -> connection.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(database)) {
            entityManager.createNativeQuery("truncate table " + String.join(", ", tables)).executeUpdate();
        } else {
            tables.forEach(table -> entityManager.createNativeQuery("delete from " + table).executeUpdate());
        }
    }
}
