package dev.spindle.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CPU work on the workers does not hold the loop: a loop timer fires while every worker is busy
 * computing. Proven by order, not by timing: the tasks spin until the timer's callback lets them
 * stop, so if the loop were blocked, the timer could never fire and the tasks never finish.
 */
class LoopStaysFreeTest {

    private final LoopFixture fixture = new LoopFixture();
    private final Loop loop = fixture.loop;
    private final Workers workers = Workers.create(loop,
            WorkerPoolOptions.builder().name("cpu").minThreads(2).maxThreads(2).build());

    @AfterEach
    void tearDown() {
        workers.close();
        fixture.close();
    }

    @Test
    void aLoopTimerFiresWhileEveryWorkerIsBusy() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger activeWhenTimerFired = new AtomicInteger(-1);
        List<Promise<Long>> tasks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            tasks.add(workers.run(() -> {
                long sum = 0;
                if (running.incrementAndGet() == 2) {
                    loop.execute(() -> {                   // both are computing: arm a timer on the loop
                        events.add("workers busy");
                        loop.setTimeout(() -> {
                            events.add("timer fired");
                            activeWhenTimerFired.set(workers.stats().active());
                            stop.set(true);
                        }, 5);
                    });
                }
                for (long n = 0; !stop.get(); n++) {       // CPU work until the loop's timer says stop
                    sum += n ^ (sum >>> 3);
                }
                return sum;
            }));
        }
        AtomicInteger done = new AtomicInteger();
        tasks.forEach(task -> task.then(sum -> {
            if (done.incrementAndGet() == 2) {
                events.add("workers done");
            }
        }));
        fixture.run();
        assertThat(events).containsExactly("workers busy", "timer fired", "workers done");
        assertThat(activeWhenTimerFired.get()).isEqualTo(2);
    }
}
