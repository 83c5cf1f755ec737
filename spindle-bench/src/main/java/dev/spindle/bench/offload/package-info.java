/**
 * The offload benchmarks' shapes: empty tasks sent to the worker pool or the blocking pool and back
 * ({@link dev.spindle.bench.offload.RoundTrips}), and jobs through the SQLite job queue
 * ({@link dev.spindle.bench.offload.JobRun}), shared by the JMH benchmarks and the tests.
 */
package dev.spindle.bench.offload;
