package dev.spindle.workers;

import dev.spindle.loop.Loop;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.workers.internal.JsonLines;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The child's side of a {@link ForkedProcess} channel: Node's {@code process.send} and
 * {@code process.on('message')}. Open it first thing in {@code main}: {@link #open()} takes the
 * process's stdin and stdout for the channel and points {@code System.out} at stderr, so later
 * prints cannot corrupt it (anything printed to stdout before is read by the parent as a bad line).
 *
 * <p>Two ways to read: {@link #receive} blocks for the next message (a plain worker loop), or
 * {@link #onMessage(Loop, Class, Consumer)} delivers them on a Spindle loop. {@link #send} may be
 * called from any thread; each message is written and flushed whole.
 */
public final class ParentChannel implements AutoCloseable {

    /** The environment variable a forked child sees set to {@code 1}. */
    public static final String FORKED_ENV = "SPINDLE_FORKED";

    /** In-flight messages a loop reader decodes ahead of the loop before it stops reading. */
    private static final int READ_AHEAD = 16;

    private static ParentChannel instance;

    private final InputStream in;
    private final OutputStream out;
    private final int maxMessageBytes;

    private ParentChannel(InputStream in, OutputStream out, int maxMessageBytes) {
        this.in = in;
        this.out = out;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Whether this JVM was started by {@link ForkedProcess#fork}. */
    public static boolean isForked() {
        return "1".equals(System.getenv(FORKED_ENV));
    }

    /**
     * The channel to the parent; the first call takes over stdin and stdout (see the class comment),
     * later calls return the same channel. Any thread.
     */
    public static synchronized ParentChannel open() {
        if (instance == null) {
            System.out.flush();
            InputStream stdin = System.in;
            OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
            System.setIn(InputStream.nullInputStream());
            instance = new ParentChannel(stdin, stdout, ForkOptions.DEFAULT_MAX_MESSAGE_BYTES);
        }
        return instance;
    }

    /**
     * Sends {@code message} to the parent as one JSON line and flushes it. Any thread.
     *
     * @throws IllegalArgumentException when Jackson cannot serialize it
     * @throws UncheckedIOException when the parent is gone
     */
    public void send(Object message) {
        byte[] line = JsonLines.encode(Objects.requireNonNull(message, "message"));
        synchronized (out) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the parent closed the channel", e);
            }
        }
    }

    /**
     * Blocks for the parent's next message, decoded as {@code type}; empty once the parent has
     * disconnected (or exited). One reader at a time.
     *
     * @throws UncheckedIOException when the line cannot be read or decoded
     */
    public <T> Optional<T> receive(Class<T> type) {
        synchronized (in) {
            try {
                byte[] line = JsonLines.readLine(in, maxMessageBytes);
                return line == null ? Optional.empty() : Optional.of(JsonLines.decode(line, 0, line.length, type));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a message from the parent: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Delivers the parent's messages on {@code loop}, in order, through its dispatch, until the
     * parent disconnects; meanwhile the loop stays alive. A reader thread decodes a few messages
     * ahead and then waits for the loop. A line that does not decode goes to the loop's
     * uncaught-exception handler. Call once, on the loop's thread.
     */
    public <T> void onMessage(Loop loop, Class<T> type, Consumer<? super T> listener) {
        if (!loop.inLoop()) {
            throw new IllegalStateException("loop-thread only; called from " + Thread.currentThread().getName());
        }
        LoopSpi spi = LoopSpi.of(loop);
        spi.ref();
        Semaphore ahead = new Semaphore(READ_AHEAD);
        Thread.ofPlatform().daemon().name("spindle-parent-channel").start(() -> {
            try {
                while (true) {
                    ahead.acquire(); // at most READ_AHEAD lines wait for the loop
                    byte[] line;
                    synchronized (in) {
                        line = JsonLines.readLine(in, maxMessageBytes);
                    }
                    if (line == null) {
                        break;
                    }
                    byte[] bytes = line;
                    loop.execute(() -> {
                        ahead.release();
                        spi.dispatch("parent message", () -> {
                            T message;
                            try {
                                message = JsonLines.decode(bytes, 0, bytes.length, type);
                            } catch (IOException e) {
                                throw new UncheckedIOException("cannot decode a message from the parent: " + e.getMessage(), e);
                            }
                            listener.accept(message);
                        });
                    });
                }
            } catch (IOException e) {
                loop.execute(() -> spi.reportUncaught(new UncheckedIOException("reading from the parent failed", e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.execute(spi::unref);
        });
    }

    /** Closes the channel's output: the parent sees the end of the child's messages. */
    @Override
    public void close() {
        synchronized (out) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the parent is gone either way
            }
        }
    }
}
