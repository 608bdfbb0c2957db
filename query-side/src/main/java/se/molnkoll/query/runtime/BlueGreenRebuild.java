package se.molnkoll.query.runtime;

import jakarta.persistence.EntityManagerFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.kernel.Loggable;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.api.RebuildStatus;
import se.molnkoll.query.persistence.AxonTables;
import se.molnkoll.query.persistence.ReadModelTables;
import se.molnkoll.query.persistence.RowsInMemory;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * A rebuild of every read model beside the ones that serve (PostgreSQL; ADR 0022). The read models' tables
 * are created again, empty, in the schema {@value RebuildSchema#NAME}; the rebuild processors
 * ({@link RebuildProcessors}) replay the event store into them while the read models that serve go on
 * serving and following the store as always. Once every rebuild processor has caught up with the store,
 * one transaction switches: it takes every read-model processor's segments on every instance, gives the
 * read models' processors the rebuild processors' positions, drops the tables that served and moves the
 * new ones in their place, and counts the generation up. Every instance then goes on from there; a reader
 * sees the old tables or the new ones, never some of each.
 *
 * <p>The state is a row of {@code read_model_rebuild}, shared by the instances: the one that owns it runs
 * the rebuild processors and renews its lease; when the lease runs out (the owner was killed), another
 * instance, or the owner started again, takes the rebuild over from the positions it had reached. A kill
 * at any moment leaves the read models that serve as they were: the switch is one transaction.
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(RebuildProperties.class)
class BlueGreenRebuild {

    private static final Logger log = LoggerFactory.getLogger(BlueGreenRebuild.class);
    static final Duration TICK = Duration.ofMillis(500);
    private static final Duration LOG_EVERY = Duration.ofSeconds(2);
    /** How long the switch tries to find its tables not in use, and how often. */
    private static final Duration LOCKS_WITHIN = Duration.ofSeconds(5);
    private static final Duration LOCK_RETRY = Duration.ofMillis(10);

    enum State { LOADING, DONE, FAILED }

    /** The shared row of read_model_rebuild. */
    record Row(State state, @Nullable String requestedBy, Instant startedAt, @Nullable Instant finishedAt, long eventsTotal,
               long target, @Nullable String owner, @Nullable Instant heartbeat, @Nullable String message,
               @Nullable String schemaVersion) {
    }

    private final EventProcessingConfiguration processing;
    private final RebuildProcessors rebuildProcessors;
    /** The projections that serve and hold rows in memory (none without the query role). */
    private final org.springframework.beans.factory.ObjectProvider<RowsInMemory> serving;
    private final StoredTokens tokens;
    private final RebuildPace.Turns turns;
    private final AxonTables axon;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EntityManagerFactory entities;
    private final Clock clock;
    private final String me;
    private final Duration pauseInSwitch;
    private final Duration lease;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile @Nullable Boolean postgres;
    private volatile boolean switching;
    /** Whether the rebuild processors were looked at since this instance began or took over the rebuild. */
    private volatile boolean layoutChecked;
    private long nextLog;

    BlueGreenRebuild(EventProcessingConfiguration processing, RebuildProcessors rebuildProcessors,
                     org.springframework.beans.factory.ObjectProvider<RowsInMemory> serving,
                     StoredTokens tokens, RebuildPace.Turns turns, AxonTables axon, JdbcTemplate jdbc,
                     PlatformTransactionManager transactions, EntityManagerFactory entities, Clock clock,
                     @Value("${molnkoll.node-id:}") String nodeId, RebuildProperties properties) {
        this.processing = processing;
        this.rebuildProcessors = rebuildProcessors;
        this.serving = serving;
        this.tokens = tokens;
        this.turns = turns;
        this.axon = axon;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.entities = entities;
        this.clock = clock;
        this.me = (nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId) + ":rebuild:"
                + UUID.randomUUID().toString().substring(0, 8);
        this.pauseInSwitch = properties.pauseInSwitch();
        this.lease = properties.lease();
    }

    /** Whether rebuilds go this way here: on PostgreSQL (H2 rebuilds in place, {@link ReadModelRebuild}). */
    boolean available() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                    "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())));
            postgres = known;
        }
        return known;
    }

    /** Follows the shared state from now on, on an instance that keeps the read models. */
    void follow() {
        if (available() && keptHere()) {
            ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private boolean keptHere() {
        return processing.eventProcessor(rebuildProcessors.of(ReadModels.MEASURES), StreamingEventProcessor.class).isPresent();
    }

    /** Starts a rebuild: the new tables are created empty and the rebuild processors start on this instance. */
    synchronized RebuildStatus start(String requestedBy) {
        if (!keptHere()) {
            throw new ReadModels.NotKeptHereException("This instance does not keep the read models (molnkoll.roles"
                    + " without query); start the rebuild on an instance with the query role");
        }
        Row row = row();
        if (row != null && row.state() == State.LOADING && !stale(row)) {
            throw new ReadModels.RebuildRunningException("A rebuild of the read models is already running", status());
        }
        stopRebuildProcessors();
        turns.pace(true);
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            jdbc.execute("drop schema if exists " + RebuildSchema.NAME + " cascade");
            jdbc.execute("create schema " + RebuildSchema.NAME);
            String serving = servingSchema();
            for (String table : tables()) {
                createLike(serving, table);
            }
            // those of rebuild processors of another layout too (a rebuild begun by an earlier version)
            axon.deleteTokens(axon.processorsStartingWith(RebuildProcessors.PREFIX));
            jdbc.update("delete from read_model_rebuild");
            layoutChecked = true; // its own processors only, from here
            jdbc.update("insert into read_model_rebuild (id, state, requested_by, started_at, events_total, target, owner,"
                            + " heartbeat, schema_version) values (1, ?, ?, ?, ?, ?, ?, ?, ?)", State.LOADING.name(), requestedBy,
                    Timestamp.from(now), axon.eventCount(), axon.lastPosition(), me, Timestamp.from(now), schemaVersion());
        });
        log.info("Rebuild of the read models {} beside those that serve, requested by {}: {} events to replay",
                ReadModels.PROCESSING_GROUPS, Loggable.value(requestedBy), axon.eventCount());
        nextLog = 0;
        startRebuildProcessors();
        return status();
    }

    /**
     * A read-model table again, empty, in the rebuild's schema: its columns, defaults and checks, its primary key
     * and unique constraints, and the indexes its projection finds a row's current version by while it writes
     * (those whose last column is {@code recorded_to}); each under its own name (an index name is the schema's,
     * and a later migration names them). The other indexes serve readers only: PostgreSQL builds an index over
     * loaded rows in one pass, faster than it keeps one up to date row by row, so they are built once the
     * rebuild has caught up ({@link #buildIndexesLeftOut}).
     */
    private void createLike(String serving, String table) {
        String rebuild = RebuildSchema.NAME + "." + table;
        jdbc.execute("create table " + rebuild + " (like " + serving + "." + table
                + " including defaults including constraints including identity including storage)");
        List<Map<String, Object>> keys = jdbc.queryForList("select c.conname, pg_get_constraintdef(c.oid) as def"
                + " from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace"
                + " where n.nspname = ? and t.relname = ? and c.contype in ('p', 'u')", serving, table);
        for (Map<String, Object> key : keys) {
            jdbc.execute("alter table " + rebuild + " add constraint " + key.get("conname") + " " + key.get("def"));
        }
        List<String> keyNames = keys.stream().map(k -> (String) k.get("conname")).toList();
        for (Map<String, Object> index : jdbc.queryForList("select indexname, indexdef from pg_indexes where schemaname = ?"
                + " and tablename = ?", serving, table)) {
            if (keyNames.contains((String) index.get("indexname"))) continue;
            String definition = (String) index.get("indexdef");
            if (definition.endsWith(", recorded_to)")) {
                jdbc.execute(definition.replace(" ON " + serving + "." + table + " ", " ON " + rebuild + " "));
            }
        }
    }

    /**
     * Builds, in the rebuild's schema, each index of the tables that serve that the rebuilt tables do not have yet
     * (those left out while loading; none once they are all there, so it may run again after a kill).
     */
    private void buildIndexesLeftOut() {
        String serving = servingSchema();
        List<Map<String, Object>> missing = jdbc.queryForList("select s.tablename, s.indexdef from pg_indexes s"
                + " where s.schemaname = ? and s.tablename = any(?) and not exists (select 1 from pg_indexes r"
                + " where r.schemaname = ? and r.tablename = s.tablename and r.indexname = s.indexname)",
                serving, tables().toArray(String[]::new), RebuildSchema.NAME);
        if (missing.isEmpty()) return;
        long began = System.nanoTime();
        for (Map<String, Object> index : missing) {
            String table = (String) index.get("tablename");
            jdbc.execute(((String) index.get("indexdef")).replace(" ON " + serving + "." + table + " ",
                    " ON " + RebuildSchema.NAME + "." + table + " "));
        }
        log.info("Built the {} indexes of the rebuilt read models that serve readers only, in {} ms", missing.size(),
                Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    /** The version of the last migration applied (Flyway's history table). */
    private @Nullable String schemaVersion() {
        return jdbc.queryForList("select version from flyway_schema_history where success and version is not null"
                + " order by installed_rank desc limit 1", String.class).stream().findFirst().orElse(null);
    }

    private List<String> tables() {
        return ReadModelTables.all(entities.getMetamodel());
    }

    private String servingSchema() {
        return jdbc.queryForObject("select current_schema()", String.class);
    }

    /** One look at the shared state: run, renew, switch, take over or keep out of it. */
    void tick() {
        try {
            Row row = row();
            if (row == null || row.state() != State.LOADING) {
                stopRebuildProcessors();
                return;
            }
            String beginAgain = me.equals(row.owner()) ? reasonToBeginAgain(row) : null;
            if (beginAgain != null) {
                log.info("{}: the rebuild of the read models begins again", beginAgain);
                jdbc.update("update read_model_rebuild set owner = null, heartbeat = null where id = 1");
                start(row.requestedBy() == null ? "?" : row.requestedBy());
            } else if (me.equals(row.owner())) {
                jdbc.update("update read_model_rebuild set heartbeat = ? where id = 1 and owner = ?", Timestamp.from(clock.instant()), me);
                turns.pace(!reachedTarget(row)); // paced while loading, at full speed for the last stretch
                startRebuildProcessors();
                if (caughtUp()) {
                    buildIndexesLeftOut();
                    switchOver();
                } else if (System.nanoTime() >= nextLog) {
                    RebuildStatus now = status();
                    log.info("Rebuilding read models ({}): {}/{} events, about {} s left", now.phase(), now.eventsDone(),
                            now.eventsTotal(), now.estimatedSecondsLeft());
                    nextLog = System.nanoTime() + LOG_EVERY.toNanos();
                }
            } else if (stale(row)) {
                int taken = jdbc.update("update read_model_rebuild set owner = ?, heartbeat = ? where id = 1 and state = ?"
                                + " and (owner is null or owner = ?) and (heartbeat is null or heartbeat = ?)", me,
                        Timestamp.from(clock.instant()), State.LOADING.name(), row.owner(),
                        row.heartbeat() == null ? null : Timestamp.from(row.heartbeat()));
                if (taken == 1) {
                    layoutChecked = false;
                    log.info("This instance takes over the rebuild of the read models from {}, whose lease ran out", row.owner());
                }
            } else {
                stopRebuildProcessors();
            }
        } catch (RuntimeException e) {
            log.warn("The rebuild of the read models could not go on just now; it tries again", e);
        }
    }

    /**
     * Why the rows this rebuild wrote so far cannot be kept, or null. The read models' tables were migrated since it
     * began; or it was begun by rebuild processors this version does not have (an earlier version, other settings),
     * whose positions do not tell the rows written from those still to come. The processors are looked at once, when
     * this instance begins or takes over the rebuild: only those of its own version join later.
     */
    private @Nullable String reasonToBeginAgain(Row row) {
        if (!java.util.Objects.equals(row.schemaVersion(), schemaVersion())) {
            return "The read models' tables were migrated (to version " + schemaVersion() + ") since the rebuild began";
        }
        if (!layoutChecked) {
            List<String> found = axon.processorsStartingWith(RebuildProcessors.PREFIX);
            layoutChecked = true;
            if (!rebuildProcessors.all().containsAll(found)) {
                return "The rebuild was begun by rebuild processors " + found + ", not " + rebuildProcessors.all();
            }
        }
        return null;
    }

    /** Whether every rebuild processor has replayed the events there were when the rebuild began. */
    private boolean reachedTarget(Row row) {
        Map<String, List<StoredTokens.Segment>> segments = tokens.of(rebuildProcessors.all()).stream()
                .collect(Collectors.groupingBy(StoredTokens.Segment::readModel));
        return rebuildProcessors.all().stream().allMatch(processor -> !segments.getOrDefault(processor, List.of()).isEmpty()
                && segments.get(processor).stream().allMatch(s -> s.index() != null && s.index() >= row.target()));
    }

    private boolean stale(Row row) {
        return row.heartbeat() == null || row.heartbeat().plus(lease).isBefore(clock.instant());
    }

    /**
     * Whether every segment of every rebuild processor, without an error, is as far as the furthest segment of its
     * read model's processor (the store's end, when nothing is written): then the switch is worth trying.
     */
    private boolean caughtUp() {
        Map<String, List<StoredTokens.Segment>> segments = tokens.of(processorsAndRebuilds()).stream()
                .collect(Collectors.groupingBy(StoredTokens.Segment::readModel));
        for (String readModel : ReadModels.PROCESSING_GROUPS) {
            List<StoredTokens.Segment> rebuilt = segments.getOrDefault(rebuildProcessors.of(readModel), List.of());
            long serving = segments.getOrDefault(readModel, List.of()).stream().mapToLong(s -> s.index() == null ? 0 : s.index())
                    .max().orElse(0);
            if (rebuilt.isEmpty() || rebuilt.stream().anyMatch(s -> s.index() == null ? serving > 0 : s.index() < serving)) {
                return false;
            }
            if (error(rebuildProcessors.of(readModel)) != null) return false;
        }
        return true;
    }

    private List<String> processorsAndRebuilds() {
        List<String> all = new ArrayList<>(ReadModels.PROCESSING_GROUPS);
        all.addAll(rebuildProcessors.all());
        return all;
    }

    /**
     * The switch. First every segment of every read-model and rebuild processor is claimed for it, in a
     * transaction of its own: a batch under way on any instance holds its segment's token row until it
     * commits, so this waits for it; after it, no batch anywhere can store its token, and each rolls back
     * (a batch stores its token before some projections write their rows, so taking the tables first could
     * deadlock with it). Then one transaction switches: the generation counted up (a measures batch holds it
     * shared, so one begun later sees the new one and lets go of the rows it held), the tables locked, the
     * rebuild's positions checked to cover those of the read models that serve (else it gives up and tries
     * again: the new tables must hold everything the old ones did), given to the read models' processors,
     * the old tables dropped and the new ones moved in their place. Last the claims are given back, and each
     * instance's processors go on from the rebuild's positions in the new tables. Killed between, the
     * claims expire by themselves.
     */
    private void switchOver() {
        switching = true;
        String claim = "molnkoll-switch:" + me;
        List<String> processors = new ArrayList<>(ReadModels.PROCESSING_GROUPS);
        processors.addAll(rebuildProcessors.all());
        try {
            List<String> tables = tables();
            String serving = servingSchema();
            transaction.executeWithoutResult(tx -> {
                jdbc.execute("set local lock_timeout = '3s'");
                axon.takeClaims(processors, claim, clock.instant());
            });
            // with every segment claimed no token moves: if the rebuild does not cover what serves yet (gaps it has
            // not filled), its processors go on, and the switch is tried again later
            if (!rebuildCoversServing()) {
                log.info("The rebuilt read models are not yet as far as those that serve; the switch is tried again");
                return;
            }
            // they can go no further now, and would only fail against the schema the switch drops; if the switch
            // does not happen after all, the next tick starts them again from their tokens
            stopRebuildProcessors();
            String lockAll = "lock table " + tables.stream().map(t -> serving + "." + t).collect(Collectors.joining(", "))
                    + ", " + tables.stream().map(t -> RebuildSchema.NAME + "." + t).collect(Collectors.joining(", "))
                    + " in access exclusive mode nowait";
            Boolean switched = null;
            for (long giveUp = System.nanoTime() + LOCKS_WITHIN.toNanos(); switched == null && System.nanoTime() < giveUp; ) {
                switched = transaction.execute(tx -> {
                    jdbc.execute("set local lock_timeout = '3s'");
                    jdbc.update("update read_model_generation set generation = generation + 1 where id = 1");
                    try {
                        jdbc.execute(lockAll);
                    } catch (DataAccessException inUse) {
                        // a reader holds one of the tables: waiting for it while holding others could deadlock with a
                        // reader that reads several in one transaction, so the switch never waits; it tries again
                        tx.setRollbackOnly();
                        return null;
                    }
                    return switchLocked(tx, tables, serving);
                });
                if (switched == null) LockSupport.parkNanos(LOCK_RETRY.toNanos());
            }
            if (switched == null) {
                log.info("The switch to the rebuilt read models found their tables in use for {}; it is tried again", LOCKS_WITHIN);
                return;
            }
            if (switched) {
                Row done = row();
                log.info("Rebuild of the read models done: the rebuilt read models serve from now on ({} ms after it began)",
                        done == null || done.finishedAt() == null ? "?" : Duration.between(done.startedAt(), done.finishedAt()).toMillis());
            } else {
                log.info("The rebuilt read models are not yet as far as those that serve; the switch is tried again");
            }
        } catch (IllegalStateException e) {
            log.error("The rebuild of the read models cannot switch over", e);
            jdbc.update("update read_model_rebuild set state = ?, finished_at = ?, owner = null, message = ? where id = 1",
                    State.FAILED.name(), Timestamp.from(clock.instant()), e.getMessage());
        } catch (DataAccessException e) {
            log.warn("The switch to the rebuilt read models waited too long for its locks or failed; it is tried again", e);
        } finally {
            try {
                axon.releaseClaims(claim);
            } finally {
                switching = false;
            }
        }
    }

    /** With every table locked: checks that the rebuild holds everything the read models that serve hold, and switches. */
    private boolean switchLocked(org.springframework.transaction.TransactionStatus tx, List<String> tables, String serving) {
        if (!rebuildCoversServing()) { // again, now that the tables are locked
            tx.setRollbackOnly();
            return false;
        }
        for (String readModel : ReadModels.PROCESSING_GROUPS) {
            axon.copyTokens(rebuildProcessors.of(readModel), readModel);
        }
        for (String table : tables) {
            jdbc.execute("drop table " + serving + "." + table);
            jdbc.execute("alter table " + RebuildSchema.NAME + "." + table + " set schema " + serving);
        }
        jdbc.execute("drop schema " + RebuildSchema.NAME);
        axon.deleteTokens(rebuildProcessors.all());
        jdbc.update("update read_model_rebuild set state = ?, finished_at = ?, owner = null where id = 1",
                State.DONE.name(), Timestamp.from(clock.instant()));
        pauseInSwitch(); // fault tests: a kill here must leave the old tables serving
        return true;
    }

    /** Whether each rebuild processor's tokens cover its read model's, segment by segment. */
    private boolean rebuildCoversServing() {
        return ReadModels.PROCESSING_GROUPS.stream().allMatch(readModel -> tokens.covers(rebuildProcessors.of(readModel), readModel));
    }

    private void pauseInSwitch() {
        if (!pauseInSwitch.isZero()) {
            log.info("Switching the read models over: pausing {} inside the switch (molnkoll.read-models.rebuild.pause-in-switch)", pauseInSwitch);
            try {
                Thread.sleep(pauseInSwitch.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the rebuild processors here; the projections that serve make room in memory for their copies. */
    private void startRebuildProcessors() {
        List<StreamingEventProcessor> stopped = rebuildProcessors.all().stream().map(this::processor)
                .filter(p -> !p.isRunning()).toList();
        if (!stopped.isEmpty()) {
            serving.orderedStream().forEach(RowsInMemory::makeRoom);
            stopped.forEach(StreamingEventProcessor::start);
        }
    }

    /** Stops the rebuild processors here; their copies of the projections let go of their rows, and those that serve take the room back. */
    private void stopRebuildProcessors() {
        List<StreamingEventProcessor> running = rebuildProcessors.all().stream().map(this::processor)
                .filter(StreamingEventProcessor::isRunning).toList();
        if (!running.isEmpty()) {
            CompletableFuture.allOf(running.stream().map(StreamingEventProcessor::shutdownAsync).toArray(CompletableFuture[]::new)).join();
            rebuildProcessors.holdingRows().forEach(RowsInMemory::letGo);
            serving.orderedStream().forEach(RowsInMemory::takeRoomBack);
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() ->
                new IllegalStateException("No rebuild processor " + name));
    }

    private @Nullable String error(String processor) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class)
                .flatMap(p -> p.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState).findFirst())
                .map(s -> s.getError() == null ? "failing" : s.getError().getMessage()).orElse(null);
    }

    /** The rebuild as it stands, with progress and an estimate of the time left while it runs. */
    RebuildStatus status() {
        Row row = row();
        if (row == null) return RebuildStatus.IDLE;
        return switch (row.state()) {
            case DONE -> RebuildStatus.started(row.requestedBy(), row.startedAt(), row.eventsTotal(), row.target(), List.of())
                    .finished(row.finishedAt(), progress(readModel -> readModel));
            case FAILED -> RebuildStatus.started(row.requestedBy(), row.startedAt(), row.eventsTotal(), row.target(), List.of())
                    .failed(row.finishedAt(), List.of(), row.message());
            case LOADING -> running(row);
        };
    }

    private RebuildStatus running(Row row) {
        List<RebuildStatus.ReadModel> progress = progress(rebuildProcessors::of);
        long slowest = progress.stream().map(RebuildStatus.ReadModel::position).mapToLong(p -> p == null ? 0 : p).min().orElse(0);
        // counted from positions, not with count(*) over the whole store: at a million events such a count took 0.15 to
        // 0.3 s of the database's time, asked every 2 s by the log and by every look at the progress (pg_stat_statements)
        long recordedSince = axon.eventsAfter(row.target(), Integer.MAX_VALUE);
        long total = row.eventsTotal() + recordedSince;
        long done = progress.stream().anyMatch(p -> p.position() == null) ? 0
                : slowest >= row.target() ? total - axon.eventsAfter(slowest, Integer.MAX_VALUE)
                : row.target() == 0 ? 0 : Math.round((double) row.eventsTotal() * slowest / row.target()); // estimated while loading
        double seconds = Duration.between(row.startedAt(), clock.instant()).toMillis() / 1000.0;
        Long left = done == 0 || seconds <= 0 ? null : Math.round((total - done) / (done / seconds));
        RebuildStatus.Phase phase = switching ? RebuildStatus.Phase.SWITCHING
                : slowest >= row.target() ? RebuildStatus.Phase.CATCHING_UP : RebuildStatus.Phase.LOADING;
        return RebuildStatus.started(row.requestedBy(), row.startedAt(), total, row.target(), progress)
                .with(progress, done).in(phase, left);
    }

    /**
     * Each read model's position as its processor ({@code processorOf}) has it, the lowest of its segments' as
     * stored (null until each has one), whether it runs here and the error it is retrying here.
     */
    private List<RebuildStatus.ReadModel> progress(java.util.function.UnaryOperator<String> processorOf) {
        Map<String, List<StoredTokens.Segment>> stored = tokens.of(ReadModels.PROCESSING_GROUPS.stream().map(processorOf)
                .distinct().toList()).stream().collect(Collectors.groupingBy(StoredTokens.Segment::readModel));
        List<RebuildStatus.ReadModel> progress = new ArrayList<>();
        for (String readModel : ReadModels.PROCESSING_GROUPS) {
            String name = processorOf.apply(readModel);
            List<StoredTokens.Segment> segments = stored.getOrDefault(name, List.of());
            Long position = segments.isEmpty() || segments.stream().anyMatch(s -> s.index() == null) ? null
                    : segments.stream().mapToLong(StoredTokens.Segment::index).min().getAsLong();
            boolean running = processing.eventProcessor(name, StreamingEventProcessor.class).map(StreamingEventProcessor::isRunning)
                    .orElse(false);
            progress.add(new RebuildStatus.ReadModel(readModel, running, position, error(name)));
        }
        return progress;
    }

    /** Whether a rebuild runs (on any instance). */
    boolean isRunning() {
        Row row = row();
        return row != null && row.state() == State.LOADING;
    }

    private @Nullable Row row() {
        List<Row> rows = jdbc.query("select state, requested_by, started_at, finished_at, events_total, target, owner, heartbeat,"
                + " message, schema_version from read_model_rebuild where id = 1", (rs, n) -> new Row(State.valueOf(rs.getString(1)),
                rs.getString(2), rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)), rs.getLong(5), rs.getLong(6),
                rs.getString(7), instant(rs.getTimestamp(8)), rs.getString(9), rs.getString(10)));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
