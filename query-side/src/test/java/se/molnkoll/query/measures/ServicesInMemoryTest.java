package se.molnkoll.query.measures;

import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.Phase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows held in memory make room for a rebuild beside them, and take it back after; a batch's are kept throughout. */
class ServicesInMemoryTest {

    private final AtomicInteger loads = new AtomicInteger();

    /** A service with ten rows, as read from the database. */
    private ServiceMeasures tenRows(String id) {
        loads.incrementAndGet();
        List<ApplicableMeasure> rows = new ArrayList<>();
        for (int m = 1; m <= 10; m++) rows.add(ApplicableMeasure.held(m, Instant.EPOCH, id, m, Phase.ACQUIRE));
        return new ServiceMeasures(id, rows, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private void event(ServicesInMemory memory, String id, long sequence) {
        memory.forEvent(id, sequence, () -> tenRows(id));
        memory.written(List.of(id));
    }

    @Test
    void making_room_lets_the_least_recently_used_go_down_to_a_tenth_and_taking_it_back_holds_them_all_again() {
        ServicesInMemory memory = ServicesInMemory.bounded(1_000);
        for (int s = 0; s < 100; s++) event(memory, "s" + s, 1);
        assertThat(loads).hasValue(100);

        memory.shareAtMost(0.1);
        loads.set(0);
        for (int s = 90; s < 100; s++) event(memory, "s" + s, 2);
        assertThat(loads).as("the ten most recently used are still held").hasValue(0);
        event(memory, "s0", 2);
        assertThat(loads).as("the others were let go").hasValue(1);

        memory.shareAtMost(1);
        loads.set(0);
        for (int s = 0; s < 100; s++) event(memory, "s" + s, 3);
        for (int s = 0; s < 100; s++) event(memory, "s" + s, 4);
        assertThat(loads).as("the ninety let go read back once each, then all held again").hasValue(90);
    }

    @Test
    void letting_go_keeps_the_services_of_a_batch_under_way() {
        ServicesInMemory memory = ServicesInMemory.bounded(1_000);
        event(memory, "written", 1);
        memory.forEvent("in batch", 1, () -> tenRows("in batch")); // not yet written

        memory.letGo();
        loads.set(0);
        memory.forEvent("in batch", 2, () -> tenRows("in batch"));
        assertThat(loads).as("the batch's rows, not in the database yet, are kept").hasValue(0);
        memory.forEvent("written", 2, () -> tenRows("written"));
        assertThat(loads).hasValue(1);
    }
}
