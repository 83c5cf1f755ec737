package dev.spindle.jobs;

/**
 * Runs a job on a worker thread ({@link dev.spindle.workers.Workers}), for CPU-bound work. It may
 * block and compute; it must not touch loop-owned objects (see {@link dev.spindle.workers.Workers}).
 * The return value is the job's result (stored as JSON by Jackson); an exception fails the attempt.
 * A timeout interrupts the thread: long loops should check {@link Thread#interrupted()}.
 */
@FunctionalInterface
public interface WorkerJobHandler {

    Object call(JobContext job) throws Exception;
}
