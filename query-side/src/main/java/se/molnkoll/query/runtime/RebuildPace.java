package se.molnkoll.query.runtime;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rebuild processors' transaction manager: at most {@code molnkoll.read-models.rebuild.batches-at-once}
 * of their transactions (a batch of events, or a token's claim) run at a time on this instance, whichever
 * processor they belong to. A rebuild replays as fast as the cores it has; unpaced, its threads take every
 * core, and the readers' answers took six times as long during a rebuild as before it (benchmark, 2 cores).
 * A thread waits for its turn before it takes a connection, so waiting holds none of the pool.
 */
final class RebuildPace implements TransactionManager {

    private final TransactionManager delegate;
    private final Semaphore turns;
    /** This thread's transactions begun and not yet ended: only the outermost waits for a turn. */
    private final ThreadLocal<AtomicInteger> open = ThreadLocal.withInitial(AtomicInteger::new);

    RebuildPace(TransactionManager delegate, Semaphore turns) {
        this.delegate = delegate;
        this.turns = turns;
    }

    /** Turns shared by every rebuild processor of the instance. */
    static Semaphore turns(int batchesAtOnce) {
        return new Semaphore(batchesAtOnce, true);
    }

    @Override
    public Transaction startTransaction() {
        AtomicInteger depth = open.get();
        if (depth.get() == 0) {
            try {
                turns.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a turn of the rebuild", e);
            }
        }
        depth.incrementAndGet();
        Transaction transaction;
        try {
            transaction = delegate.startTransaction();
        } catch (RuntimeException | Error e) {
            end(depth);
            throw e;
        }
        AtomicBoolean ended = new AtomicBoolean();
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } finally {
                    if (ended.compareAndSet(false, true)) end(depth);
                }
            }

            @Override
            public void rollback() {
                try {
                    transaction.rollback();
                } finally {
                    if (ended.compareAndSet(false, true)) end(depth);
                }
            }
        };
    }

    /** Ends one of the transactions of the thread that began it (whichever thread ends it). */
    private void end(AtomicInteger depth) {
        if (depth.decrementAndGet() == 0) {
            turns.release();
        }
    }
}
