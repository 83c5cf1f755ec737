package dev.spindle.net;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A child process's stdout or stderr as the parent reads it: Node's {@code child.stdout}, with
 * backpressure. A pump thread reads the pipe into a few fixed buffers and hands each filled one to
 * the loop; a buffer goes back to the pump only once the data listener has had it. So while the
 * stream is {@linkplain #pause() paused} (or has no data listener yet), or the loop is slow, the
 * pump runs out of buffers and stops reading, the pipe fills, and the child blocks in its write:
 * at most {@link SpawnOptions#highWaterMark()} bytes wait in the parent, however much the child writes.
 *
 * <p>Events: {@code data} for each chunk, then {@code end} once the child closed its side and
 * every chunk was delivered; {@code error} if reading failed. Loop thread only: every method is
 * called on the loop's thread, and every listener runs there.
 */
public interface ReadablePipe {

    /**
     * Sets the data listener and starts the flow unless paused. The buffer is valid only during
     * the call (its array goes back to the pump afterwards): copy what you keep.
     */
    ReadablePipe onData(Consumer<ByteBuffer> listener);

    /** Sets a data listener that receives a copy of each chunk as an array; see {@link #onData}. */
    ReadablePipe onBytes(Consumer<byte[]> listener);

    /** Sets the listener for the end of the data: the child closed its side and everything was delivered. */
    ReadablePipe onEnd(Runnable listener);

    /** Sets the listener for a read error; none is also reported as an uncaught exception. */
    ReadablePipe onError(Consumer<Throwable> listener);

    /** Stops delivering chunks; the pump stops reading once its buffers are full. Idempotent. */
    ReadablePipe pause();

    /** Delivers the held chunks, then new ones as they come. Idempotent. */
    ReadablePipe resume();

    /** Whether {@link #pause()} is in effect. */
    boolean isPaused();

    /** Bytes read from the pipe and not yet delivered (Node's {@code readableLength}); at most about the high-water mark. */
    long bufferedBytes();

    /** Bytes delivered to the data listener so far. */
    long bytesRead();

    /** Whether {@code end} has been emitted. */
    boolean isEnded();
}
