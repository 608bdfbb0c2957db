package se.molnkoll.query.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts a batch's new read-model rows. As a rule through Hibernate (persisted and flushed in JDBC batches);
 * on a connection that loads in bulk ({@link BulkLoading}: a blue/green rebuild's, on PostgreSQL) with one
 * {@code COPY} per table ({@link CopyRows}), which PostgreSQL takes an order of magnitude faster than indexed
 * single-row inserts. Either way the rows are in the database afterwards and not managed: a later change to
 * one is written by the projection ({@link RowWrites}), not by Hibernate.
 */
public final class NewRows {

    /** Rows loaded with COPY, for the operator (and the tests) to see that a rebuild loads in bulk. */
    private static final Counter COPIED = Counter.builder("molnkoll.read-models.rows.copied")
            .description("Read-model rows a blue/green rebuild loaded with COPY").register(Metrics.globalRegistry);

    private NewRows() {
    }

    public static void insert(EntityManager entityManager, Collection<?> rows) {
        if (rows.isEmpty()) return;
        Session session = entityManager.unwrap(Session.class);
        if (bulk(session)) {
            Map<Class<?>, List<Object>> byType = new LinkedHashMap<>();
            rows.forEach(row -> byType.computeIfAbsent(row.getClass(), type -> new java.util.ArrayList<>()).add(row));
            byType.forEach((type, ofType) -> CopyRows.copy(session, type, ofType));
            COPIED.increment(rows.size());
        } else {
            rows.forEach(entityManager::persist);
            entityManager.flush();
            rows.forEach(entityManager::detach);
        }
    }

    /** Whether the session's connection loads in bulk. */
    static boolean bulk(Session session) {
        return session.doReturningWork(connection -> connection instanceof BulkLoading);
    }
}
