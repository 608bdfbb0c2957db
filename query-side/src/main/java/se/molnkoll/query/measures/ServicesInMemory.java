package se.molnkoll.query.measures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The services whose current measures rows the projection holds in memory: as many as fit in
 * {@code maxRows} rows, the least recently used going first (a service's events come close together,
 * so a service read back from the database is then held for the rest of them). Each is trusted only
 * for the event right after the last one it includes: a gap in a service's event numbers means another
 * instance handled some of its events (its segment moved), the read model was reset, or a batch rolled
 * back, and the rows are read again.
 */
final class ServicesInMemory {

    private static final Logger log = LoggerFactory.getLogger(ServicesInMemory.class);

    /**
     * What a held row takes, on average: 35.5 bytes for applicable-measure and coverage rows held compact
     * ({@link CompactRows}), the evidence ids they share and the few rows of other kinds held as entities on top
     * ({@code HeldRowsMemoryBenchmark}: 10,000 services of 180 rows; ADR 0009). Rows as entities, while their batch changes them,
     * take about 85.
     */
    static final long BYTES_PER_ROW = 50;

    private final long maxRows;
    /** The rows held at most now: {@code maxRows}, or a tenth of it while a rebuild runs beside ({@link #shareAtMost}). */
    private long bound;
    /** Whether a service has been let go for want of room yet (said once). */
    private boolean full;
    private final Map<String, ServiceMeasures> services = new LinkedHashMap<>(1024, 0.75f, true);
    /** The rows of the services held, as of each one's latest event but its last (counted as the next comes). */
    private long rows;
    /** The read models' generation the rows held are of (see {@link #inGeneration}). */
    private long generation = -1;

    /**
     * Holding at most {@code configuredRows}, or where that is 0, as many as 45 % of the heap holds at
     * {@link #BYTES_PER_ROW}. The rest is for everything else, with room for the collector: more, and the
     * heap fills up with rows at a large portfolio.
     */
    static ServicesInMemory bounded(long configuredRows) {
        long maxRows = configuredRows > 0 ? configuredRows : Runtime.getRuntime().maxMemory() * 45 / 100 / BYTES_PER_ROW;
        log.info("The measures read model holds the current rows of services in memory, at most {} rows", maxRows);
        return new ServicesInMemory(maxRows);
    }

    private ServicesInMemory(long maxRows) {
        this.maxRows = maxRows;
        this.bound = maxRows;
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
                ServiceMeasures stale = services.put(serviceId, held);
                if (stale != null) {
                    rows -= stale.counted;
                }
            }
        }
        held.lastSequence = sequence;
        held.expand();
        synchronized (this) {
            held.inBatch = true;
            count(held);
            trim();
        }
        return held;
    }

    /** The batch that changed these services has written them: they may be let go again, and are held compact. */
    synchronized void written(Collection<String> serviceIds) {
        serviceIds.forEach(id -> {
            ServiceMeasures held = services.get(id);
            if (held != null) {
                held.inBatch = false;
                held.compact();
                count(held);
            }
        });
        trim();
    }

    private void count(ServiceMeasures held) {
        int size = held.size();
        rows += size - held.counted;
        held.counted = size;
    }

    /**
     * Lets the least recently used services go while the rows exceed the bound; never one that a
     * batch still being handled has changed: its changes are not in the database yet, and reading
     * the service back from there would lose them.
     */
    private void trim() {
        for (Iterator<ServiceMeasures> eldest = services.values().iterator(); rows > bound && eldest.hasNext(); ) {
            ServiceMeasures held = eldest.next();
            if (!held.inBatch) {
                rows -= held.counted;
                eldest.remove();
                if (!full && bound == maxRows) {
                    full = true;
                    log.info("The measures read model holds {} rows in memory, its bound: from now on the least recently used"
                            + " services are let go and read back at their next event, which slows a rebuild down (more heap"
                            + " or molnkoll.read-models.measures.rows-in-memory raises the bound)", maxRows);
                }
            }
        }
    }

    /** An event of the service that changes none of these rows: the rows held still follow on, if they did. */
    synchronized void passed(String serviceId, long sequence) {
        ServiceMeasures held = services.get(serviceId);
        if (held != null && held.lastSequence == sequence - 1) {
            held.lastSequence = sequence;
        }
    }

    synchronized void forget(Collection<String> serviceIds) {
        serviceIds.forEach(id -> {
            ServiceMeasures forgotten = services.remove(id);
            if (forgotten != null) {
                rows -= forgotten.counted;
            }
        });
    }

    /** Holds at most this share of its bound (1: all of it), letting go of the least recently used now. */
    synchronized void shareAtMost(double share) {
        bound = Math.max(0, (long) (maxRows * share));
        trim();
    }

    /** Lets go of every service but those a batch under way has changed. */
    synchronized void letGo() {
        services.values().removeIf(held -> {
            if (held.inBatch) return false;
            rows -= held.counted;
            return true;
        });
    }

    synchronized void forgetAll() {
        services.clear();
        rows = 0;
    }

    /**
     * The read models' generation the batch about to begin writes to: when a blue/green rebuild has
     * switched to another since, the rows held are of tables that no longer serve, and are let go; but
     * those of a batch of the new generation already under way (another segment's), which it still needs.
     */
    synchronized void inGeneration(long now) {
        if (now != generation) {
            letGo();
            generation = now;
        }
    }
}
