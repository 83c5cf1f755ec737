package dev.spindle.monitor.internal;

import dev.spindle.http.Middleware;
import dev.spindle.http.Next;
import dev.spindle.http.Request;
import dev.spindle.http.Response;
import dev.spindle.loop.Clock;

/**
 * The monitor's first middleware: counts every request by route and status with its duration,
 * and, when shedding is on, answers {@code 503} with {@code Retry-After} at once while the loop is
 * under pressure, before any other step runs.
 *
 * <p>A request's duration runs from the start of the dispatch that routed it to when its response
 * is finished. Both ends come from clock readings the monitor takes anyway: the start is the
 * observer's latest reading, and a request answered before its route's dispatch returns (most
 * are) is recorded at the observer's next one, the dispatch's end. Only a response finished later,
 * from another callback, reads the clock when it finishes.
 */
final class MonitorMiddleware implements Middleware {

    private final Clock clock;
    private final RequestStats requests;
    private final RequestLog log;
    private final MonitorObserver observer;
    private final Shedder shedder;

    MonitorMiddleware(Clock clock, RequestStats requests, RequestLog log, MonitorObserver observer, Shedder shedder) {
        this.clock = clock;
        this.requests = requests;
        this.log = log;
        this.observer = observer;
        this.shedder = shedder;
    }

    @Override
    public void handle(Request request, Response response, Next next) {
        long start = observer.inDispatch() ? observer.lastReading() : clock.nanoTime();
        if (shedder != null) {
            String reason = shedder.check(request.path(), start);
            if (reason != null) {
                requests.shed(reason);
                response.status(503)
                        .header("Retry-After", Long.toString(shedder.retryAfterSeconds()))
                        .send("Service Unavailable: the event loop is under pressure (" + reason + "); retry later\n");
                count(request, response, start);
                return;
            }
        }
        try {
            next.next();
        } finally {
            count(request, response, start);
        }
    }

    private void count(Request request, Response response, long start) {
        if (!response.isFinished()) {
            response.onFinish(() -> requests.record(request.route(), response.status(), clock.nanoTime() - start));
        } else if (observer.inDispatch()) {
            log.add(requests.route(request.route()), response.status(), start);
        } else {
            requests.record(request.route(), response.status(), clock.nanoTime() - start);
        }
    }
}
