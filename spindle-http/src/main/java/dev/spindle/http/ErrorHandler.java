package dev.spindle.http;

/**
 * Error middleware (Express's four-argument form): sees an error thrown or passed on by an earlier
 * step and answers, or passes it on with {@link Next#fail}. The default answers the
 * {@link HttpException} status, or 500 with no stack in the body and the stack in the log.
 */
@FunctionalInterface
public interface ErrorHandler {

    void handle(Throwable error, Request request, Response response, Next next) throws Exception;
}
