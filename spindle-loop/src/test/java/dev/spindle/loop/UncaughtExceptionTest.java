package dev.spindle.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UncaughtExceptionTest {

    @Test
    void aThrowingCallbackNeitherStopsTheLoopNorSkipsItsPhaseSiblings() {
        try (VirtualLoop v = new VirtualLoop()) {
            List<Throwable> uncaught = new ArrayList<>();
            v.loop.onUncaughtException(uncaught::add);
            v.loop.setTimeout(() -> { throw new IllegalStateException("timer"); }, 5);
            v.loop.setTimeout(v.record("timer sibling"), 5);
            v.loop.setImmediate(() -> { throw new IllegalStateException("immediate"); });
            v.loop.setImmediate(v.record("immediate sibling"));
            v.loop.setImmediate(() -> v.loop.nextTick(() -> { throw new IllegalStateException("tick"); }));
            v.loop.setImmediate(() -> v.loop.queueMicrotask(() -> { throw new IllegalStateException("micro"); }));
            v.loop.setImmediate(v.record("after"));
            v.loop.run();
            assertThat(v.log).containsExactly("immediate sibling", "after", "timer sibling");
            assertThat(uncaught).extracting(Throwable::getMessage).containsExactly("immediate", "tick", "micro", "timer");
        }
    }

    @Test
    void theDefaultHandlerLogsAndKeepsRunning() {
        try (VirtualLoop v = new VirtualLoop()) {
            v.loop.setImmediate(() -> { throw new IllegalStateException("logged, not fatal"); });
            v.loop.setTimeout(v.record("still running"), 10);
            v.loop.run();
            assertThat(v.log).containsExactly("still running");
        }
    }

    @Test
    void stopOnUncaughtExceptionEndsRunWithTheCause() {
        try (VirtualLoop v = new VirtualLoop(LoopOptions.builder().stopOnUncaughtException(true))) {
            v.loop.setImmediate(() -> { throw new IllegalStateException("fatal"); });
            v.loop.setTimeout(v.record("never"), 10);
            assertThatThrownBy(v.loop::run)
                    .isInstanceOf(LoopException.class)
                    .hasRootCauseMessage("fatal");
            assertThat(v.log).isEmpty();
        }
    }

    @Test
    void aThrowingHandlerDoesNotKillTheLoop() {
        try (VirtualLoop v = new VirtualLoop()) {
            v.loop.onUncaughtException(e -> { throw new IllegalArgumentException("handler broke"); });
            v.loop.setImmediate(() -> { throw new IllegalStateException("first"); });
            v.loop.setImmediate(v.record("second"));
            v.loop.run();
            assertThat(v.log).containsExactly("second");
        }
    }
}
