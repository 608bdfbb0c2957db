package se.molnkoll.kernel.testing;

import se.molnkoll.kernel.BusinessDates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves. Shared with the other modules through the shared kernel's test jar. */
public final class MutableClock extends Clock {

    private volatile Instant instant;

    public MutableClock(Instant instant) {
        this.instant = instant;
    }

    /** Noon in Stockholm on the given day. */
    public void set(LocalDate day) {
        instant = day.atTime(LocalTime.NOON).atZone(BusinessDates.ZONE).toInstant();
    }

    /** Noon in Stockholm on the given day. */
    public static MutableClock at(LocalDate day) {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        clock.set(day);
        return clock;
    }

    public void set(Instant instant) {
        this.instant = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant, zone);
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
