package se.molnkoll.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import se.molnkoll.MolnkollApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Molnkoll's own application in a process of its own, with one difference: its clock runs this many
 * seconds ahead of the system's, as the file named by {@code molnkoll.test.clock-file} says (read
 * again every 100 ms; no file, no offset). The tests start it from the application jar, with this
 * class beside it ({@link ProcessMolnkoll#startWithMovableClock}), and move the clock of every process
 * at once by writing the file: a date passes for all of them, as it does in production.
 */
public final class MovableClockProcess {

    private MovableClockProcess() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(MolnkollApplication.class, MovedClock.class).run(args);
    }

    /** A source of the application, not a scanned component: no test context picks it up. */
    public static class MovedClock {
        @Bean
        @Primary
        Clock movedClock(@Value("${molnkoll.test.clock-file}") String file) {
            return new OffsetFromFile(Path.of(file), Clock.system(ZoneId.of("Europe/Stockholm")));
        }
    }

    /** Moves the clock of every process started on this file to {@code ahead} of now. */
    public static void move(Path file, Duration ahead) {
        try {
            Files.writeString(file, Long.toString(ahead.toSeconds()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class OffsetFromFile extends Clock {
        private final Path file;
        private final Clock system;
        /** When the file was last read (System.nanoTime; compared by difference, as nanoTime must be). */
        private volatile long readAt;
        private volatile long offsetSeconds;

        OffsetFromFile(Path file, Clock system) {
            this.file = file;
            this.system = system;
            this.readAt = System.nanoTime() - Duration.ofSeconds(1).toNanos(); // read at the first call
        }

        @Override
        public Instant instant() {
            long now = System.nanoTime();
            if (now - readAt > Duration.ofMillis(100).toNanos()) {
                try {
                    offsetSeconds = Files.isRegularFile(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
                } catch (IOException | NumberFormatException e) {
                    // being written: keep the last offset
                }
                readAt = now;
            }
            return system.instant().plusSeconds(offsetSeconds);
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new OffsetFromFile(file, system.withZone(zone));
        }
    }
}
