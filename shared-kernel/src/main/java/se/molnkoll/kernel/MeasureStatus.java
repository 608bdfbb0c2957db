package se.molnkoll.kernel;

/** Where one applicable measure of one phase stands on a given day. */
public enum MeasureStatus {
    /** Evidence that is not withdrawn and is valid on the day covers it. */
    COVERED,
    /** Whoever owns the risk has accepted the remaining risk, and the acceptance has not ended. */
    RISK_ACCEPTED,
    /** It had evidence, but all of it is past its valid-until date. Counts as open. */
    EXPIRED,
    /** Nothing covers it. */
    OPEN,
    /**
     * Covered or risk-accepted, but its recurring review (in operation) is past due: counts as open until
     * the review is recorded.
     */
    REVIEW_DUE;

    /** Whether the measure still needs work. */
    public boolean isOpen() {
        return this == OPEN || this == EXPIRED || this == REVIEW_DUE;
    }
}
