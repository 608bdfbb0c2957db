package se.molnkoll.kernel.query;

/** The latest link of the event store's hash chain. Answer: {@link ChainHead}. */
public record FindChainHead() {
}
