package dev.spindle.loop;

import dev.spindle.loop.spi.IoHandler;
import dev.spindle.loop.spi.IoRegistration;
import dev.spindle.loop.spi.LoopSpi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;

/** Test support: a loop on a {@link ManualClock}, a log of what ran, and a pipe to make real I/O ready. */
final class VirtualLoop implements AutoCloseable {

    final ManualClock clock = new ManualClock();
    final Loop loop;
    final List<String> log = new ArrayList<>();

    VirtualLoop() {
        this(LoopOptions.builder());
    }

    VirtualLoop(LoopOptions.Builder options) {
        this.loop = Loop.create(options.clock(clock).build());
    }

    /** Appends to the log; returns a callback that does so. */
    Runnable record(String entry) {
        return () -> log.add(entry);
    }

    /**
     * Opens a pipe whose read end is registered with the loop and already readable, so its
     * {@code handler} runs in the next poll phase; the handler is called once, then deregistered.
     */
    Pipe readablePipe(Runnable handler) {
        try {
            Pipe pipe = Pipe.open();
            pipe.source().configureBlocking(false);
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            IoRegistration[] registration = new IoRegistration[1];
            registration[0] = LoopSpi.of(loop).register(pipe.source(), SelectionKey.OP_READ, new IoHandler() {
                @Override
                public void onReady(int readyOps) {
                    registration[0].cancel();
                    LoopSpi.of(loop).unref();
                    handler.run();
                }
            });
            LoopSpi.of(loop).ref(); // an active I/O watcher keeps the loop alive
            return pipe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
