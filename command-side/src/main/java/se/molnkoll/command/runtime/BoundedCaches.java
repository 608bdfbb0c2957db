package se.molnkoll.command.runtime;

import com.github.benmanes.caffeine.cache.Weigher;
import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * Caches bounded by the weight of their entries, from Caffeine's JCache provider: entries are held by reference
 * (JCache would copy them by serialisation), and past the bound Caffeine evicts those least likely to be used again
 * (by how recently and how often they were).
 */
final class BoundedCaches {

    private static final AtomicInteger MANAGERS = new AtomicInteger();

    private BoundedCaches() {
    }

    /**
     * A new cache whose entries weigh at most {@code maximumWeight} in all, each as much as {@code weigher} says
     * (weighed when put), with its entries and their weight as the gauges {@code molnkoll.commands.cache.size} and
     * {@code molnkoll.commands.cache.weight} (tagged with the cache's name).
     */
    static javax.cache.Cache<Object, Object> create(String name, long maximumWeight, ToIntFunction<Object> weigher,
                                                   MeterRegistry meters) {
        CachingProvider provider = Caching.getCachingProvider(CaffeineCachingProvider.class.getName(),
                BoundedCaches.class.getClassLoader());
        // a manager of its own (its own URI): a second application context in the same JVM, as in tests,
        // gets a cache of its own instead of finding this one
        CacheManager manager = provider.getCacheManager(URI.create(name + "-" + MANAGERS.incrementAndGet()),
                BoundedCaches.class.getClassLoader(), new Properties());
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setStoreByValue(false);
        configuration.setMaximumWeight(OptionalLong.of(maximumWeight));
        Weigher<Object, Object> weighs = (key, value) -> weigher.applyAsInt(value);
        configuration.setWeigherFactory(Optional.of(() -> weighs));
        javax.cache.Cache<Object, Object> cache = manager.createCache(name, configuration);
        Gauge.builder("molnkoll.commands.cache.size", cache, BoundedCaches::size).tag("cache", name)
                .description("Entries in the aggregate cache").register(meters);
        Gauge.builder("molnkoll.commands.cache.weight", cache, BoundedCaches::weight).tag("cache", name)
                .description("The weight of the entries in the aggregate cache (their services' events)").register(meters);
        return cache;
    }

    private static double size(javax.cache.Cache<Object, Object> cache) {
        return cache.isClosed() ? 0 : caffeine(cache).estimatedSize();
    }

    private static double weight(javax.cache.Cache<Object, Object> cache) {
        return cache.isClosed() ? 0 : caffeine(cache).policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    @SuppressWarnings("unchecked")
    private static com.github.benmanes.caffeine.cache.Cache<Object, Object> caffeine(javax.cache.Cache<Object, Object> cache) {
        return cache.unwrap(com.github.benmanes.caffeine.cache.Cache.class);
    }
}
