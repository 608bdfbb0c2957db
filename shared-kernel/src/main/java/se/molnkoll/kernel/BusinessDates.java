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
}
