package dev.spindle.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImmediateQueueTest {

    private final ImmediateQueue queue = new ImmediateQueue();
    private final List<Integer> ran = new ArrayList<>();

    private Runnable record(int n) {
        return () -> ran.add(n);
    }

    @Test
    void keepsOrderAcrossGrowthWithClearedSlots() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(queue.add(record(i)));
            if (i % 3 == 0) {
                assertThat(queue.clear(ids.get(i))).isTrue();
            }
        }
        Runnable next;
        long end = queue.end();
        while ((next = queue.pollBefore(end)) != null) {
            next.run();
        }
        assertThat(ran).hasSize(666).isSorted().doesNotContain(0, 3, 999);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void pollBeforeStopsAtTheGivenEnd() {
        queue.add(record(1));
        long end = queue.end();
        queue.add(record(2));
        queue.pollBefore(end).run();
        assertThat(queue.pollBefore(end)).isNull();
        assertThat(queue.isEmpty()).isFalse();
        queue.pollBefore(queue.end()).run();
        assertThat(ran).containsExactly(1, 2);
    }

    @Test
    void idsAreUniqueAndStaleIdsCannotClearNewEntries() {
        long first = queue.add(record(1));
        queue.pollBefore(queue.end());
        for (int i = 0; i < 64; i++) {
            queue.add(record(i)); // wraps around the ring onto the first slot
        }
        assertThat(queue.clear(first)).isFalse();
        assertThat(queue.isEmpty()).isFalse();
    }
}
