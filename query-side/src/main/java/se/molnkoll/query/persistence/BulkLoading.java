package se.molnkoll.query.persistence;

/**
 * A connection whose new rows are loaded in bulk ({@link NewRows}): one into tables that no one reads yet
 * (a blue/green rebuild's, on PostgreSQL), where a batch's rows go in with {@code COPY} instead of one
 * indexed {@code INSERT} each.
 */
public interface BulkLoading {
}
