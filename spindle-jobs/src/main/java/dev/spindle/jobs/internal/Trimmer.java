package dev.spindle.jobs.internal;

import dev.spindle.jobs.Retention;
import java.lang.System.Logger.Level;

/**
 * Applies the retention limits after jobs finish: one trim at a time, and one more after it if jobs
 * finished meanwhile, so bursts of finishing jobs cost a few deletes, not one each. Loop thread only.
 */
final class Trimmer {

    private final DefaultJobQueue queue;
    private final Retention retention;
    private final java.util.List<dev.spindle.loop.Promise<Void>> idleWaiters = new java.util.ArrayList<>();
    private boolean trimming;
    private boolean again;

    Trimmer(DefaultJobQueue queue, Retention retention) {
        this.queue = queue;
        this.retention = retention;
    }

    /** Jobs finished: trim now, or after the running trim. */
    void finished() {
        if (retention.keepsEverything()) {
            return;
        }
        if (trimming) {
            again = true;
            return;
        }
        trimming = true;
        again = false;
        queue.store().trim(retention, queue.clock().now())
                .onFailure(error -> DefaultJobQueue.LOG.log(Level.WARNING, "could not remove finished jobs: " + error))
                .andFinally(() -> {
                    trimming = false;
                    if (again) {
                        finished();
                    } else {
                        java.util.List<dev.spindle.loop.Promise<Void>> waiters = java.util.List.copyOf(idleWaiters);
                        idleWaiters.clear();
                        waiters.forEach(waiter -> waiter.resolve(null));
                    }
                })
                .onFailure(error -> { });
    }

    /** Settles once no trim is running. */
    dev.spindle.loop.Promise<Void> idle() {
        dev.spindle.loop.Promise<Void> idle = queue.loop().promise();
        if (trimming) {
            idleWaiters.add(idle);
        } else {
            idle.resolve(null);
        }
        return idle;
    }
}
