/**
 * CPU work off the loop. {@link dev.spindle.workers.Workers} runs tasks on a bounded pool of
 * platform threads, separate from the loop's blocking pool, and settles their promises on the
 * calling loop; {@link dev.spindle.workers.Cancellation} cancels them.
 * {@link dev.spindle.workers.ForkedProcess} starts a Java worker process with a JSON-lines message
 * channel, and {@link dev.spindle.workers.ParentChannel} is that channel's child side. Public API in
 * {@code dev.spindle.workers}; the observer hook the monitor uses in {@code dev.spindle.workers.spi};
 * everything else is internal.
 */
module dev.spindle.workers {
    requires transitive dev.spindle.loop;
    requires transitive dev.spindle.net;
    requires com.fasterxml.jackson.databind;

    exports dev.spindle.workers;
    exports dev.spindle.workers.spi;
}
