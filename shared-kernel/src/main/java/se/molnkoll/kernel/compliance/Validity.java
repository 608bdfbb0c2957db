package se.molnkoll.kernel.compliance;

import java.time.LocalDate;

/**
 * A period of business dates, both ends inclusive; a {@code null} end is open. A period that ends
 * before it starts is empty: it includes no day. New input never makes one (the validity rules refuse
 * it), but events recorded under older rules can, and reading them must not fail.
 */
public record Validity(LocalDate from, LocalDate until) {

    public static final Validity ALWAYS = new Validity(null, null);

    /**
     * The days evidence counts: from its valid-from date, or, when it has none, from the day it was
     * received (before that nobody had it); through its valid-until date.
     */
    public static Validity ofEvidence(LocalDate validFrom, LocalDate receivedOn, LocalDate validUntil) {
        return new Validity(validFrom != null ? validFrom : receivedOn, validUntil);
    }

    public static Validity until(LocalDate until) {
        return new Validity(null, until);
    }

    /** The same period, ending at the latest the day before {@code day} (empty if it starts on or after it). */
    public Validity endingBefore(LocalDate day) {
        LocalDate last = day.minusDays(1);
        return until != null && !until.isAfter(last) ? this : new Validity(from, last);
    }

    public boolean isEmpty() {
        return from != null && until != null && until.isBefore(from);
    }

    public boolean includes(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
    }

    /** Whether the period ended before the day (it has an end and the day is after it). */
    public boolean endedBefore(LocalDate day) {
        return until != null && day.isAfter(until);
    }
}
