package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The outcome of recomputing the hash chain.
 *
 * @param intact        true when every chained event still has exactly the content it was chained
 *                      with, no event sits unchained among them, and the head recorded outside (if
 *                      given) matches
 * @param checkedEvents how many chained events were recomputed before the answer
 * @param firstFinding  the first event that breaks the chain; null when intact
 */
public record ChainVerification(boolean intact, long checkedEvents, ChainHead head, @Nullable Finding firstFinding,
                                Instant verifiedAt) {

    public enum FindingKind {
        /** The stored event no longer has the content it was chained with. */
        ALTERED,
        /** A chained event is no longer in the event store. */
        MISSING,
        /** A link of the chain itself is gone: the links do not count up without a gap. */
        LINK_MISSING,
        /** An event sits in the store among chained ones without being chained (slipped in?). */
        UNCHAINED,
        /** The recomputed chain does not have the hash recorded outside Molnkoll at that position. */
        HEAD_MISMATCH,
        /** No chained event has the position recorded outside Molnkoll. */
        UNKNOWN_POSITION
    }

    /** The event that breaks the chain, as it is stored now (null fields where it is gone). */
    public record Finding(FindingKind kind, long position, @Nullable Long link, @Nullable String eventIdentifier,
                          @Nullable String aggregateIdentifier, @Nullable Long sequenceNumber, @Nullable String eventType, @Nullable String recordedAt,
                          @Nullable String detail) {
    }
}
