package se.molnkoll.query.runtime;

import se.molnkoll.kernel.Loggable;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import se.molnkoll.query.api.RebuildStatus;
import se.molnkoll.query.persistence.AxonTables;
import org.springframework.stereotype.Component;
import se.molnkoll.query.api.ReadModels;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * On H2 (PostgreSQL rebuilds beside the read models that serve, {@link BlueGreenRebuild}): rebuilds every
 * read model in place from the event store with Axon's own replay: each read model's
 * processor is stopped, its token reset (its reset handler empties its tables) and started again,
 * and it replays the whole store. Progress (events done of the total when the rebuild began) is
 * logged and kept for the API. The hash chain is not a read model and is never rebuilt.
 *
 * <p>The processors must be able to claim their tokens: run the rebuild with this instance alone
 * (other instances stopped), or it fails at once and says so. A replay interrupted by a stop goes on
 * at the next start, as Axon keeps the replay in the token.
 */
@Component
class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(2);
    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private final EventProcessingConfiguration processing;
    private final StoredTokens tokens;
    private final AxonTables axon;
    private final Clock clock;
    private final boolean onStart;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RebuildStatus status = RebuildStatus.IDLE;

    private final BlueGreenRebuild blueGreen;

    ReadModelRebuild(EventProcessingConfiguration processing, StoredTokens tokens, AxonTables axon, Clock clock,
                     BlueGreenRebuild blueGreen, @Value("${molnkoll.rebuild:false}") boolean onStart) {
        this.blueGreen = blueGreen;
        this.processing = processing;
        this.tokens = tokens;
        this.axon = axon;
        this.clock = clock;
        this.onStart = onStart;
    }

    /**
     * With {@code --molnkoll.rebuild=true} on the command line the read models were reset before their
     * processors first started ({@link RebuildOnStart}); once Molnkoll is up, this follows the replay
     * like any other rebuild.
     */
    @EventListener(ApplicationReadyEvent.class)
    void followRebuildOnStart() {
        blueGreen.follow();
        if (onStart && blueGreen.available()) {
            blueGreen.start("command line (molnkoll.rebuild=true)");
        } else if (onStart) {
            begin("command line (molnkoll.rebuild=true)", false);
        }
    }

    /** Starts a rebuild in the background; refused while one runs. */
    RebuildStatus start(String requestedBy) {
        return begin(requestedBy, true);
    }

    private synchronized RebuildStatus begin(String requestedBy, boolean reset) {
        if (reset && processing.eventProcessor(ReadModels.MEASURES, StreamingEventProcessor.class).isEmpty()) {
            throw new ReadModels.NotKeptHereException("This instance does not keep the read models (molnkoll.roles"
                    + " without query); start the rebuild on an instance with the query role");
        }
        if (reset && isRunning()) {
            throw new ReadModels.RebuildRunningException("A rebuild of the read models is already running", status());
        }
        long total = axon.eventCount();
        long target = axon.lastPosition();
        status = RebuildStatus.started(requestedBy, clock.instant(), total, target, progress(target));
        log.info("Rebuild of the read models {} requested by {}: {} events to replay", ReadModels.PROCESSING_GROUPS,
                Loggable.value(requestedBy), total);
        worker.execute(() -> rebuild(target, reset));
        return status;
    }

    RebuildStatus status() {
        RebuildStatus current = status;
        if (current.isRunning()) return measured(current);
        return replayStillGoing() ? measured(RebuildStatus.resumed(axon.eventCount(), axon.lastPosition(), progress(0)))
                : current;
    }

    /** The status with each read model's position now and the events done so far. */
    private RebuildStatus measured(RebuildStatus current) {
        RebuildStatus positions = current.with(progress(current.target()), current.eventsDone());
        return positions.with(positions.readModels(), eventsDone(positions));
    }

    /** A rebuild is running: started here, or started before a restart and carried on by Axon since. */
    boolean isRunning() {
        return status.isRunning() || replayStillGoing();
    }

    /**
     * Whether a read model is replaying and not yet at the store's end: a rebuild interrupted by a
     * stop, which Axon carries on from its token at the next start, or one that another instance
     * runs. Read from the tokens in the database, so every instance knows. (Axon's replay flag alone
     * stays on after a replay until the next event, hence the position.)
     */
    private boolean replayStillGoing() {
        long end = axon.lastPosition();
        return tokens.of(ReadModels.PROCESSING_GROUPS).stream()
                .anyMatch(segment -> segment.replaying() && (segment.index() == null || segment.index() < end));
    }

    private void rebuild(long target, boolean reset) {
        long started = System.nanoTime();
        List<StreamingEventProcessor> processors = processors();
        try {
            if (reset) {
                // all at once: each may take up to a second to notice, while it waits for new events
                CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                        .toArray(CompletableFuture[]::new)).join();
                processors.forEach(StreamingEventProcessor::resetTokens);
                processors.forEach(StreamingEventProcessor::start);
            }
            long nextLog = System.nanoTime();
            while (!progress(target).stream().allMatch(p -> p.caughtUpWith(target))) {
                if (Thread.currentThread().isInterrupted()) {
                    log.info("Molnkoll stops during a rebuild of the read models; it carries on at the next start");
                    return;
                }
                if (System.nanoTime() >= nextLog) {
                    RebuildStatus now = measured(status);
                    List<RebuildStatus.ReadModel> failing = now.readModels().stream().filter(p -> p.error() != null).toList();
                    log.info("Rebuilding read models: {}/{} events{}", now.eventsDone(), now.eventsTotal(),
                            failing.isEmpty() ? "" : " (failing and retrying: " + failing + ")");
                    nextLog = System.nanoTime() + LOG_EVERY.toNanos();
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            status = status.finished(clock.instant(), progress(target));
            log.info("Rebuild of the read models done: {} events in {} ms", status.eventsTotal(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // stopping: the application closes the processors itself
            }
            status = status.failed(clock.instant(), progress(target), e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ". If another Molnkoll instance runs on this database, stop it and rebuild again.");
            log.error("Rebuild of the read models failed; the read models carry on from where they were", e);
            processors.stream().filter(p -> !p.isRunning()).forEach(StreamingEventProcessor::start);
        }
    }

    /**
     * Each read model's position, the lowest of its segments' as stored in the database (wherever they
     * are processed); whether it runs here, and the error it is retrying here.
     */
    private List<RebuildStatus.ReadModel> progress(long target) {
        Map<String, List<StoredTokens.Segment>> stored = tokens.of(ReadModels.PROCESSING_GROUPS).stream()
                .collect(Collectors.groupingBy(StoredTokens.Segment::readModel));
        List<RebuildStatus.ReadModel> progress = new ArrayList<>();
        for (String name : ReadModels.PROCESSING_GROUPS) {
            List<StoredTokens.Segment> segments = stored.getOrDefault(name, List.of());
            Long position = segments.isEmpty() ? null
                    : segments.stream().mapToLong(s -> s.index() == null ? 0L : s.index()).min().getAsLong();
            StreamingEventProcessor local = processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
            String error = local == null ? null : local.processingStatus().values().stream()
                    .filter(EventTrackerStatus::isErrorState).findFirst()
                    .map(s -> s.getError() == null ? "failing" : s.getError().getMessage()).orElse(null);
            progress.add(new RebuildStatus.ReadModel(name, local != null && local.isRunning(), position, error));
        }
        return progress;
    }

    /** The events at or before the slowest read model's position, at most the total. */
    private long eventsDone(RebuildStatus current) {
        if (current.readModels().isEmpty() || current.readModels().stream().anyMatch(m -> m.position() == null)) {
            return 0; // a read model has not claimed its segment yet
        }
        long slowest = current.readModels().stream().mapToLong(RebuildStatus.ReadModel::position).min().orElse(0);
        long done = axon.eventsUpTo(Math.min(slowest, current.target()));
        return Math.min(done, current.eventsTotal());
    }

    private List<StreamingEventProcessor> processors() {
        return ReadModels.PROCESSING_GROUPS.stream().map(this::processor).toList();
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() ->
                new IllegalStateException("Read model " + name + " has no streaming processor"));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Refuses what must not run on half-rebuilt read models (such as an export for the archive). */
    void requireNotRunning(String what) {
        if (isRunning()) {
            throw new ReadModels.RebuildRunningException("The read models are being rebuilt, so " + what
                    + " would be incomplete; try again when the rebuild is done", status());
        }
    }
}
