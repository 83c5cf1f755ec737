package dev.spindle.jobs;

import dev.spindle.loop.Loop;
import dev.spindle.workers.ParentChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A worker process for {@link KillNineRecoveryTest}: opens the job database named by its first
 * argument, takes jobs named "work" ({@code concurrency} at a time, leases of {@code leaseMillis}),
 * tells the parent which job it started, and never finishes one: it is killed mid-job.
 */
public final class JobChild {

    private JobChild() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[1]));
        int concurrency = Integer.parseInt(args[2]);
        ParentChannel channel = ParentChannel.open();
        try (Loop loop = Loop.create()) {
            JobQueue queue = JobQueue.open(loop, file, JobQueueOptions.builder().leaseDuration(lease).build());
            queue.process("work", concurrency, job -> {
                channel.send(Map.of("started", job.id().value(), "attempt", job.attempt(), "pid", ProcessHandle.current().pid()));
                return loop.promise(); // works "forever": the parent kills this process mid-job
            });
            loop.run();
        }
    }
}
