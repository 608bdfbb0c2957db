/**
 * How Axon's JPA entities are stored: {@code bytea} rather than large objects on PostgreSQL, and a
 * global event index with its own sequence.
 */
package se.molnkoll.query.persistence;
