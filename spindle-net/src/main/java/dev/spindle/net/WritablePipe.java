package dev.spindle.net;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A child process's stdin as the parent writes it: Node's {@code child.stdin}. A write copies the
 * bytes to a queue that a writer thread feeds into the pipe; {@link #write} returns false once
 * {@link SpawnOptions#highWaterMark()} bytes or more are queued, and {@code drain} fires when the
 * queue has emptied, as {@link TcpSocket} does. Writing on after false queues more, without
 * bound: wait for {@code drain}.
 *
 * <p>A write that fails (the child exited or closed its stdin: {@value NetException#EPIPE}) emits
 * {@code error}; with no error listener it goes to the child process's error listener, else to the
 * loop's uncaught-exception handler. Loop thread only.
 */
public interface WritablePipe {

    /** Queues the buffer's remaining bytes; false when the queue is at or past the high-water mark. */
    boolean write(ByteBuffer data);

    /** Queues the array; see {@link #write(ByteBuffer)}. */
    boolean write(byte[] data);

    /** Queues the string as UTF-8; see {@link #write(ByteBuffer)}. */
    boolean write(String data);

    /** Closes the pipe after the queued bytes: the child reads end-of-file. Idempotent. */
    void end();

    /** Sets the listener for {@code drain}: the queue emptied after {@link #write} returned false. */
    WritablePipe onDrain(Runnable listener);

    /** Sets the listener for write errors. */
    WritablePipe onError(Consumer<Throwable> listener);

    /** Bytes queued and not yet written to the pipe (Node's {@code writableLength}). */
    long bufferedBytes();

    /** Whether {@link #end()} has been called. */
    boolean isEnded();
}
