package se.molnkoll.kernel.query;

import se.molnkoll.kernel.BusinessDates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When a question is asked about: two timelines, kept apart.
 * <ul>
 *     <li>{@code knownAt}: recorded time. Answer with what Molnkoll had recorded at that instant
 *         (null: everything recorded up to now).</li>
 *     <li>{@code validAt}: business time. Judge statuses for that calendar date in Sweden (null: the
 *         date of {@code knownAt}, or today).</li>
 * </ul>
 * "What did we know on 15 March?" is {@code knownAt} = the end of 15 March; "what was true on 15 March,
 * given everything we know now (evidence recorded late but received earlier included)?" is
 * {@code validAt} = 15 March.
 */
public record Moment(Instant knownAt, LocalDate validAt) {

    public static final Moment NOW = new Moment(null, null);

    public static Moment knownAt(Instant instant) {
        return new Moment(instant, null);
    }

    public static Moment validAt(LocalDate day) {
        return new Moment(null, day);
    }

    /** The instant of recorded time to read at; {@code latest} stands for "now". */
    public Instant knownAtOr(Instant latest) {
        return knownAt != null ? knownAt : latest;
    }

    /** The business date statuses are judged for. */
    public LocalDate day(Clock clock) {
        if (validAt != null) return validAt;
        if (knownAt != null) return BusinessDates.dateOf(knownAt);
        return BusinessDates.today(clock);
    }

    public boolean isNow() {
        return knownAt == null && validAt == null;
    }
}
