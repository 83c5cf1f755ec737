package dev.spindle.monitor.internal;

import dev.spindle.http.Middleware;
import dev.spindle.http.Next;
import dev.spindle.http.Request;
import dev.spindle.http.Response;
import dev.spindle.loop.Clock;

/**
 * The monitor's first middleware: counts every request by route and status with its duration
 * (from here to {@link Response#onFinish}), and, when shedding is on, answers {@code 503} with
 * {@code Retry-After} at once while the loop is under pressure, before any other step runs.
 */
final class MonitorMiddleware implements Middleware {

    private final Clock clock;
    private final RequestStats requests;
    private final Shedder shedder;

    MonitorMiddleware(Clock clock, RequestStats requests, Shedder shedder) {
        this.clock = clock;
        this.requests = requests;
        this.shedder = shedder;
    }

    @Override
    public void handle(Request request, Response response, Next next) {
        long start = clock.nanoTime();
        response.onFinish(() -> requests.record(request.route(), response.status(), clock.nanoTime() - start));
        if (shedder != null && !shedder.exempt(request.path())) {
            String reason = shedder.verdict(start);
            if (reason != null) {
                requests.shed(reason);
                response.status(503)
                        .header("Retry-After", Long.toString(shedder.retryAfterSeconds()))
                        .send("Service Unavailable: the event loop is under pressure (" + reason + "); retry later\n");
                return;
            }
        }
        next.next();
    }
}
