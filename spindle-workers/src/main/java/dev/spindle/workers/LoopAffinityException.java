package dev.spindle.workers;

/**
 * A worker task touched, or was about to touch, an object that belongs to a loop thread. Workers
 * take immutable values in and hand a value back through the promise; anything loop-owned (a
 * socket, a timer, a request, a response, a promise's continuations) stays on the loop. The cause,
 * when there is one, is the loop's own {@link IllegalStateException}.
 */
public class LoopAffinityException extends WorkersException {

    public LoopAffinityException(String message) {
        super(message);
    }

    public LoopAffinityException(String message, Throwable cause) {
        super(message, cause);
    }
}
