package dev.spindle.jobs.internal;

import dev.spindle.jobs.JobEvent;
import dev.spindle.jobs.JobsException;
import dev.spindle.jobs.spi.Lease;
import dev.spindle.jobs.spi.Recovered;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Timer;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The queue's two lease duties while it has processors: renew the leases of its running jobs every
 * third of the lease (one store call for all of them), and recover other jobs whose lease expired
 * (their process died), every stalled interval. Both timers are unreferenced: the processors keep
 * the loop alive. Loop thread only.
 */
final class Leases {

    private final DefaultJobQueue queue;
    private final Loop loop;
    private Timer heartbeat;
    private Timer sweeper;
    private boolean renewing;
    private boolean sweeping;

    Leases(DefaultJobQueue queue) {
        this.queue = queue;
        this.loop = queue.loop();
    }

    /** Starts both duties (idempotent), with a first look for expired leases right away. */
    void start() {
        if (heartbeat != null) {
            return;
        }
        long lease = queue.options().leaseDuration().toMillis();
        heartbeat = loop.setInterval(this::renew, Math.max(10, lease / 3)).unref();
        sweeper = loop.setInterval(this::recoverStalled, queue.options().stalledInterval().toMillis()).unref();
        loop.setImmediate(this::recoverStalled);
    }

    void stop() {
        if (heartbeat != null) {
            heartbeat.close();
            sweeper.close();
            heartbeat = null;
            sweeper = null;
        }
    }

    private void renew() {
        List<ActiveJob> running = new ArrayList<>();
        queue.processors().forEach(processor -> processor.activeJobs().forEach(running::add));
        if (running.isEmpty() || renewing) {
            return;
        }
        renewing = true;
        long until = queue.clock().now() + queue.options().leaseDuration().toMillis();
        queue.store().extendLeases(running.stream().map(job -> job.lease).toList(), until)
                .then(lost -> {
                    Set<Lease> gone = new HashSet<>(lost);
                    for (ActiveJob job : running) {
                        if (gone.contains(job.lease) && !job.ended()) {
                            DefaultJobQueue.LOG.log(Level.WARNING, "the lease of " + job + " was lost; its outcome will be discarded");
                            job.cancellation().cancel(new JobsException("the lease of " + job + " was lost"));
                        }
                    }
                })
                .onFailure(error -> DefaultJobQueue.LOG.log(Level.WARNING, "could not renew job leases (will retry): " + error))
                .andFinally(() -> renewing = false)
                .onFailure(error -> { });
    }

    private void recoverStalled() {
        if (sweeping || heartbeat == null) {
            return;
        }
        sweeping = true;
        queue.store().recoverStalled(queue.clock().now(), queue.options().maxStalls())
                .then(recovered -> {
                    for (Recovered one : recovered) {
                        queue.emit(new JobEvent.Stalled(one.job().id(), one.job().name(), one.job().stalls(), one.failed()));
                        if (one.failed()) {
                            queue.finished();
                        } else {
                            queue.wake(one.job().name(), one.job().runAt());
                        }
                    }
                    queue.finished(); // retention by age needs a look now and then, too
                })
                .onFailure(error -> DefaultJobQueue.LOG.log(Level.WARNING, "could not recover stalled jobs (will retry): " + error))
                .andFinally(() -> sweeping = false)
                .onFailure(error -> { });
    }
}
