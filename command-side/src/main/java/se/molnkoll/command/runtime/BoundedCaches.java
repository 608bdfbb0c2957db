package se.molnkoll.command.runtime;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import java.net.URI;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caches bounded in size, from Caffeine's JCache provider: entries are held by reference (JCache would
 * copy them by serialisation), and past the bound Caffeine evicts those least likely to be used again
 * (by how recently and how often they were).
 */
final class BoundedCaches {

    private static final AtomicInteger MANAGERS = new AtomicInteger();

    private BoundedCaches() {
    }

    /**
     * A new cache of at most {@code maximumSize} entries, with its size as the gauge
     * {@code molnkoll.commands.cache.size} (tagged with the cache's name).
     */
    static javax.cache.Cache<Object, Object> create(String name, int maximumSize, MeterRegistry meters) {
        CachingProvider provider = Caching.getCachingProvider(CaffeineCachingProvider.class.getName(),
                BoundedCaches.class.getClassLoader());
        // a manager of its own (its own URI): a second application context in the same JVM, as in tests,
        // gets a cache of its own instead of finding this one
        CacheManager manager = provider.getCacheManager(URI.create(name + "-" + MANAGERS.incrementAndGet()),
                BoundedCaches.class.getClassLoader(), new Properties());
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setStoreByValue(false);
        configuration.setMaximumSize(OptionalLong.of(maximumSize));
        javax.cache.Cache<Object, Object> cache = manager.createCache(name, configuration);
        Gauge.builder("molnkoll.commands.cache.size", cache, BoundedCaches::size).tag("cache", name)
                .description("Entries in the aggregate cache").register(meters);
        return cache;
    }

    private static double size(javax.cache.Cache<Object, Object> cache) {
        return cache.isClosed() ? 0 : cache.unwrap(com.github.benmanes.caffeine.cache.Cache.class).estimatedSize();
    }
}
