package dev.spindle.http.internal.routing;

import dev.spindle.http.ErrorHandler;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpException;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.HttpStatus;
import dev.spindle.http.Middleware;
import dev.spindle.http.Next;
import dev.spindle.http.Request;
import dev.spindle.http.Response;
import dev.spindle.loop.Promise;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Walks one request through the route table: the next matching step runs when the previous one
 * calls {@link #next()}; an error (thrown, passed to {@link #fail}, or a rejected promise of an
 * async handler) skips to the error handlers. When the steps run out it answers 404, 405 with
 * {@code Allow}, an automatic OPTIONS, or the default error response.
 */
public final class Pipeline implements Next {

    private static final System.Logger LOG = System.getLogger("dev.spindle.http");

    private final RouteTable table;
    private final Layer[] layers;
    private final Exchange exchange;
    private final Request request;
    private final Response response;
    private final HttpMethod method;
    private final String path;
    private int index;
    private int moves;
    private Throwable error;

    private Pipeline(RouteTable table, Exchange exchange) {
        this.table = table;
        this.layers = table.layers();
        this.exchange = exchange;
        this.request = exchange.request();
        this.response = exchange.response();
        this.method = request.method();
        this.path = request.path();
    }

    /** The pipeline of one request; {@link #start()} sends the request down it. */
    public static Pipeline of(RouteTable table, Exchange exchange) {
        return new Pipeline(table, exchange);
    }

    /** Starts the request down the pipeline. */
    public static void run(RouteTable table, Exchange exchange) {
        of(table, exchange).start();
    }

    /** Runs the first matching step. */
    public void start() {
        next();
    }

    /**
     * A callback the application gave the request or response (a body or drain listener) threw:
     * the request fails as if an async step had, unless its response is already finished.
     */
    public void failFromOutside(Throwable failure) {
        failLater(failure);
    }

    @Override
    public void next() {
        moves++;
        error = null;
        advance();
    }

    @Override
    public void fail(Throwable failure) {
        moves++;
        error = Objects.requireNonNull(failure, "error");
        advance();
    }

    private void advance() {
        while (index < layers.length) {
            Layer layer = layers[index++];
            if (layer.isErrorHandler() != (error != null)) {
                continue;
            }
            Map<String, String> params;
            try {
                params = layer.match(method, path);
            } catch (HttpException malformedPath) {
                error = malformedPath;
                continue;
            }
            if (params != null) {
                if (layer.isRoute()) {
                    exchange.routeMatched(layer.label(), params);
                }
                invoke(layer);
                return;
            }
        }
        finish();
    }

    private void invoke(Layer layer) {
        int movesBefore = moves;
        try {
            switch (layer.step()) {
                case AsyncAdapter async -> {
                    Promise<?> promise = async.handler().handle(request, response);
                    Objects.requireNonNull(promise, "an async handler returned null instead of a promise");
                    promise.onFailure(this::failLater);
                }
                case Handler handler -> handler.handle(request, response);
                case Middleware middleware -> middleware.handle(request, response, this);
                case ErrorHandler handler -> handler.handle(error, request, response, this);
                default -> throw new IllegalStateException("unknown step " + layer.step());
            }
        } catch (Throwable thrown) {
            if (moves == movesBefore) {
                fail(thrown);
            } else {
                LOG.log(System.Logger.Level.ERROR, "a step threw after passing the request on: " + layer.label(), thrown);
            }
        }
    }

    private void failLater(Throwable failure) {
        if (response.isFinished()) {
            LOG.log(System.Logger.Level.ERROR, "a step failed after responding: " + request.route(), failure);
        } else {
            fail(failure);
        }
    }

    private void finish() {
        if (error != null) {
            answerError(error);
        } else if (!response.isFinished()) {
            answerUnrouted();
        }
    }

    private void answerUnrouted() {
        Set<HttpMethod> allowed = table.allowedMethods(path);
        if (allowed.isEmpty()) {
            response.sendStatus(404);
            return;
        }
        allowed.add(HttpMethod.OPTIONS);
        String allow = allowed.stream().map(HttpMethod::token).sorted().collect(Collectors.joining(", "));
        response.header("Allow", allow);
        if (method == HttpMethod.OPTIONS) {
            response.status(204).end();
        } else {
            response.sendStatus(405);
        }
    }

    private void answerError(Throwable failure) {
        if (response.isFinished()) {
            // The answer is complete (perhaps still queued): cutting the connection now would
            // truncate it. All that is left to do with the error is to report it.
            LOG.log(System.Logger.Level.ERROR, "a step failed after the response was finished: " + request.route(), failure);
            return;
        }
        int status = failure instanceof HttpException http ? http.status() : 500;
        if (status >= 500) {
            LOG.log(System.Logger.Level.ERROR, "request failed: " + request.route(), failure);
        }
        if (response.headersSent()) {
            exchange.abort(failure);
            return;
        }
        response.header("Content-Type", "text/plain; charset=utf-8");
        response.status(status).send(HttpStatus.reasonPhrase(status));
    }
}
