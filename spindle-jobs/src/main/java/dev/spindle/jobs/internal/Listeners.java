package dev.spindle.jobs.internal;

import dev.spindle.loop.spi.LoopSpi;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The listeners of one kind of event; a listener that throws goes to the loop's uncaught-exception handler. Loop thread only. */
final class Listeners<E> {

    private final LoopSpi loop;
    private final List<Consumer<? super E>> listeners = new ArrayList<>(2);

    Listeners(LoopSpi loop) {
        this.loop = loop;
    }

    void add(Consumer<? super E> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void emit(E event) {
        for (Consumer<? super E> listener : List.copyOf(listeners)) {
            try {
                listener.accept(event);
            } catch (Throwable e) {
                loop.reportUncaught(e);
            }
        }
    }
}
