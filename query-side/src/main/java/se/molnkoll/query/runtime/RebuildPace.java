package se.molnkoll.query.runtime;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rebuild processors' transaction manager: while a rebuild loads, at most
 * {@code molnkoll.read-models.rebuild.batches-at-once} of their transactions (a batch of events, or a token's
 * claim) run at a time on this instance, whichever processor they belong to. A rebuild replays as fast as the
 * cores it has; unpaced, its threads took every core, and readers' answers took several times as long during a
 * rebuild as before it (benchmark, 2 cores). A thread waits for its turn before it takes a connection, so waiting
 * holds none of the pool. Once the rebuild has reached the events there were when it began, it goes unpaced
 * ({@link Turns#pace}): the last stretch is short, and a paced rebuild might never catch up with steady writes.
 */
final class RebuildPace implements TransactionManager {

    private final TransactionManager delegate;
    private final Turns turns;
    /** This thread's transactions begun and not yet ended, and whether the outermost took a turn. */
    private final ThreadLocal<Depth> open = ThreadLocal.withInitial(Depth::new);

    private static final class Depth {
        int transactions;
        boolean turnTaken;
    }

    RebuildPace(TransactionManager delegate, Turns turns) {
        this.delegate = delegate;
        this.turns = turns;
    }

    @Override
    public Transaction startTransaction() {
        Depth depth = open.get();
        synchronized (depth) {
            if (depth.transactions == 0) {
                depth.turnTaken = turns.take();
            }
            depth.transactions++;
        }
        Transaction transaction;
        try {
            transaction = delegate.startTransaction();
        } catch (RuntimeException | Error e) {
            end(depth);
            throw e;
        }
        AtomicBoolean ended = new AtomicBoolean();
        // Axon rolls back a unit of work whose commit failed: the transaction ends once, however it is ended
        Runnable endOnce = () -> {
            if (ended.compareAndSet(false, true)) end(depth);
        };
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } finally {
                    endOnce.run();
                }
            }

            @Override
            public void rollback() {
                try {
                    transaction.rollback();
                } finally {
                    endOnce.run();
                }
            }
        };
    }

    /** Ends one of the transactions of the thread that began it (whichever thread ends it). */
    private void end(Depth depth) {
        synchronized (depth) {
            if (--depth.transactions == 0 && depth.turnTaken) {
                depth.turnTaken = false;
                turns.giveBack();
            }
        }
    }

    /** The turns shared by every rebuild processor of the instance. */
    @Component
    static class Turns {

        private final Semaphore turns;
        private volatile boolean paced = true;

        @org.springframework.beans.factory.annotation.Autowired
        Turns(RebuildProperties properties) {
            this(properties.batchesAtOnce());
        }

        Turns(int batchesAtOnce) {
            this.turns = new Semaphore(batchesAtOnce, true);
        }

        /** Paced (while loading) or not (catching up). */
        void pace(boolean paced) {
            this.paced = paced;
        }

        /** Waits for a turn while paced; whether one was taken (and is to be given back). */
        boolean take() {
            if (!paced) return false;
            try {
                turns.acquire();
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a turn of the rebuild", e);
            }
        }

        void giveBack() {
            turns.release();
        }

        int free() {
            return turns.availablePermits();
        }
    }
}
