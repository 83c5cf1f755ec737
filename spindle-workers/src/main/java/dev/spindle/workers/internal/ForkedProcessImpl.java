package dev.spindle.workers.internal;

import dev.spindle.loop.Loop;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.net.ChildProcess;
import dev.spindle.workers.ForkedProcess;
import dev.spindle.workers.WorkersException;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The parent's side of a fork: the child's stdout cut into lines and decoded on the loop, and
 * messages encoded onto its stdin. Until a message listener is set the child's stdout is not
 * read, so early messages wait in the pipe (with its backpressure) rather than being lost.
 */
final class ForkedProcessImpl implements ForkedProcess {

    private final ChildProcess child;
    private final LoopSpi loop;
    private final LineSplitter splitter;
    private LineHandler handler;
    private Consumer<Throwable> errorListener;

    /** Decodes one line as the listener's type; set with the listener. */
    private interface LineHandler {
        void handle(byte[] line, int length) throws IOException;
    }

    ForkedProcessImpl(Loop loop, ChildProcess child, int maxMessageBytes) {
        this.child = child;
        this.loop = LoopSpi.of(loop);
        this.splitter = new LineSplitter(maxMessageBytes, new LineSplitter.Lines() {
            @Override
            public void line(byte[] bytes, int length) {
                deliver(bytes, length);
            }

            @Override
            public void oversized(int limit) {
                emitError(new WorkersException("the child sent a message longer than " + limit + " bytes; it was dropped"));
            }
        });
        child.stdin().onError(this::emitError);
    }

    private void deliver(byte[] line, int length) {
        if (length == 0) {
            return;
        }
        try {
            handler.handle(line, length);
        } catch (IOException e) {
            emitError(new WorkersException("the child sent a line that is not a message: " + e.getMessage(), e));
        }
    }

    private void emitError(Throwable error) {
        if (errorListener != null) {
            loop.dispatch("fork error", () -> errorListener.accept(error));
        } else {
            loop.reportUncaught(error);
        }
    }

    @Override
    public boolean send(Object message) {
        return child.stdin().write(JsonLines.encode(message));
    }

    @Override
    public <T> ForkedProcess onMessage(Class<T> type, Consumer<? super T> listener) {
        boolean first = handler == null;
        handler = (line, length) -> {
            T message = JsonLines.decode(line, 0, length, type);
            loop.dispatch("fork message", () -> listener.accept(message));
        };
        if (first) {
            child.stdout().onData(splitter::feed).onEnd(splitter::end);
        }
        return this;
    }

    @Override
    public ForkedProcess onDrain(Runnable listener) {
        child.stdin().onDrain(listener);
        return this;
    }

    @Override
    public ForkedProcess onError(Consumer<Throwable> listener) {
        this.errorListener = listener;
        return this;
    }

    @Override
    public void disconnect() {
        child.stdin().end();
    }

    @Override
    public ChildProcess process() {
        return child;
    }

    @Override
    public String toString() {
        return "ForkedProcess[" + child + "]";
    }
}
