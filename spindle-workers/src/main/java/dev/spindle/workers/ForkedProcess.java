package dev.spindle.workers;

import dev.spindle.loop.Loop;
import dev.spindle.net.ChildProcess;
import dev.spindle.workers.internal.Forks;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Java worker in its own process, with a message channel to it: Node's {@code child_process.fork}
 * and {@code process.send}. The child is a new JVM (the same {@code java} binary, the parent's class
 * path and module path) running {@code mainClass}, which talks back through {@link ParentChannel}.
 * A crash, a leak or a {@code System.exit} in the child cannot touch the parent.
 *
 * <p><b>The channel</b> is JSON lines over the child's stdin and stdout: each message is one value
 * serialized by Jackson (a record, a map, a list, a string, a number) on one line. The child's
 * {@code System.out} is redirected to its stderr when it opens its {@link ParentChannel}, so a stray
 * print cannot corrupt the channel; the child's stderr goes to the parent's by default. Records
 * sent either way must be readable by Jackson (public, or in a package open to it). Reading the
 * child's messages has the backpressure of {@link dev.spindle.net.ReadablePipe}; {@link #send}
 * reports the child's as {@link dev.spindle.net.WritablePipe#write} does.
 *
 * <p>Loop thread only: every method is called on the loop's thread, and every listener runs there.
 * {@link #process()} gives the exit event, {@code kill}, the timeout and the handle's ref.
 */
public interface ForkedProcess {

    /**
     * Starts a JVM running {@code mainClass} with {@code args}. The class must have a {@code main}
     * method and be on the parent's class path or module path.
     *
     * @throws dev.spindle.net.ChildProcessException when the JVM cannot be started
     */
    static ForkedProcess fork(Loop loop, Class<?> mainClass, List<String> args, ForkOptions options) {
        return Forks.fork(loop, mainClass, args, options);
    }

    /** {@link #fork(Loop, Class, List, ForkOptions)} with the default options. */
    static ForkedProcess fork(Loop loop, Class<?> mainClass, List<String> args) {
        return fork(loop, mainClass, args, ForkOptions.DEFAULTS);
    }

    /**
     * Sends {@code message} to the child as one JSON line. Returns false once the child's unread
     * input is at the high-water mark (wait for {@link #onDrain}), as a stream write does.
     *
     * @throws IllegalArgumentException when Jackson cannot serialize the message
     */
    boolean send(Object message);

    /**
     * Sets the message listener: each line from the child is decoded as {@code type} (use
     * {@code Object.class} for maps, lists and plain values, or Jackson's {@code JsonNode}). A line
     * that does not decode goes to the error listener. The child's output is read only once this
     * is set: until then its messages wait in the pipe (the child blocks when it is full), and the
     * process's {@code close} waits too.
     */
    <T> ForkedProcess onMessage(Class<T> type, Consumer<? super T> listener);

    /** Sets the listener for {@code drain}: the child has read what {@link #send} queued. */
    ForkedProcess onDrain(Runnable listener);

    /** Sets the listener for channel errors: an undecodable or oversized line, a write to a child that is gone. */
    ForkedProcess onError(Consumer<Throwable> listener);

    /** Closes the channel to the child: its {@link ParentChannel#receive} returns empty. Idempotent. */
    void disconnect();

    /** The child process: its exit and close events, {@code kill}, {@code pid}, stderr. */
    ChildProcess process();
}
