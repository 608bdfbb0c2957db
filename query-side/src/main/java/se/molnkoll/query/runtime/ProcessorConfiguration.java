package se.molnkoll.query.runtime;

import jakarta.persistence.EntityManager;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.molnkoll.query.api.ReadModels;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * How the read models' processors run, beyond what Axon's starter decides: who claims their segments,
 * how their handlers write, and what a failing projection does.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProcessorConfiguration.class);

    /**
     * The token store that hands out the read models' segments. Its owner id must differ between
     * instances, or two of them holding the same segment each believe the claim is theirs and both
     * process the same events. Axon's default (pid@host) is the same for two instances in one JVM;
     * this one adds a random part, or takes molnkoll.node-id.
     */
    @Bean
    TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                          TokenStoreProperties properties, @Value("${molnkoll.node-id:}") String nodeId) {
        String owner = nodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + ":" + UUID.randomUUID().toString().substring(0, 8)
                : nodeId;
        log.info("This instance claims event processing segments as {}", owner);
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(owner)
                .build();
    }

    /**
     * A read model that writes per event (the register) writes one event's rows to the database (one
     * JDBC batch per table, see application.properties) and forgets them before the next event; the
     * measures and audit read models collect a whole batch's rows and write them just before it commits
     * (PerBatch), and have nothing left here to flush. A processor handles up to a batch of events in one
     * transaction; without this, every query a handler makes first dirty-checks every row the batch has
     * touched so far (Hibernate's auto-flush, prominent in a profile of the rebuild).
     */
    @Bean
    ConfigurerModule flushEachEventOfTheReadModels(EntityManagerProvider entityManagers, RebuildProcessors rebuildProcessors) {
        MessageHandlerInterceptor<EventMessage<?>> flushAndForget = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            EntityManager entityManager = entityManagers.getEntityManager();
            entityManager.flush();
            entityManager.clear();
            return result;
        };
        return configurer -> configurer.eventProcessing(processing -> java.util.stream.Stream.concat(
                ReadModels.PROCESSING_GROUPS.stream(), rebuildProcessors.all().stream()).forEach(name ->
                processing.registerHandlerInterceptor(name, c -> flushAndForget)));
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
