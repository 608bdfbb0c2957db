package se.molnkoll.command.runtime;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The cloud services' aggregate cache, made safe for several instances on one database. Axon uses a
 * cached service as it is, without looking at the event store; if another instance has recorded an
 * event for it since, the cached one is out of date. A command decided on it that would record an
 * event collides with that event and is retried ({@link RetryOnConcurrentChange}), but one that it
 * refuses ("no such evidence") would be refused wrongly. So each cached service is checked against
 * the store's latest sequence number for it, one index lookup, and dropped when they differ.
 */
final class StoreCheckedCache implements Cache {

    private static final Field VERSION = versionField();

    private final Cache delegate;
    private final AxonTables axon;

    StoreCheckedCache(Cache delegate, AxonTables axon) {
        this.delegate = delegate;
        this.axon = axon;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !Objects.equals(version(entry), axon.latestSequenceOf(key))) {
            delegate.remove(key);
            return null;
        }
        return value;
    }

    /**
     * What a cached service weighs: the events of its history (its last sequence number and one). What it holds
     * grows with them: each piece of evidence, each validity, each event's measures and phases.
     */
    static int eventsOf(Object cached) {
        if (!(cached instanceof AggregateCacheEntry<?> entry)) return 1;
        Long version = version(entry);
        return version == null ? 1 : (int) Math.min(Integer.MAX_VALUE, version + 1);
    }

    private static Long version(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Axon keeps the cached aggregate's sequence number in a private field and offers no getter for it. */
    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("This Axon version's AggregateCacheEntry has no version field", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }
}
