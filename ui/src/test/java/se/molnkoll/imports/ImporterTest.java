package se.molnkoll.imports;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import se.molnkoll.imports.ImportPlan.Action;
import se.molnkoll.imports.ImportPlan.RowPlan;
import se.molnkoll.input.RefusalWords;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.command.CorrectServiceDetails;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.Violation;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.recording.Recorder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How a run carries out its plan, whatever the commands answer: a step the aggregate says is done
 * already counts as done, a registration that collides falls back to the row's correction, a row the
 * rules refuse is reported and the run goes on, and anything else stops the run at that row with every
 * row before it done and none after it tried. The recorder here answers as the real one would in each
 * case; the commands themselves are the aggregate's business (CloudServiceTest, ImportScenarios).
 */
class ImporterTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /** What the recorder was asked to send, row by row, and what it answers for each row. */
    static final class AnsweringRecorder extends Recorder {
        final List<Integer> rows = new CopyOnWriteArrayList<>();
        final List<Object> commands = new CopyOnWriteArrayList<>();
        final Map<Integer, RuntimeException> answers;

        AnsweringRecorder(Map<Integer, RuntimeException> answers) {
            super(null, null, null, null);
            this.answers = answers;
        }

        @Override
        public void recordImported(CloudServiceId service, Object command, Map<String, ?> metaData) {
            int row = (Integer) metaData.get(EventMetaData.IMPORT_ROW);
            rows.add(row);
            commands.add(command);
            RuntimeException answer = answers.get(row);
            // a registration that collides is answered so once; the fallback correction then finds nothing to change
            if (answer instanceof AggregateStreamCreationException && command instanceof CorrectServiceDetails) {
                throw new RuleViolationException(Violation.of("NOTHING_TO_CORRECT", "nothing"));
            }
            if (answer != null) throw answer;
        }

        @Override
        public boolean awaitVisible(CloudServiceId service) {
            return true;
        }
    }

    private static ImportRun run(AnsweringRecorder recorder, int rows) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        Importer importer = new Importer(recorder, new RefusalWords(messages), messages, Clock.systemUTC());
        List<RowPlan> plans = new ArrayList<>();
        for (int row = 2; row < 2 + rows; row++) {
            CloudServiceId id = ImportPlanner.serviceIdOf("K-" + row);
            plans.add(new RowPlan(ImportColumn.Sheet.SERVICES, row, "K-" + row, id.value(), List.of(Action.REGISTER), List.of(),
                    "Registreras", List.of(), List.of(new RegisterCloudService(id, "Tjänst " + row, "Moln AB", ServiceModel.SAAS,
                    "Regionstyrelsen", "Anna", "K-" + row)),
                    new CorrectServiceDetails(id, "Tjänst " + row, "Moln AB", ServiceModel.SAAS, "Regionstyrelsen", "Anna", "Import"),
                    "sha"));
        }
        ImportPlan plan = new ImportPlan("register.xlsx", "sha", null, null, List.of(), plans);
        ImportRun started = importer.start(plan, new UsernamePasswordAuthenticationToken("manager", null, List.of()), SWEDISH);
        await().atMost(Duration.ofSeconds(10)).until(() -> importer.run(started.id()).orElseThrow().state() != ImportRun.State.RUNNING);
        return importer.run(started.id()).orElseThrow();
    }

    @Test
    void a_failure_stops_the_run_at_its_row_with_every_row_before_it_done_and_none_after_it_tried() {
        AnsweringRecorder recorder = new AnsweringRecorder(Map.of(5, new IllegalStateException("Databasen svarar inte")));
        ImportRun run = run(recorder, 6);
        assertThat(run.state()).isEqualTo(ImportRun.State.FAILED);
        assertThat(run.failedRow()).isEqualTo(5);
        assertThat(run.done()).isEqualTo(3);
        assertThat(run.total()).isEqualTo(6);
        assertThat(run.failure()).isEqualTo("Importen stannade på rad 5: Databasen svarar inte. Raderna före den är gjorda;"
                + " importera samma fil igen så görs resten.");
        assertThat(recorder.rows).containsExactly(2, 3, 4, 5);
    }

    @Test
    void steps_already_taken_count_as_done_and_a_row_the_rules_refuse_is_reported_while_the_run_goes_on() {
        AnsweringRecorder recorder = new AnsweringRecorder(Map.of(
                3, new AggregateStreamCreationException("registered by an earlier run"),
                4, new RuleViolationException(Violation.of("SERVICE_ARCHIVED", "archived"))));
        ImportRun run = run(recorder, 4);
        assertThat(run.state()).isEqualTo(ImportRun.State.DONE);
        assertThat(run.done()).isEqualTo(4);
        assertThat(run.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.row()).isEqualTo(4);
            assertThat(refused.reasons()).containsExactly("Tjänsten är arkiverad som registrerad av misstag; ingenting mer kan registreras.");
        });
        // row 3: the registration collided, so the row's correction was sent instead, and changed nothing
        assertThat(recorder.rows).containsExactly(2, 3, 3, 4, 5);
        assertThat(recorder.commands.get(2)).isInstanceOf(CorrectServiceDetails.class);
    }
}
