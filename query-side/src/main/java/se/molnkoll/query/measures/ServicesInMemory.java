package se.molnkoll.query.measures;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The services whose current measures rows the projection holds in memory, at most {@code capacity} of
 * them (the least recently used go first). Each is trusted only for the event right after the last one
 * it includes: a gap in a service's event numbers means another instance handled some of its events (its
 * segment moved), the read model was reset, or a batch rolled back, and the rows are read again.
 */
final class ServicesInMemory {

    private final Map<String, ServiceMeasures> services;

    ServicesInMemory(int capacity) {
        this.services = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ServiceMeasures> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The service's rows for its event number {@code sequence}: from memory when they follow on, else from {@code load}. */
    ServiceMeasures forEvent(String serviceId, long sequence, Supplier<ServiceMeasures> load) {
        ServiceMeasures held;
        synchronized (this) {
            held = services.get(serviceId);
        }
        if (held == null || held.lastSequence != sequence - 1) {
            // outside the lock: a service's events are handled by one thread at a time, its segment's
            held = sequence == 0 ? ServiceMeasures.empty(serviceId) : load.get();
            synchronized (this) {
                services.put(serviceId, held);
            }
        }
        held.lastSequence = sequence;
        return held;
    }

    /** An event of the service that changes none of these rows: the rows held still follow on, if they did. */
    synchronized void passed(String serviceId, long sequence) {
        ServiceMeasures held = services.get(serviceId);
        if (held != null && held.lastSequence == sequence - 1) {
            held.lastSequence = sequence;
        }
    }

    synchronized void forget(Collection<String> serviceIds) {
        services.keySet().removeAll(serviceIds);
    }

    synchronized void forgetAll() {
        services.clear();
    }

    synchronized int size() {
        return services.size();
    }
}
