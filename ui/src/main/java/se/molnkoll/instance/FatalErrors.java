package se.molnkoll.instance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntConsumer;

/**
 * A thread that dies of an {@link Error} leaves the process running without it: Tomcat without its
 * poller listens and answers nothing, a read model without its processor never moves again. Such a
 * process must be restarted, not left half alive, so for every thread that dies of an Error:
 * <ul>
 *     <li>the application's liveness becomes BROKEN: {@code /actuator/health/liveness} answers 503 and
 *     the platform (or whatever supervises the process) restarts it;</li>
 *     <li>an {@link OutOfMemoryError} ends the process at once with status {@value #OUT_OF_MEMORY_STATUS}:
 *     after one, nothing the process holds can be trusted. The run commands also pass
 *     {@code -XX:+ExitOnOutOfMemoryError}, which ends it at the first OutOfMemoryError anywhere, even one
 *     that some code catches; this covers a JVM started without the flag.</li>
 * </ul>
 * An event processor whose thread an Error ended is also seen by {@link EventProcessorsAlive}.
 * <p>
 * The handler is the JVM's default uncaught-exception handler, so there is one per process; when
 * several applications run in one JVM (tests), the one started last is told.
 */
@Component
public class FatalErrors implements DisposableBean {

    static final int OUT_OF_MEMORY_STATUS = 3;
    private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);
    /** The applications of this JVM, the latest first; only it is told. */
    private static final Deque<FatalErrors> LIVE = new ArrayDeque<>();
    private static Thread.UncaughtExceptionHandler before;

    private final ApplicationEventPublisher events;
    private final IntConsumer halt;

    @Autowired
    public FatalErrors(ApplicationEventPublisher events) {
        this(events, status -> Runtime.getRuntime().halt(status));
    }

    /**
     * @param events where the liveness change is published (the application context)
     * @param halt   ends the process with a status
     */
    FatalErrors(ApplicationEventPublisher events, IntConsumer halt) {
        this.events = events;
        this.halt = halt;
        synchronized (LIVE) {
            if (LIVE.isEmpty()) {
                before = Thread.getDefaultUncaughtExceptionHandler();
                Thread.setDefaultUncaughtExceptionHandler(FatalErrors::uncaught);
            }
            LIVE.push(this);
        }
    }

    private static void uncaught(Thread thread, Throwable failure) {
        FatalErrors latest;
        synchronized (LIVE) {
            latest = LIVE.peek();
        }
        if (latest != null && failure instanceof Error) {
            latest.died(thread, (Error) failure);
        }
        Thread.UncaughtExceptionHandler previous = before;
        if (previous != null) {
            previous.uncaughtException(thread, failure);
        } else {
            // what the JVM prints without a handler (the thread group would only hand it back to this one)
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            failure.printStackTrace(System.err);
        }
    }

    void died(Thread thread, Error failure) {
        if (failure instanceof OutOfMemoryError) {
            try {
                System.err.println("Molnkoll: thread " + thread.getName() + " ran out of memory; the process ends (status "
                        + OUT_OF_MEMORY_STATUS + ") so that it is started again");
            } finally {
                halt.accept(OUT_OF_MEMORY_STATUS);
            }
            return;
        }
        try {
            log.error("Thread {} died of {}: the process is no longer whole; liveness is BROKEN so that it is restarted",
                    thread.getName(), failure.toString(), failure);
        } finally {
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
    }

    @Override
    public void destroy() {
        synchronized (LIVE) {
            LIVE.remove(this);
            if (LIVE.isEmpty()) {
                Thread.setDefaultUncaughtExceptionHandler(before);
                before = null;
            }
        }
    }
}
