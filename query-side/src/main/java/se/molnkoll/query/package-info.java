/**
 * The read side: one projection per read model, each in its own processing group, and the query
 * handlers that answer from them. The query side also owns the database schema (Flyway).
 */
package se.molnkoll.query;
