package se.molnkoll.query.persistence;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a projection collects over the events of its processor's batch and writes once, just before the
 * batch commits: set-based writes instead of a round trip to the database per event. Outside a batch
 * (a handler called directly) each event is its own batch.
 *
 * @param <T> what is collected
 */
public final class PerBatch<T> {

    private final String key;
    private final Supplier<T> create;
    private final Consumer<T> write;
    private final Consumer<T> rolledBack;

    /**
     * @param write      writes what was collected, in the batch's transaction
     * @param rolledBack undoes what the projection keeps in memory of a batch that rolled back
     */
    public PerBatch(String key, Supplier<T> create, Consumer<T> write, Consumer<T> rolledBack) {
        this.key = PerBatch.class.getName() + "." + key;
        this.create = create;
        this.write = write;
        this.rolledBack = rolledBack;
    }

    /** Adds an event's part to the current batch's collection. */
    public void add(Consumer<T> event) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            event.accept(root.getOrComputeResource(key, k -> {
                T batch = create.get();
                root.onPrepareCommit(unitOfWork -> write.accept(batch));
                root.onRollback(unitOfWork -> rolledBack.accept(batch));
                return batch;
            }));
        } else {
            T batch = create.get();
            try {
                event.accept(batch);
                write.accept(batch);
            } catch (RuntimeException e) {
                rolledBack.accept(batch);
                throw e;
            }
        }
    }
}
