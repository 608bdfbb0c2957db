package se.molnkoll.instance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.support.Api;
import se.molnkoll.support.RunningMolnkoll;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A process that lost a thread to an Error is not left listening half alive: its liveness fails (so
 * that it is restarted), and an OutOfMemoryError ends it.
 */
class FatalErrorsTest {

    @Test
    void a_request_thread_dying_of_an_error_makes_liveness_fail() {
        try (RunningMolnkoll molnkoll = RunningMolnkoll.start()) {
            Api anyone = molnkoll.api().anonymous();
            assertThat(anyone.get("/actuator/health/liveness").status()).isEqualTo(200);

            // a task on Tomcat's own request threads that ends its thread as an Error would
            molnkoll.requestThreads().execute(() -> {
                throw new InternalError("simulated: a request thread dies");
            });

            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> anyone.get("/actuator/health/liveness").status() == 503);
            assertThat(molnkoll.api().as("admin").get("/actuator/health/liveness").json()
                    .at("/components/livenessState/status").asText()).isEqualTo("DOWN");
        }
    }

    @Test
    void an_event_processor_stopped_by_an_error_makes_liveness_fail() {
        try (RunningMolnkoll molnkoll = RunningMolnkoll.startWith(new Class<?>[]{CrashingReadModel.class},
                "molnkoll.read-your-writes.timeout=2s")) {
            Api manager = molnkoll.api().as("manager");
            assertThat(manager.get("/actuator/health/liveness").status()).isEqualTo(200);

            Api.Response registered = manager.post("/api/services", Map.of("name", CrashingReadModel.NAME, "vendor", "Moln AB",
                    "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna"));
            assertThat(registered.status()).as("recorded, not shown: the read model died on it").isEqualTo(202);

            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> manager.get("/actuator/health/liveness").status() == 503);
            Api.Response liveness = molnkoll.api().as("admin").get("/actuator/health/liveness");
            assertThat(liveness.json().at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
            assertThat(liveness.json().at("/components/eventProcessors/details/stoppedInError").toString())
                    .contains(ReadModels.REGISTER);
        }
    }

    @Test
    void an_out_of_memory_error_ends_the_process_and_any_other_error_breaks_liveness() throws Exception {
        List<Object> published = new CopyOnWriteArrayList<>();
        AtomicInteger halted = new AtomicInteger(-1);
        FatalErrors errors = new FatalErrors(published::add, halted::set);
        try {
            Thread overflow = new Thread(() -> {
                throw new StackOverflowError("simulated");
            }, "overflowing");
            overflow.start();
            overflow.join();
            assertThat(halted.get()).as("not halted for a stack overflow").isEqualTo(-1);
            assertThat(published).singleElement().satisfies(event -> assertThat(
                    ((AvailabilityChangeEvent<?>) event).getState()).isEqualTo(LivenessState.BROKEN));

            Thread outOfMemory = new Thread(() -> {
                throw new OutOfMemoryError("simulated");
            }, "out-of-memory");
            outOfMemory.start();
            outOfMemory.join();
            assertThat(halted.get()).isEqualTo(FatalErrors.OUT_OF_MEMORY_STATUS);

            Thread exception = new Thread(() -> {
                throw new IllegalStateException("an exception, not an error");
            }, "exception");
            exception.start();
            exception.join();
            assertThat(published).as("an exception a thread dies of is no sign of a broken process").hasSize(1);
        } finally {
            errors.destroy();
        }
    }

    /** A read model of the test's own in the register's processor, which dies of an Error on one service. */
    @Configuration(proxyBeanMethods = false)
    static class CrashingReadModel {
        static final String NAME = "Tjänsten som fäller läsmodellen";

        @Bean
        Crash crash() {
            return new Crash();
        }

        @ProcessingGroup(ReadModels.REGISTER)
        static class Crash {
            @EventHandler
            void on(CloudServiceRegistered registered) {
                if (registered.name().equals(NAME)) throw new StackOverflowError("simulated: the read model's thread dies");
            }
        }
    }
}
