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

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processors of a blue/green rebuild, {@code rebuild-<read models>}: the same projections (new instances of
 * their classes, so nothing they hold in memory is shared with the live ones), from the start of the event
 * store, on threads that write into {@link RebuildSchema}; on an instance that keeps the read models (the query
 * role), paced so that readers keep cores of their own ({@link RebuildPace}). They do not start with Molnkoll:
 * {@link BlueGreenRebuild} starts them on the one instance that runs a rebuild.
 *
 * <p>Read models whose processors have the same segments, threads and batch size share one rebuild processor
 * ({@code rebuild-register-measures-audit} by default; {@code rebuild-vendors}, of one segment, has its own): each
 * of its threads reads the store once for all of them, and Axon hands each event, deserialised once, to each
 * projection in turn, in one transaction per batch. One processor per read model read and deserialised every
 * event once per read model and segment (7 streams over the store for 4 read models). The switch still gives
 * each read model's processor the positions of its segments: alike segments, alike positions.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(RebuildProperties.class)
public class RebuildProcessors {

    static final String PREFIX = "rebuild-";

    /** How a read model's processor runs; read models alike share a rebuild processor. */
    record Settings(int segments, int threads, int batchSize) {
    }

    /** Each read model's rebuild processor, in the order of {@link ReadModels#PROCESSING_GROUPS}. */
    private final Map<String, String> processorOf;
    private final Map<String, Settings> settingsOf;

    /** The rebuild's copies of the projections. */
    private final Set<Object> shadows = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    RebuildProcessors(Environment environment) {
        this.settingsOf = new LinkedHashMap<>();
        for (String readModel : ReadModels.PROCESSING_GROUPS) {
            String prefix = "axon.eventhandling.processors." + readModel + ".";
            settingsOf.put(readModel, new Settings(environment.getProperty(prefix + "initial-segment-count", Integer.class, 1),
                    environment.getProperty(prefix + "thread-count", Integer.class, 1),
                    environment.getProperty(prefix + "batch-size", Integer.class, 1)));
        }
        this.processorOf = grouped(settingsOf);
    }

    /**
     * The rebuild processor of each read model: those with the same settings share one, named after them in
     * order ({@code rebuild-register-measures-audit}).
     */
    static Map<String, String> grouped(Map<String, Settings> settingsOf) {
        Map<Settings, List<String>> alike = new LinkedHashMap<>();
        settingsOf.forEach((readModel, settings) -> alike.computeIfAbsent(settings, s -> new ArrayList<>()).add(readModel));
        Map<String, String> processorOf = new LinkedHashMap<>();
        settingsOf.forEach((readModel, settings) -> processorOf.put(readModel, PREFIX + String.join("-", alike.get(settings))));
        return processorOf;
    }

    /** The rebuild processor of a read model. */
    public String of(String readModel) {
        String processor = processorOf.get(readModel);
        if (processor == null) throw new IllegalArgumentException("No read model " + readModel);
        return processor;
    }

    /** Every rebuild processor, each once, in the order of {@link ReadModels#PROCESSING_GROUPS}. */
    public List<String> all() {
        return processorOf.values().stream().distinct().toList();
    }

    /** The rebuild's copies of the projections that hold rows in memory. */
    List<RowsInMemory> holdingRows() {
        synchronized (shadows) {
            return shadows.stream().filter(RowsInMemory.class::isInstance).map(RowsInMemory.class::cast).toList();
        }
    }

    @Bean
    ConfigurerModule rebuildProcessorsBesideTheReadModels(ConfigurableListableBeanFactory beans, RebuildPace.Turns turns) {
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
            Set<String> registered = new java.util.HashSet<>();
            for (String readModel : ReadModels.PROCESSING_GROUPS.stream().filter(kept::contains).toList()) {
                String processor = of(readModel);
                if (!registered.add(processor)) continue;
                Settings settings = settingsOf.get(readModel);
                processing.registerTrackingEventProcessor(processor, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(settings.threads())
                                .andInitialSegmentsCount(settings.segments())
                                .andBatchSize(settings.batchSize())
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                                .andThreadFactory(RebuildSchema::threads)
                                .andTokenClaimInterval(1, java.util.concurrent.TimeUnit.SECONDS)
                                .andAutoStart(false));
                processing.registerTransactionManager(processor, c -> new RebuildPace(c.getComponent(TransactionManager.class), turns));
            }
        });
    }
}
