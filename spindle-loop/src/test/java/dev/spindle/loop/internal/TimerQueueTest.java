package dev.spindle.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.LoopOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    private final EventLoop loop = new EventLoop(LoopOptions.DEFAULTS);
    private final TimerQueue queue = new TimerQueue();

    @AfterEach
    void close() {
        loop.close();
    }

    private TimerHandle timer(long deadline) {
        TimerHandle timer = new TimerHandle(loop, queue, () -> {}, 1, false);
        timer.deadline = deadline;
        timer.sequence = queue.nextSequence();
        return timer;
    }

    @Test
    void popsByDeadlineThenCreationOrderUnderRandomInsertsAndRemovals() {
        Random random = new Random(42);
        List<TimerHandle> alive = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            TimerHandle timer = timer(random.nextInt(100));
            queue.add(timer);
            alive.add(timer);
            if (random.nextInt(4) == 0) {
                TimerHandle removed = alive.remove(random.nextInt(alive.size()));
                queue.remove(removed);
                assertThat(removed.heapIndex).isEqualTo(-1);
            }
        }
        List<TimerHandle> due = new ArrayList<>();
        queue.moveDueTo(Long.MAX_VALUE, due);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(due).hasSameSizeAs(alive);
        for (int i = 1; i < due.size(); i++) {
            TimerHandle a = due.get(i - 1);
            TimerHandle b = due.get(i);
            assertThat(a.deadline < b.deadline || (a.deadline == b.deadline && a.sequence < b.sequence)).isTrue();
        }
    }

    @Test
    void moveDueToTakesOnlyWhatIsDue() {
        queue.add(timer(10));
        queue.add(timer(20));
        queue.add(timer(30));
        List<TimerHandle> due = new ArrayList<>();
        queue.moveDueTo(20, due);
        assertThat(due).extracting(t -> t.deadline).containsExactly(10L, 20L);
        assertThat(due).allMatch(t -> t.due);
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.nextDeadline()).isEqualTo(30);
    }

    @Test
    void removingTwiceIsHarmless() {
        TimerHandle timer = timer(5);
        queue.add(timer);
        queue.remove(timer);
        queue.remove(timer);
        assertThat(queue.isEmpty()).isTrue();
    }
}
