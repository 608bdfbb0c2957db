package se.molnkoll.command.runtime;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.command.UnknownEvidenceException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures a command is retried on. */
class RetryOnConcurrentChangeTest {

    @Test
    void only_a_collision_with_a_concurrent_change_is_retried() {
        assertThat(RetryOnConcurrentChange.lostARace(new ConcurrencyException("sequence 7 taken"))).isTrue();
        assertThat(RetryOnConcurrentChange.lostARace(new CommandExecutionException("wrapped",
                new ConcurrencyException("sequence 7 taken")))).isTrue();
        assertThat(RetryOnConcurrentChange.lostARace(new AggregateStreamCreationException("registered twice"))).isFalse();
        assertThat(RetryOnConcurrentChange.lostARace(new IllegalStateException("a bug"))).isFalse();
        assertThat(RetryOnConcurrentChange.lostARace(new UnknownEvidenceException(CloudServiceId.random(), EvidenceId.random()))).isFalse();
    }
}
