package dev.spindle.net.internal;

import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.net.NetException;
import dev.spindle.net.WritablePipe;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A child process's stdin. Writes are copied to a queue on the loop; a writer thread, started on
 * the first write, takes them off and blocks in the pipe's write for as long as the child is slow,
 * then tells the loop how much went through, which is where {@code drain} comes from.
 */
final class PipeWriter implements WritablePipe {

    /** The end-of-input marker in the queue, told apart by identity. */
    private static final byte[] END = new byte[0];

    private final LoopSpi loop;
    private final OutputStream out;
    private final String threadName;
    private final int highWaterMark;
    private final Consumer<Throwable> fallbackErrors;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private Thread writer;
    private volatile boolean stopped;

    // Loop thread only.
    private long queued;
    private boolean needDrain;
    private boolean ended;
    private boolean broken;
    private Runnable drainListener;
    private Consumer<Throwable> errorListener;

    /** A writer to {@code out}, or to nothing when {@code out} is null (stdin not piped). */
    PipeWriter(LoopSpi loop, OutputStream out, String threadName, int highWaterMark, Consumer<Throwable> fallbackErrors) {
        this.loop = loop;
        this.out = out;
        this.threadName = threadName;
        this.highWaterMark = highWaterMark;
        this.fallbackErrors = fallbackErrors;
    }

    @Override
    public boolean write(ByteBuffer data) {
        Threads.checkLoopThread(loop.loop());
        if (out == null || broken) {
            emitLater(new NetException(NetException.ERR_STREAM_DESTROYED, "write to a child's stdin that is closed or not piped"));
            return false;
        }
        if (ended) {
            emitLater(new NetException(NetException.ERR_STREAM_WRITE_AFTER_END, "write after end of a child's stdin"));
            return false;
        }
        if (data.hasRemaining()) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            queued += copy.length;
            queue.add(copy);
            ensureWriter();
        }
        if (queued >= highWaterMark) {
            needDrain = true;
            return false;
        }
        return true;
    }

    @Override
    public boolean write(byte[] data) {
        return write(ByteBuffer.wrap(data));
    }

    @Override
    public boolean write(String data) {
        return write(data.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void end() {
        Threads.checkLoopThread(loop.loop());
        if (ended) {
            return;
        }
        ended = true;
        if (out != null && !broken) {
            queue.add(END);
            ensureWriter();
        }
    }

    private void ensureWriter() {
        if (writer == null) {
            writer = Thread.ofPlatform().daemon().name(threadName).start(this::drainQueue);
        }
    }

    /** The writer thread: blocks in the pipe for as long as the child does not read. */
    private void drainQueue() {
        try {
            while (true) {
                byte[] chunk = queue.take();
                if (chunk == END) {
                    out.close();
                    return;
                }
                out.write(chunk);
                out.flush();
                int written = chunk.length;
                loop.loop().execute(() -> written(written));
            }
        } catch (InterruptedException e) {
            closeQuietly();
        } catch (IOException e) {
            closeQuietly();
            if (!stopped) {
                loop.loop().execute(() -> failed(e));
            }
        }
    }

    private void written(int bytes) {
        queued -= bytes;
        if (needDrain && queued == 0) {
            needDrain = false;
            if (drainListener != null) {
                loop.dispatch("child stdin drain", drainListener);
            }
        }
    }

    private void failed(IOException e) {
        if (broken) {
            return;
        }
        broken = true;
        queue.clear();
        queued = 0;
        emit(new NetException(NetException.EPIPE, "writing to the child's stdin failed (did it exit?): " + e.getMessage(), e));
    }

    private void emitLater(Throwable error) {
        loop.defer(() -> emit(error));
    }

    private void emit(Throwable error) {
        if (errorListener != null) {
            loop.dispatch("child stdin error", () -> errorListener.accept(error));
        } else {
            fallbackErrors.accept(error);
        }
    }

    /** The process closed: stop the writer, or close the pipe if no writer ever started. */
    void stop() {
        stopped = true;
        if (writer != null) {
            writer.interrupt();
        } else {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // the pipe is gone either way
        }
    }

    @Override
    public WritablePipe onDrain(Runnable listener) {
        this.drainListener = listener;
        return this;
    }

    @Override
    public WritablePipe onError(Consumer<Throwable> listener) {
        this.errorListener = listener;
        return this;
    }

    @Override
    public long bufferedBytes() {
        return queued;
    }

    @Override
    public boolean isEnded() {
        return ended;
    }
}
