package se.molnkoll.kernel.compliance;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A period of business dates, both ends inclusive; a {@code null} end is open. A period that ends
 * before it starts is empty: it includes no day. New input never makes one (the validity rules refuse
 * it), but events recorded under older rules can, and reading them must not fail.
 */
public record Validity(LocalDate from, LocalDate until) {

    /**
     * One instance of each date the validities hold: every cached service keeps the validity of each piece of its
     * evidence (some 450,000 dates at the benchmark's full size, of a few hundred distinct days), and the events they
     * come from hold a copy each. Bounded, in case some input brought dates without end.
     */
    private static final Map<LocalDate, LocalDate> DATES = new ConcurrentHashMap<>();
    private static final int MOST_DATES = 100_000;

    public static final Validity ALWAYS = new Validity(null, null);

    public Validity {
        from = shared(from);
        until = shared(until);
    }

    /** The date, as the one instance of it all validities hold where there is one. */
    public static LocalDate shared(LocalDate day) {
        if (day == null) return null;
        LocalDate held = DATES.get(day);
        if (held != null) return held;
        if (DATES.size() >= MOST_DATES) return day;
        held = DATES.putIfAbsent(day, day);
        return held == null ? day : held;
    }

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
