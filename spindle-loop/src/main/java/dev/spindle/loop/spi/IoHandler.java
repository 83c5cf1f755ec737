package dev.spindle.loop.spi;

/**
 * Receives I/O readiness for a channel registered with {@link LoopSpi#register}; the TCP layer
 * implements it. Called on the loop thread, in the poll phase, through the loop's dispatch.
 */
public interface IoHandler {

    /** The channel is ready for {@code readyOps} ({@link java.nio.channels.SelectionKey} bits). */
    void onReady(int readyOps);

    /** The label the observer sees while {@link #onReady} runs. */
    default String label() {
        return "io";
    }
}
