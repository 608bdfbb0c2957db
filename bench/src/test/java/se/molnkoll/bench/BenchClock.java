package se.molnkoll.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The application's clock during the benchmark: moved forward as the generated history unfolds. */
final class BenchClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    BenchClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // one timeline
    }

    @Override
    public Instant instant() {
        return now;
    }
}
