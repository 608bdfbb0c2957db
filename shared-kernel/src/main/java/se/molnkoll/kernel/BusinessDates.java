package se.molnkoll.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates (received on, valid until, terminated on) are calendar dates in Sweden.
 * "Today" is always derived from an injected clock, so tests can move time.
 */
public final class BusinessDates {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private BusinessDates() {
    }

    public static LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The first moment of the day in Sweden. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The last moment of the day in Sweden that a recorded time can have (they are kept to the microsecond). */
    public static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1)).minusNanos(1_000);
    }

    /** What was known by the end of the day: its last moment, or now for today. */
    public static Instant knownBy(LocalDate day, Clock clock) {
        Instant end = endOf(day);
        Instant now = clock.instant();
        return end.isAfter(now) ? now : end;
    }
}
