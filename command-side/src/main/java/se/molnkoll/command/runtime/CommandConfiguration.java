package se.molnkoll.command.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.molnkoll.command.CloudService;
import se.molnkoll.kernel.command.RiskAcceptancePolicy;
import se.molnkoll.kernel.event.EventMetaData;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What makes the cloud services take commands, beyond what Axon's starter decides: how loaded services
 * are cached, how a command that lost a race is sent again, and who caused each event.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CommandProperties.class, RiskAcceptanceProperties.class})
public class CommandConfiguration {

    /** How long a residual-risk acceptance may be made for; the services take it in their command handlers. */
    @Bean
    RiskAcceptancePolicy riskAcceptancePolicy(RiskAcceptanceProperties properties) {
        return new RiskAcceptancePolicy(properties.longest());
    }

    /**
     * The cloud services' aggregate cache, the one their {@code @Aggregate} names: services are kept, those
     * most likely to be used again, while their histories have at most {@code molnkoll.commands.cached-events}
     * events in all (Caffeine, through Axon's JCache adapter), so a command on a service does not replay its
     * history each time. A {@code WeakReferenceCache} lost them at every garbage collection; a bound by count let
     * a few big services, or many, fill the heap. Each is checked against the event store before use, as another
     * instance may have changed it since ({@link StoreCheckedCache}).
     */
    @Bean(CloudService.CACHE)
    Cache cloudServiceCache(AxonTables axon, CommandProperties properties, MeterRegistry meters) {
        return new StoreCheckedCache(new JCacheAdapter(BoundedCaches.create(CloudService.CACHE, properties.cachedEvents(),
                StoreCheckedCache::eventsOf, meters)), axon);
    }

    /**
     * The gateway every command goes through: a command that collided with a concurrent change of
     * the same service is sent again, at most {@code molnkoll.commands.max-retries} times
     * ({@link RetryOnConcurrentChange}); after that the caller is told (409).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, MeterRegistry meters, CommandProperties properties) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new RetryOnConcurrentChange(retries, properties.maxRetries(), 10, meters))
                .build();
    }

    /** Copies the command's actor, correlation id and, for an import, the file and row onto every event it causes. */
    @Bean
    CorrelationDataProvider actorAndCorrelationIdProvider() {
        return new SimpleCorrelationDataProvider(EventMetaData.ACTOR, EventMetaData.CORRELATION_ID,
                EventMetaData.IMPORT_SHA256, EventMetaData.IMPORT_ROW);
    }
}
