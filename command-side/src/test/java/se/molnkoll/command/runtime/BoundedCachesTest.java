package se.molnkoll.command.runtime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.caching.JCacheAdapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregate cache's store: bounded by weight, by reference, kept through garbage collections, one per application. */
class BoundedCachesTest {

    @Test
    void keeps_entries_by_reference_through_a_garbage_collection() {
        JCacheAdapter cache = new JCacheAdapter(BoundedCaches.create("services", 10, value -> 1, new SimpleMeterRegistry()));
        Object service = new Object();
        cache.put("s1", service);

        System.gc(); // a WeakReferenceCache lost its services here

        assertThat(cache.<String, Object>get("s1")).isSameAs(service);
    }

    @Test
    void holds_at_most_its_bound_by_weight_and_reports_its_size_and_weight() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // each entry weighs as its string says: 1,000 entries of weight 10 against a bound of 1,000
        javax.cache.Cache<Object, Object> store = BoundedCaches.create("services", 1_000, value -> Integer.parseInt((String) value),
                meters);
        for (int i = 0; i < 1_000; i++) {
            store.put("s" + i, "10");
        }
        com.github.benmanes.caffeine.cache.Cache<?, ?> caffeine = store.unwrap(com.github.benmanes.caffeine.cache.Cache.class);
        caffeine.cleanUp(); // Caffeine evicts in the background; this finishes its pending work

        assertThat(caffeine.estimatedSize()).isEqualTo(100);
        assertThat(meters.get("molnkoll.commands.cache.size").tag("cache", "services").gauge().value()).isEqualTo(100);
        assertThat(meters.get("molnkoll.commands.cache.weight").tag("cache", "services").gauge().value()).isEqualTo(1_000);

        store.put("big", "600"); // one service with many events takes the room of many small ones, if it is let in
        caffeine.cleanUp();
        assertThat(meters.get("molnkoll.commands.cache.weight").tag("cache", "services").gauge().value()).isLessThanOrEqualTo(1_000);
        if (store.containsKey("big")) assertThat(caffeine.estimatedSize()).isLessThanOrEqualTo(100 - 60 + 1);
    }

    @Test
    void each_application_gets_a_cache_of_its_own() {
        javax.cache.Cache<Object, Object> first = BoundedCaches.create("services", 10, value -> 1, new SimpleMeterRegistry());
        javax.cache.Cache<Object, Object> second = BoundedCaches.create("services", 10, value -> 1, new SimpleMeterRegistry());
        first.put("s1", "first's");

        assertThat(second.get("s1")).isNull();
    }
}
