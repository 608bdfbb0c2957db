/**
 * What makes the read models run: their processors and the event store's fetch for them, the token
 * store, read-your-writes, the rebuild, and their health. Offered to the rest of Molnkoll through
 * {@link se.molnkoll.query.api.ReadModels} only.
 */
package se.molnkoll.query.runtime;
