package se.molnkoll.config;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.molnkoll.kernel.BusinessDates;

import java.time.Clock;

/**
 * The one source of time. Domain and projection code take "today" from this clock; tests replace it
 * with one they move.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BusinessDates.ZONE);
    }

    /**
     * Axon stamps events with the time from a static clock; pointing it at ours keeps the recorded
     * time and "today" on the same timeline when tests move the clock.
     */
    @Bean
    SmartInitializingSingleton axonTimestampsFromOurClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
