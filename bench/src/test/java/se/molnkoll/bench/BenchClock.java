package se.molnkoll.bench;

import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock during the benchmark: moved forward as the generated history unfolds, then running as the
 * wall clock does while the benchmark measures (a rebuild's lease and its estimate of the time left need time to pass).
 */
final class BenchClock extends Clock {

    private volatile Instant now;
    private volatile @Nullable Clock running;
    private final ZoneId zone;

    BenchClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void set(Instant instant) {
        now = instant;
    }

    /** From now on, the time {@code wall} tells. */
    void runAs(Clock wall) {
        running = wall;
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
        Clock wall = running;
        return wall == null ? now : wall.instant();
    }
}
