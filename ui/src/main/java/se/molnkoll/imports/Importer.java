package se.molnkoll.imports;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.molnkoll.imports.ImportPlan.RowPlan;
import se.molnkoll.imports.ImportRun.RefusedRow;
import se.molnkoll.imports.ImportRun.State;
import se.molnkoll.input.RefusalWords;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.Violation;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.recording.Recorder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries out a planned import in the background, row by row, through the {@link Recorder} as the forms
 * do, as the user who started it; every event carries the file's SHA-256 and the row. A row is done or
 * not at all: its commands are few, and each is refused by the aggregate if it was already done (the
 * service registered, nothing to correct, the classification as given, the evidence recorded), so a run
 * that stopped half-way (a failure, a killed process) is finished by importing the same file again.
 */
@Component
public class Importer {

    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    /** What the aggregate answers to a step already taken: the step is done. */
    private static final Set<String> ALREADY_DONE = Set.of("NOTHING_TO_CORRECT", "CLASSIFICATION_UNCHANGED", "EVIDENCE_ID_TAKEN");

    private final Recorder recorder;
    private final RefusalWords refusals;
    private final MessageSource messages;
    private final Clock clock;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "import");
        thread.setDaemon(true);
        return thread;
    });
    /** The runs of this process, for their progress; a day after. */
    private final Cache<String, Progress> runs = Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(1)).maximumSize(200).build();

    public Importer(Recorder recorder, RefusalWords refusals, MessageSource messages, Clock clock) {
        this.recorder = recorder;
        this.refusals = refusals;
        this.messages = messages;
        this.clock = clock;
    }

    /** Starts the import of the plan's rows without problems; its progress is {@link #run(String)}. */
    public ImportRun start(ImportPlan plan, Authentication who, Locale locale) {
        Progress progress = new Progress(UUID.randomUUID().toString(), plan, who.getName(), clock);
        runs.put(progress.id, progress);
        workers.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(who);
            try {
                carryOut(plan, progress, locale);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return progress.view();
    }

    public Optional<ImportRun> run(String id) {
        return Optional.ofNullable(runs.getIfPresent(id)).map(Progress::view);
    }

    private void carryOut(ImportPlan plan, Progress progress, Locale locale) {
        CloudServiceId last = null;
        for (RowPlan row : plan.rows()) {
            if (!row.writes()) continue;
            Map<String, Object> metaData = Map.of(EventMetaData.IMPORT_SHA256, row.fileSha256(),
                    EventMetaData.IMPORT_ROW, row.row(), EventMetaData.CORRELATION_ID, progress.id);
            try {
                for (Object command : row.commands()) {
                    send(row, command, metaData);
                }
                last = row.service();
                progress.done.incrementAndGet();
            } catch (RuleViolationException refused) {
                progress.refused.add(new RefusedRow(row.sheet(), row.row(), row.key(), refusals.reasons(refused, locale)));
                progress.done.incrementAndGet();
            } catch (AccessDeniedException denied) {
                progress.refused.add(new RefusedRow(row.sheet(), row.row(), row.key(), List.of(denied.getMessage())));
                progress.done.incrementAndGet();
            } catch (RuntimeException failure) {
                LOG.warn("Import {} of {} stopped at row {}", progress.id, plan.fileName(), row.row(), failure);
                progress.end(State.FAILED, row.row(), messages.getMessage("import.failedAt",
                        new Object[]{row.row(), String.valueOf(failure.getMessage())}, locale), clock);
                return;
            }
        }
        if (last != null) recorder.awaitVisible(last);
        progress.end(State.DONE, null, null, clock);
    }

    /** One step of a row; one the aggregate says is done already counts as done. */
    private void send(RowPlan row, Object command, Map<String, Object> metaData) {
        try {
            recorder.recordImported(row.service(), command, metaData);
        } catch (RuleViolationException refused) {
            if (!refused.violations().stream().map(Violation::rule).allMatch(ALREADY_DONE::contains)) throw refused;
        } catch (AggregateStreamCreationException | ConcurrencyException registeredAlready) {
            // the service was registered by an earlier run that stopped before the read models showed it:
            // the row then says what the service's details should be
            if (!(command instanceof RegisterCloudService) || row.ifAlreadyRegistered() == null) throw registeredAlready;
            send(row, row.ifAlreadyRegistered(), metaData);
        }
    }

    /** A run's progress as it goes. */
    private static final class Progress {
        final String id;
        final ImportPlan plan;
        final String startedBy;
        final java.time.Instant startedAt;
        final int total;
        final int unchanged;
        final AtomicInteger done = new AtomicInteger();
        final List<RefusedRow> refused = new CopyOnWriteArrayList<>();
        volatile State state = State.RUNNING;
        volatile java.time.Instant endedAt;
        volatile Integer failedRow;
        volatile String failure;

        Progress(String id, ImportPlan plan, String startedBy, Clock clock) {
            this.id = id;
            this.plan = plan;
            this.startedBy = startedBy;
            this.startedAt = clock.instant();
            this.total = (int) plan.toWrite();
            this.unchanged = (int) plan.unchanged();
        }

        void end(State state, Integer failedRow, String failure, Clock clock) {
            this.failedRow = failedRow;
            this.failure = failure;
            this.endedAt = clock.instant();
            this.state = state;
        }

        ImportRun view() {
            return new ImportRun(id, plan.fileName(), plan.sha256(), startedBy, startedAt, endedAt, state, total, done.get(),
                    unchanged, List.copyOf(refused), failedRow, failure);
        }
    }
}
