package se.molnkoll.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.molnkoll.kernel.event.EventMetaData;

/**
 * Axon's wiring that the starter does not decide for us: who caused each event, how a request is
 * correlated, and what a failing projection does.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Copies the command's actor and correlation id onto every event it causes. */
    @Bean
    CorrelationDataProvider actorAndCorrelationIdProvider() {
        return new SimpleCorrelationDataProvider(EventMetaData.ACTOR, EventMetaData.CORRELATION_ID);
    }

    /**
     * A projection that fails on an event must not skip it (Axon's default logs and moves on, which
     * would leave a read model silently wrong). Propagating the error makes the processor roll the
     * batch back and retry it with back-off, so nothing is lost.
     */
    @Bean
    ConfigurerModule propagateProjectionErrors() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
