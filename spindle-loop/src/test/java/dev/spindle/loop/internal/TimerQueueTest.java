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

    /** Schedules a timer of {@code delay} at loop time {@code now}, as the loop does. */
    private TimerHandle schedule(long delay, long now) {
        TimerHandle timer = new TimerHandle(loop, queue, () -> {}, delay, false);
        timer.deadline = now + delay;
        timer.sequence = queue.nextSequence();
        queue.add(timer);
        return timer;
    }

    private static boolean inOrder(TimerHandle a, TimerHandle b) {
        return a.deadline < b.deadline || (a.deadline == b.deadline && a.sequence < b.sequence);
    }

    @Test
    void firesByDeadlineThenCreationOrderUnderRandomDelaysAndRemovals() {
        Random random = new Random(42);
        List<TimerHandle> alive = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < 20_000; i++) {
            now += random.nextInt(3);
            alive.add(schedule(1 + random.nextInt(60), now));
            if (random.nextInt(4) == 0) {
                TimerHandle removed = alive.remove(random.nextInt(alive.size()));
                queue.remove(removed);
                assertThat(removed.list).isNull();
            }
        }
        assertThat(queue.size()).isEqualTo(alive.size());
        List<TimerHandle> due = new ArrayList<>();
        queue.moveDueTo(Long.MAX_VALUE, due);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(due).hasSameSizeAs(alive).containsExactlyInAnyOrderElementsOf(alive);
        for (int i = 1; i < due.size(); i++) {
            assertThat(inOrder(due.get(i - 1), due.get(i))).as("timer %d before %d", i - 1, i).isTrue();
        }
    }

    @Test
    void equalDeadlinesOfDifferentDelaysFireInCreationOrder() {
        TimerHandle first = schedule(10, 0);   // due at 10
        TimerHandle second = schedule(5, 5);   // due at 10, created later
        TimerHandle third = schedule(10, 0);   // due at 10, created last
        List<TimerHandle> due = new ArrayList<>();
        queue.moveDueTo(10, due);
        assertThat(due).containsExactly(first, second, third);
    }

    @Test
    void moveDueToTakesOnlyWhatIsDue() {
        schedule(10, 0);
        schedule(20, 0);
        schedule(30, 0);
        List<TimerHandle> due = new ArrayList<>();
        queue.moveDueTo(20, due);
        assertThat(due).extracting(t -> t.deadline).containsExactly(10L, 20L);
        assertThat(due).allMatch(t -> t.due);
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.nextDeadline()).isEqualTo(30);
    }

    @Test
    void removingTheHeadOfAListKeepsTheRestInOrderAndRemovingTwiceIsHarmless() {
        TimerHandle head = schedule(10, 0);
        TimerHandle next = schedule(10, 3);
        TimerHandle other = schedule(12, 0);
        queue.remove(head);
        queue.remove(head);
        assertThat(queue.nextDeadline()).isEqualTo(12);
        List<TimerHandle> due = new ArrayList<>();
        queue.moveDueTo(100, due);
        assertThat(due).containsExactly(other, next);
        assertThat(queue.isEmpty()).isTrue();
    }
}
