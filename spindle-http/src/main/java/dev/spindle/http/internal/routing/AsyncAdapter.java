package dev.spindle.http.internal.routing;

import dev.spindle.http.AsyncHandler;
import dev.spindle.http.Handler;
import dev.spindle.http.Request;
import dev.spindle.http.Response;

/** The {@link Handler} behind {@link Handler#async}; the pipeline routes its promise's rejection. */
public record AsyncAdapter(AsyncHandler handler) implements Handler {

    @Override
    public void handle(Request request, Response response) {
        throw new UnsupportedOperationException("the pipeline calls the async handler itself");
    }
}
