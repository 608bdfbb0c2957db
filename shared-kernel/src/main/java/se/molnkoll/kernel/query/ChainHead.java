package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The latest link of the hash chain over the event store: record {@code position} and {@code hash}
 * outside Molnkoll (a signed e-mail, a ticket, the archive) to prove later that nothing before it
 * changed. Null position and hash while nothing is chained.
 *
 * @param links         how many events the chain covers
 * @param position      the global position in the event store of the last chained event
 * @param storedEvents  how many events the store holds; more than {@code links} while the newest
 *                      are still being chained (it trails by moments)
 */
public record ChainHead(long links, @Nullable Long position, @Nullable String eventIdentifier, @Nullable String hash, @Nullable Instant chainedAt,
                        long storedEvents) {
}
