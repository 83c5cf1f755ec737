package dev.spindle.http;

/**
 * Answers a request that matched a route. Runs on the loop thread and must not block it; a thrown
 * exception reaches the error handlers. For work that finishes later, see {@link #async}.
 */
@FunctionalInterface
public interface Handler {

    void handle(Request request, Response response) throws Exception;

    /**
     * A handler that returns a {@link dev.spindle.loop.Promise}: its rejection reaches the error
     * handlers, like a thrown exception (Express 5's rule for async handlers).
     */
    static Handler async(AsyncHandler handler) {
        return new dev.spindle.http.internal.routing.AsyncAdapter(handler);
    }
}
