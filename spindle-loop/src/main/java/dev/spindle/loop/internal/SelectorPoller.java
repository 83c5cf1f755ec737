package dev.spindle.loop.internal;

import dev.spindle.loop.LoopException;
import dev.spindle.loop.spi.IoHandler;
import dev.spindle.loop.spi.IoRegistration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The loop's one seam for I/O multiplexing (Netty 4.2's {@code IoHandler} split): it owns the
 * {@link Selector}; the loop owns phases, timers and tasks. Ready keys are collected first and
 * dispatched after the selector returns, so I/O callbacks never run inside the selector's lock.
 */
final class SelectorPoller implements AutoCloseable {

    private final Selector selector;
    private final ArrayList<SelectionKey> readyKeys = new ArrayList<>();
    private final Consumer<SelectionKey> collect = readyKeys::add;

    SelectorPoller() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Waits up to {@code timeoutMillis} (0: not at all, negative: until woken) and collects ready keys. */
    int select(long timeoutMillis) {
        readyKeys.clear();
        if (timeoutMillis == 0 && selector.keys().isEmpty()) {
            return 0; // nothing can be ready: spare a loop with no channels the system call each turn
        }
        try {
            if (timeoutMillis == 0) {
                selector.selectNow(collect);
            } else if (timeoutMillis < 0) {
                selector.select(collect);
            } else {
                selector.select(collect, timeoutMillis);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        }
        return readyKeys.size();
    }

    /**
     * {@link #select} for the poll phase: a wait that another thread's {@link TaskInbox#offer} can
     * cut short. The inbox is told before the loop blocks and checked once more after, so a task
     * offered in between is never left waiting for the timeout.
     */
    int sleep(long timeoutMillis, TaskInbox inbox) {
        if (timeoutMillis == 0) {
            return select(0);
        }
        inbox.announceSleep();
        try {
            return select(inbox.isEmpty() ? timeoutMillis : 0);
        } finally {
            inbox.announceAwake();
        }
    }

    /** The i-th key collected by the last {@link #select}. */
    Registration ready(int index) {
        SelectionKey key = readyKeys.get(index);
        Registration registration = (Registration) key.attachment();
        registration.readyOps = key.isValid() ? key.readyOps() : 0;
        return registration;
    }

    /** Any thread. */
    void wakeUp() {
        selector.wakeup();
    }

    /**
     * Lets the selector deregister cancelled keys, which is when a closed channel's descriptor is
     * really released (the port unbound, the FIN or RST sent). Called before {@code run()} returns,
     * so a closed server or socket is gone when the loop ends.
     */
    void flushCancelledKeys() {
        if (!selector.keys().isEmpty()) {
            try {
                selector.selectNow(key -> {}); // readiness is level-triggered: nothing is lost
            } catch (IOException e) {
                throw new UncheckedIOException("selector failed", e);
            }
        }
    }

    IoRegistration register(SelectableChannel channel, int ops, IoHandler handler) {
        Registration registration = new Registration(handler);
        try {
            registration.key = channel.register(selector, ops, registration);
        } catch (ClosedChannelException e) {
            throw new LoopException("cannot register a closed channel", e);
        }
        return registration;
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A channel's registration; also the Runnable the loop dispatches when the channel is ready. */
    static final class Registration implements IoRegistration, Runnable {
        private final IoHandler handler;
        private SelectionKey key;
        int readyOps;

        Registration(IoHandler handler) {
            this.handler = handler;
        }

        String label() {
            return handler.label();
        }

        @Override
        public void run() {
            if (readyOps != 0 && key.isValid()) {
                handler.onReady(readyOps);
            }
        }

        @Override
        public int interestOps() {
            return key.isValid() ? key.interestOps() : 0;
        }

        @Override
        public void interestOps(int ops) {
            if (key.isValid()) {
                key.interestOps(ops);
            }
        }

        @Override
        public void cancel() {
            key.cancel();
        }

        @Override
        public void cancelAndClose() throws IOException {
            key.cancel();
            key.channel().close();
            // The selector deregisters cancelled keys when it selects, which is when the JDK closes
            // the descriptor of a channel closed while registered. Readiness is level-triggered:
            // what this select sees, the next one sees again.
            key.selector().selectNow(ready -> {});
        }
    }
}
