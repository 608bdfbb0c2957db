package se.molnkoll.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import se.molnkoll.kernel.testing.MutableClock;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The clock every application test context uses. One instance for all of them, because Axon stamps
 * events from a static clock that the last started context sets.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    public static final MutableClock CLOCK = MutableClock.at(TODAY);

    @Bean
    @Primary
    Clock movableClock() {
        return CLOCK;
    }
}
