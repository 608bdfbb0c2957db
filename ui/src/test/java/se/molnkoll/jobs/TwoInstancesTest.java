package se.molnkoll.jobs;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.command.ApproveRiskAcceptance;
import se.molnkoll.kernel.command.EndRiskAcceptance;
import se.molnkoll.kernel.command.ExpireEvidence;
import se.molnkoll.kernel.command.ProposeRiskAcceptance;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.command.SetClassification;
import se.molnkoll.kernel.query.DueExpiry;
import se.molnkoll.kernel.query.FindDueExpiries;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.RunningMolnkoll;
import se.molnkoll.support.TestClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * Two instances on one PostgreSQL database recording the same expiries, and the same ends of risk
 * acceptances, at the same moment, by their sweeps and head to head: each is recorded once, and the
 * test makes sure they did collide.
 */
@Tag("postgres")
class TwoInstancesTest {

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.set(TODAY);
    }

    @Test
    void two_instances_racing_for_the_same_expiries_record_each_exactly_once() throws Exception {
        PostgresDatabase.Database database = PostgresDatabase.create();
        try (RunningMolnkoll a = RunningMolnkoll.start(database.properties());
             RunningMolnkoll b = RunningMolnkoll.start(database.properties())) {
            CommandGateway commands = a.bean(CommandGateway.class);
            List<EvidenceId> lapsing = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                CloudServiceId service = CloudServiceId.random();
                commands.sendAndWait(new RegisterCloudService(service, "Tjänst " + s, "Moln AB", ServiceModel.SAAS,
                        "Regionstyrelsen", "Anna"));
                commands.sendAndWait(new SetClassification(service, new Classification(1, 1, 1, false, false,
                        List.of("SE"), null, null)));
                for (int e = 0; e < 5; e++) {
                    EvidenceId evidence = EvidenceId.random();
                    lapsing.add(evidence);
                    commands.sendAndWait(new RecordEvidence(service, evidence, Set.of(new MeasureId(27)), Set.of(Phase.ACQUIRE),
                            EvidenceKind.CERTIFICATE, "Cert " + e, "Cert AB", TODAY, null, TODAY.plusDays(1), null, null));
                }
            }
            TestClock.CLOCK.set(TODAY.plusDays(5));
            QueryGateway queries = a.bean(QueryGateway.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> due(queries).size() == lapsing.size());

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Void> sweepA = CompletableFuture.runAsync(() -> sweepAfter(go, a));
            CompletableFuture<Void> sweepB = CompletableFuture.runAsync(() -> sweepAfter(go, b));
            go.countDown();
            CompletableFuture.allOf(sweepA, sweepB).join();
            // a sweep that lost a race leaves the rest to the next sweep; run until nothing is due
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
                a.bean(ExpirySweep.class).sweep();
                b.bean(ExpirySweep.class).sweep();
                return due(queries).isEmpty();
            });

            // The sweeps above may or may not have collided. Now make both instances record the same
            // expiry at the same instant, until they have collided at least once: the loser is retried
            // on what the winner recorded, and is told that it recorded nothing.
            List<EvidenceId> contested = new ArrayList<>();
            for (int attempt = 0; attempt < 50 && (a.commandsRetried() + b.commandsRetried() == 0 || attempt < 10); attempt++) {
                CloudServiceId service = CloudServiceId.random();
                EvidenceId evidence = EvidenceId.random();
                commands.sendAndWait(new RegisterCloudService(service, "Omstridd " + attempt, "Moln AB", ServiceModel.SAAS,
                        "Regionstyrelsen", "Anna"));
                commands.sendAndWait(new SetClassification(service, new Classification(1, 1, 1, false, false,
                        List.of("SE"), null, null)));
                commands.sendAndWait(new RecordEvidence(service, evidence, Set.of(new MeasureId(27)), Set.of(Phase.ACQUIRE),
                        EvidenceKind.CERTIFICATE, "Cert", "Cert AB", TODAY, null, TODAY.plusDays(1), null, null));
                contested.add(evidence);
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<CompletableFuture<Object>> both = List.of(a, b).stream().map(instance -> CompletableFuture.<Object>supplyAsync(() -> {
                    try {
                        together.await();
                        return (Object) instance.bean(CommandGateway.class).sendAndWait(new ExpireEvidence(service, evidence));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
                List<Object> outcomes = both.stream().map(CompletableFuture::join).toList();
                assertThat(outcomes).as("one of them records it, the other is told it recorded nothing")
                        .containsExactlyInAnyOrder(Boolean.TRUE, Boolean.FALSE);
            }
            assertThat(a.commandsRetried() + b.commandsRetried())
                    .as("the two instances did collide on the same expiry, and the loser was retried")
                    .isPositive();

            // the same for the end of a risk acceptance: both instances record it at the same instant; one does
            double retriedBefore = a.commandsRetried() + b.commandsRetried();
            List<String> endedProposals = new ArrayList<>();
            for (int attempt = 0; attempt < 50 && (a.commandsRetried() + b.commandsRetried() == retriedBefore || attempt < 10); attempt++) {
                TestClock.CLOCK.set(TODAY.plusDays(5));
                CloudServiceId service = CloudServiceId.random();
                String proposal = java.util.UUID.randomUUID().toString();
                commands.sendAndWait(new RegisterCloudService(service, "Risk " + attempt, "Moln AB", ServiceModel.SAAS,
                        "Regionstyrelsen", "Anna"));
                commands.sendAndWait(new SetClassification(service, new Classification(1, 1, 1, false, false,
                        List.of("SE"), null, null)));
                commands.sendAndWait(new ProposeRiskAcceptance(service, proposal, new MeasureId(8), Phase.ACQUIRE,
                        "Risk", "Låg", TODAY.plusDays(5), "manager"));
                commands.sendAndWait(new ApproveRiskAcceptance(service, proposal, "riskowner", null));
                endedProposals.add(proposal);
                TestClock.CLOCK.set(TODAY.plusDays(6));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<Object> outcomes = List.of(a, b).stream().map(instance -> CompletableFuture.<Object>supplyAsync(() -> {
                    try {
                        together.await();
                        return (Object) instance.bean(CommandGateway.class).sendAndWait(new EndRiskAcceptance(service, proposal));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList().stream().map(CompletableFuture::join).toList();
                assertThat(outcomes).as("one of them records the end, the other is told it recorded nothing")
                        .containsExactlyInAnyOrder(Boolean.TRUE, Boolean.FALSE);
            }
            assertThat(a.commandsRetried() + b.commandsRetried()).as("the two instances did collide on the same end")
                    .isGreaterThan(retriedBefore);

            JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
            List<String> recorded = jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry"
                    + " where payload_type = 'se.molnkoll.kernel.event.EvidenceExpired'", String.class);
            lapsing.addAll(contested);
            assertThat(recorded).hasSize(lapsing.size());
            List<String> ends = jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry"
                    + " where payload_type = 'se.molnkoll.kernel.event.RiskAcceptanceEnded'", String.class);
            assertThat(ends).hasSize(endedProposals.size());
            for (String proposal : endedProposals) {
                assertThat(ends).filteredOn(payload -> payload.contains(proposal)).as(proposal).hasSize(1);
            }
            for (EvidenceId evidence : lapsing) {
                assertThat(recorded).filteredOn(payload -> payload.contains(evidence.value())).as(evidence.value()).hasSize(1);
            }
        }
    }

    private static List<DueExpiry> due(QueryGateway queries) {
        return queries.query(new FindDueExpiries(1000), ResponseTypes.multipleInstancesOf(DueExpiry.class)).join();
    }

    private static void sweepAfter(CountDownLatch go, RunningMolnkoll instance) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        instance.bean(ExpirySweep.class).sweep();
    }
}
