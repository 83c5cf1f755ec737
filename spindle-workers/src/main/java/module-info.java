/**
 * CPU work off the loop. {@link dev.spindle.workers.Workers} runs tasks on a bounded pool of
 * platform threads, separate from the loop's blocking pool, and settles their promises on the
 * calling loop; {@link dev.spindle.workers.Cancellation} cancels them. Public API in
 * {@code dev.spindle.workers}; the observer hook the monitor uses in {@code dev.spindle.workers.spi};
 * everything else is internal.
 */
module dev.spindle.workers {
    requires transitive dev.spindle.loop;

    exports dev.spindle.workers;
    exports dev.spindle.workers.spi;
}
