package dev.spindle.http;

import dev.spindle.loop.Promise;

/** A {@link Handler} whose work finishes later; wrap it with {@link Handler#async}. */
@FunctionalInterface
public interface AsyncHandler {

    /** Starts the work and returns its promise; a rejection becomes an error response. */
    Promise<?> handle(Request request, Response response) throws Exception;
}
