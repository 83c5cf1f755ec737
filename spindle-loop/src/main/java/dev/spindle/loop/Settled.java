package dev.spindle.loop;

/**
 * The outcome of one promise in {@link Promise#allSettled}: a value or an error.
 *
 * @param value the value when fulfilled, else null
 * @param error the reason when rejected, else null
 */
public record Settled<T>(T value, Throwable error) {

    /** Whether the promise was fulfilled. */
    public boolean isFulfilled() {
        return error == null;
    }

    /** Whether the promise was rejected. */
    public boolean isRejected() {
        return error != null;
    }
}
