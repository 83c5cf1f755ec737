package dev.spindle.http;

/**
 * A step in the request pipeline (Express's {@code (req, res, next)}): it answers the request, or
 * calls {@link Next#next()} to pass it on, or {@link Next#fail} to hand an error to the error
 * handlers. A thrown exception counts as {@code fail}. Runs on the loop thread.
 */
@FunctionalInterface
public interface Middleware {

    void handle(Request request, Response response, Next next) throws Exception;
}
