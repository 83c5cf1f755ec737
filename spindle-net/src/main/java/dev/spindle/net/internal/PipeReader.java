package dev.spindle.net.internal;

import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.net.NetException;
import dev.spindle.net.ReadablePipe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One output pipe of a child process. A pump thread takes a free buffer, reads the pipe into it
 * and hands it to the loop; the loop gives it back after the data listener has seen it. The
 * buffers are the whole hand-off: while the stream is paused the loop keeps them, the pump blocks
 * in {@link ArrayBlockingQueue#take()}, stops reading, and the child blocks on a full pipe. That is
 * the pause/resume protocol, and why at most {@link #BUFFERS} buffers of data ever wait here.
 */
final class PipeReader implements ReadablePipe {

    /** Buffers per pipe: enough to keep the pump reading while the loop delivers, few enough to bound memory. */
    static final int BUFFERS = 4;

    private record Chunk(byte[] buffer, int length) {}

    private final LoopSpi loop;
    private final String label;
    private final Runnable onDone;
    private final ArrayBlockingQueue<byte[]> free;
    private final AtomicLong buffered = new AtomicLong();
    private Thread pump;

    // Loop thread only from here on.
    private final ArrayDeque<Chunk> held = new ArrayDeque<>();
    private Consumer<ByteBuffer> dataListener;
    private Runnable endListener;
    private Consumer<Throwable> errorListener;
    private boolean paused;
    private boolean discarding;
    private boolean eof;
    private boolean ended;
    private boolean done;
    private boolean flushing;
    private long bytesRead;

    /** A pipe reader; {@code onDone} runs on the loop once it has ended or failed. */
    PipeReader(LoopSpi loop, String label, int highWaterMark, Runnable onDone) {
        this.loop = loop;
        this.label = label;
        this.onDone = onDone;
        int size = Math.ceilDiv(highWaterMark, BUFFERS);
        this.free = new ArrayBlockingQueue<>(BUFFERS);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[size]);
        }
    }

    /** A reader for a stream that is not piped: ended from the start, it emits nothing. */
    static PipeReader notPiped(LoopSpi loop, String label) {
        PipeReader reader = new PipeReader(loop, label, BUFFERS, () -> { });
        reader.ended = true;
        reader.done = true;
        return reader;
    }

    void start(InputStream in, String threadName) {
        pump = Thread.ofPlatform().daemon().name(threadName).start(() -> pump(in));
    }

    // ---------------------------------------------------------------- the pump thread

    private void pump(InputStream in) {
        try (in) {
            while (true) {
                byte[] buffer = free.take(); // blocks while the loop holds every buffer: backpressure
                int n = in.read(buffer);
                if (n < 0) {
                    loop.loop().execute(this::eofArrived);
                    return;
                }
                if (n > 0) {
                    buffered.addAndGet(n);
                    loop.loop().execute(() -> arrived(buffer, n));
                } else {
                    free.add(buffer);
                }
            }
        } catch (InterruptedException e) {
            // stopped: the child process closed
        } catch (IOException e) {
            loop.loop().execute(() -> failed(e));
        }
    }

    // ---------------------------------------------------------------- the loop side

    private void arrived(byte[] buffer, int length) {
        held.add(new Chunk(buffer, length));
        flush();
    }

    private void eofArrived() {
        eof = true;
        flush();
    }

    private void failed(IOException e) {
        if (done) {
            return;
        }
        release();
        if (!discarding) {
            NetException error = new NetException(NetException.UNKNOWN, "reading the child's " + label + " failed: " + e.getMessage(), e);
            if (errorListener != null) {
                loop.dispatch("child " + label + " error", () -> errorListener.accept(error));
            } else {
                loop.reportUncaught(error);
            }
        }
        finish();
    }

    /** Delivers held chunks while flowing, then {@code end} once the pipe is drained. Re-entrant safe. */
    private void flush() {
        if (flushing || done) {
            return;
        }
        flushing = true;
        try {
            Chunk chunk;
            while ((discarding || (!paused && dataListener != null)) && (chunk = held.poll()) != null) {
                deliver(chunk);
            }
            if (eof && held.isEmpty() && !ended) {
                ended = true;
                if (endListener != null && !discarding) {
                    loop.dispatch("child " + label + " end", endListener);
                }
                finish();
            }
        } finally {
            flushing = false;
        }
    }

    private void deliver(Chunk chunk) {
        try {
            if (!discarding) {
                bytesRead += chunk.length;
                ByteBuffer view = ByteBuffer.wrap(chunk.buffer, 0, chunk.length).asReadOnlyBuffer();
                loop.dispatch("child " + label, () -> dataListener.accept(view));
            }
        } finally {
            buffered.addAndGet(-chunk.length);
            free.add(chunk.buffer);
        }
    }

    private void finish() {
        if (!done) {
            done = true;
            onDone.run();
        }
    }

    /** Hands every held buffer back. */
    private void release() {
        Chunk chunk;
        while ((chunk = held.poll()) != null) {
            buffered.addAndGet(-chunk.length);
            free.add(chunk.buffer);
        }
    }

    /** Drops what is held and whatever comes until end-of-file, so a closing child can finish. */
    void discard() {
        discarding = true;
        flush();
    }

    /** Stops the pump for good (the process closed); a pump blocked on a free buffer ends at once. */
    void stop() {
        if (pump != null) {
            pump.interrupt();
        }
    }

    boolean isDone() {
        return done;
    }

    // ---------------------------------------------------------------- ReadablePipe

    @Override
    public ReadablePipe onData(Consumer<ByteBuffer> listener) {
        Threads.checkLoopThread(loop.loop());
        this.dataListener = listener;
        loop.defer(this::flush); // as Node's resume(): the caller finishes attaching listeners first
        return this;
    }

    @Override
    public ReadablePipe onBytes(Consumer<byte[]> listener) {
        return onData(buffer -> {
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(copy);
            listener.accept(copy);
        });
    }

    @Override
    public ReadablePipe onEnd(Runnable listener) {
        this.endListener = listener;
        return this;
    }

    @Override
    public ReadablePipe onError(Consumer<Throwable> listener) {
        this.errorListener = listener;
        return this;
    }

    @Override
    public ReadablePipe pause() {
        Threads.checkLoopThread(loop.loop());
        paused = true;
        return this;
    }

    @Override
    public ReadablePipe resume() {
        Threads.checkLoopThread(loop.loop());
        if (paused) {
            paused = false;
            flush();
        }
        return this;
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    @Override
    public long bufferedBytes() {
        return buffered.get();
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public boolean isEnded() {
        return ended;
    }
}
