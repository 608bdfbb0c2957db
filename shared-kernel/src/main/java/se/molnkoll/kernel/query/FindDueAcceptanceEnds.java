package se.molnkoll.kernel.query;

/** Approved acceptances past their last day whose end is not yet recorded, at most {@code limit}. */
public record FindDueAcceptanceEnds(int limit) {
}
