package dev.spindle.loop;

import java.time.Duration;

/** A promise given a deadline with {@link Promise#timeout} did not settle in time. */
public class PromiseTimeoutException extends LoopException {

    private final Duration timeout;

    public PromiseTimeoutException(Duration timeout) {
        super("promise did not settle within " + timeout.toMillis() + " ms");
        this.timeout = timeout;
    }

    /** The deadline that passed. */
    public Duration timeout() {
        return timeout;
    }
}
