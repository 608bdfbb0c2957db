package se.molnkoll.query.runtime;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.persistence.RowsInMemory;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A second processor for each read model, {@code rebuild-<read model>}, for a blue/green rebuild: the same
 * projections (new instances of their classes, so nothing they hold in memory is shared with the live
 * ones), the same segments, threads and batch size as the read model's own processor, from the start of
 * the event store, on threads that write into {@link RebuildSchema}; on an instance that keeps the read models
 * (the query role), paced so that readers keep cores of their own ({@link RebuildPace}). They do not start with Molnkoll:
 * {@link BlueGreenRebuild} starts them on the one instance that runs a rebuild.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(RebuildProperties.class)
public class RebuildProcessors {

    static final String PREFIX = "rebuild-";

    /** The rebuild processor of a read model. */
    public static String of(String readModel) {
        return PREFIX + readModel;
    }

    /** Every rebuild processor, in the order of {@link ReadModels#PROCESSING_GROUPS}. */
    public static List<String> all() {
        return ReadModels.PROCESSING_GROUPS.stream().map(RebuildProcessors::of).toList();
    }

    /** The rebuild's copies of the projections. */
    private final Set<Object> shadows = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** The rebuild's copies of the projections that hold rows in memory. */
    List<RowsInMemory> holdingRows() {
        synchronized (shadows) {
            return shadows.stream().filter(RowsInMemory.class::isInstance).map(RowsInMemory.class::cast).toList();
        }
    }

    @Bean
    ConfigurerModule rebuildProcessorsBesideTheReadModels(ConfigurableListableBeanFactory beans, Environment environment,
                                                          RebuildPace.Turns turns) {
        return configurer -> configurer.eventProcessing(processing -> {
            Set<String> kept = new java.util.HashSet<>();
            for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
                Class<?> type = beans.getType(name);
                ProcessingGroup group = type == null ? null : org.springframework.core.annotation.AnnotationUtils
                        .findAnnotation(type, ProcessingGroup.class);
                if (group == null || !ReadModels.PROCESSING_GROUPS.contains(group.value())) continue;
                Class<?> projection = org.springframework.util.ClassUtils.getUserClass(type);
                kept.add(group.value());
                processing.registerEventHandler(c -> {
                    Object shadow = beans.createBean(projection);
                    shadows.add(shadow);
                    return shadow;
                });
                processing.assignHandlerInstancesMatching(of(group.value()), 100,
                        handler -> shadows.contains(handler) && projection.isInstance(handler));
            }
            // an instance without the query role keeps no read model, and has no projection to rebuild
            for (String readModel : ReadModels.PROCESSING_GROUPS.stream().filter(kept::contains).toList()) {
                String prefix = "axon.eventhandling.processors." + readModel + ".";
                int segments = environment.getProperty(prefix + "initial-segment-count", Integer.class, 1);
                int threads = environment.getProperty(prefix + "thread-count", Integer.class, 1);
                int batchSize = environment.getProperty(prefix + "batch-size", Integer.class, 1);
                String processor = of(readModel);
                processing.registerTrackingEventProcessor(processor, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                                .andInitialSegmentsCount(segments)
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                                .andThreadFactory(RebuildSchema::threads)
                                .andTokenClaimInterval(1, java.util.concurrent.TimeUnit.SECONDS)
                                .andAutoStart(false));
                processing.registerTransactionManager(processor, c -> new RebuildPace(c.getComponent(TransactionManager.class), turns));
            }
        });
    }
}
