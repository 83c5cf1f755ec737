package dev.spindle.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Loop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A child writes 100 MB to a consumer slower than it: the parent holds at most the high-water mark
 * (measured in the pump's own count of buffered bytes, not on the heap), the child is held back
 * while the consumer is paused, and every byte arrives.
 */
class ChildProcessBackpressureTest {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    private static final int HIGH_WATER_MARK = 64 * 1024;

    private final NetFixture fixture = new NetFixture();
    private final Loop loop = fixture.loop;

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aSlowConsumerHoldsTheChildBackAndMemoryStaysBounded() {
        ChildProcess child = ChildProcess.spawn(loop, "head", List.of("-c", Long.toString(HUNDRED_MB), "/dev/zero"),
                SpawnOptions.builder().highWaterMark(HIGH_WATER_MARK).build());
        ReadablePipe stdout = child.stdout();
        AtomicLong received = new AtomicLong();
        AtomicLong maxBuffered = new AtomicLong();
        AtomicLong chunks = new AtomicLong();
        List<String> checks = new ArrayList<>();
        AtomicReference<ExitStatus> closed = new AtomicReference<>();

        stdout.pause(); // paused from the start: the pump fills its buffers, then the pipe fills, then the child blocks
        stdout.onData(chunk -> {
            maxBuffered.accumulateAndGet(stdout.bufferedBytes(), Math::max);
            received.addAndGet(chunk.remaining());
            if (chunks.incrementAndGet() % 64 == 0) { // slow: a pause and a later turn every 64 chunks
                stdout.pause();
                loop.setTimeout(stdout::resume, 1);
            }
        });
        child.onClose(closed::set);
        loop.setTimeout(() -> {
            // 100 ms paused: the child cannot have written 100 MB into a 64 KiB pipe plus 64 KiB of buffers.
            checks.add("paused: child running " + child.exitStatus().isEmpty()
                    + ", buffered within the mark " + (stdout.bufferedBytes() <= HIGH_WATER_MARK)
                    + ", delivered " + received.get());
            stdout.resume();
        }, 100);
        fixture.run();

        assertThat(checks).containsExactly("paused: child running true, buffered within the mark true, delivered 0");
        assertThat(received.get()).isEqualTo(HUNDRED_MB);
        assertThat(stdout.bytesRead()).isEqualTo(HUNDRED_MB);
        assertThat(maxBuffered.get()).isPositive().isLessThanOrEqualTo(HIGH_WATER_MARK);
        assertThat(stdout.bufferedBytes()).isZero();
        assertThat(closed.get().isSuccess()).isTrue();
    }
}
