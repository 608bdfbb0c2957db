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

    /** Every read model's tables: those of the query side's entities (the hash chain is not a read model and has none). */
    public static List<String> all(jakarta.persistence.metamodel.Metamodel metamodel) {
        return metamodel.getEntities().stream().map(jakarta.persistence.metamodel.Type::getJavaType)
                .filter(type -> type.getPackageName().startsWith("se.molnkoll.query.") && type.isAnnotationPresent(Table.class))
                .map(ReadModelTables::of).sorted().toList();
    }

    /** The table rows of this type are stored in. */
    static String of(Class<?> rowType) {
        return rowType.getAnnotation(Table.class).name();
    }

    /**
     * The generation of the read models that serve, which a blue/green rebuild's switch counts up; read in
     * the caller's transaction. On PostgreSQL the row is held shared until the transaction ends, so a
     * switch waits for a batch that has begun, and a batch begun during a switch sees the new generation.
     */
    public static long generation(EntityManager entityManager) {
        String sql = "select generation from read_model_generation where id = 1";
        Object generation = entityManager.createNativeQuery(isPostgres(entityManager) ? sql + " for share" : sql).getSingleResult();
        return ((Number) generation).longValue();
    }

    private static boolean isPostgres(EntityManager entityManager) {
        return "PostgreSQL".equals(entityManager.unwrap(Session.class)
                .doReturningWork(connection -> connection.getMetaData().getDatabaseProductName()));
    }

    /** Empties the tables of these row types. */
    public static void empty(EntityManager entityManager, Class<?>... rowTypes) {
        List<String> tables = Stream.of(rowTypes).map(ReadModelTables::of).toList();
        if (isPostgres(entityManager)) {
            entityManager.createNativeQuery("truncate table " + String.join(", ", tables)).executeUpdate();
        } else {
            tables.forEach(table -> entityManager.createNativeQuery("delete from " + table).executeUpdate());
        }
    }
}
