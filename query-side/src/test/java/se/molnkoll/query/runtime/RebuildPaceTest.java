package se.molnkoll.query.runtime;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rebuild's transactions take turns: one at a time here, nested ones within their thread's turn. */
class RebuildPaceTest {

    private final RebuildPace.Turns turns = new RebuildPace.Turns(1);
    private final RebuildPace pace = new RebuildPace(NoTransactionManager.INSTANCE, turns);

    @Test
    void a_second_thread_waits_until_the_first_has_ended_its_transaction() throws Exception {
        Transaction first = pace.startTransaction();
        CompletableFuture<Transaction> second = CompletableFuture.supplyAsync(pace::startTransaction);

        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        first.commit();
        second.get(5, TimeUnit.SECONDS).rollback();
        assertThat(turns.free()).isEqualTo(1);
    }

    @Test
    void a_transaction_begun_within_one_needs_no_turn_of_its_own_and_a_turn_is_given_back_once() {
        Transaction outer = pace.startTransaction();
        Transaction inner = pace.startTransaction();
        inner.commit();
        assertThat(turns.free()).as("the outer one still holds the turn").isZero();
        outer.commit();
        outer.rollback(); // Axon rolls back a unit of work whose commit failed: the turn is not given back twice
        assertThat(turns.free()).isEqualTo(1);
    }

    @Test
    void catching_up_no_transaction_waits_and_a_turn_taken_before_is_still_given_back() throws Exception {
        Transaction paced = pace.startTransaction();
        turns.pace(false);
        CompletableFuture.supplyAsync(pace::startTransaction).get(5, TimeUnit.SECONDS).commit();
        paced.commit();
        assertThat(turns.free()).isEqualTo(1);
        turns.pace(true);
        pace.startTransaction().commit();
        assertThat(turns.free()).isEqualTo(1);
    }
}
