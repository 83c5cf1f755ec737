package dev.spindle.http;

/** Passes a request on along the pipeline; given to every {@link Middleware} and {@link ErrorHandler}. */
public interface Next {

    /** Runs the next matching step; from an error handler, recovers and leaves error mode. */
    void next();

    /** Skips to the next error handler with {@code error}. */
    void fail(Throwable error);
}
