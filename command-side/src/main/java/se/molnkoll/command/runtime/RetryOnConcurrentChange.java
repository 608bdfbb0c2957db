package se.molnkoll.command.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when it lost a race: another command for the same cloud service, on this
 * instance or another one on the same database, appended its event first, so this one's event
 * collided on the event table's unique key (aggregate, sequence number) and nothing of it was
 * stored. The aggregate is then loaded afresh (Axon drops it from the cache when the unit of work
 * rolls back) and decides again on what is now recorded. Only such collisions are retried, a bounded
 * number of times with a random, growing pause so that racing writers spread out; any other refusal
 * is final. A service registered twice at once is not retried either: the second registration is
 * simply refused.
 */
final class RetryOnConcurrentChange implements RetryScheduler {

    /** The metric counting the retries. */
    static final String RETRIED = "molnkoll.commands.retried";

    private static final Logger log = LoggerFactory.getLogger(RetryOnConcurrentChange.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long firstPauseMillis;
    private final Counter retried;

    RetryOnConcurrentChange(ScheduledExecutorService executor, int maxRetries, long firstPauseMillis, MeterRegistry meters) {
        this.executor = executor;
        this.retried = Counter.builder(RETRIED).description("Commands sent again after colliding with a concurrent change")
                .register(meters);
        this.maxRetries = maxRetries;
        this.firstPauseMillis = firstPauseMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        int retriesSoFar = failures.size() - 1;
        if (!lostARace(lastFailure) || retriesSoFar >= maxRetries
                // sent within a larger transaction (with another write that must happen with it): that
                // transaction is spoilt by the collision, so the caller must start again, not the command
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        long pause = ThreadLocalRandom.current().nextLong(firstPauseMillis << retriesSoFar) + 1;
        log.debug("{} collided with a concurrent change; retry {} of {} in {} ms", commandMessage.getPayloadType()
                .getSimpleName(), retriesSoFar + 1, maxRetries, pause);
        retried.increment();
        executor.schedule(dispatchTask, pause, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AggregateStreamCreationException) {
                return false;
            }
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
