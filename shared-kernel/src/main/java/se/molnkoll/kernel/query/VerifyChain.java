package se.molnkoll.kernel.query;

/**
 * Recompute the hash chain from the event store and compare it with the stored links; optionally
 * also with a head recorded outside Molnkoll ({@code position} and {@code hash} both given), which
 * catches even a rewrite of the links themselves. Answer: {@link ChainVerification}.
 */
public record VerifyChain(Long position, String hash) {
    public static final VerifyChain STORED_LINKS_ONLY = new VerifyChain(null, null);
}
