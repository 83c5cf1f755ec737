package dev.spindle.cli.internal.demo;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpException;
import dev.spindle.loop.Loop;
import dev.spindle.monitor.LoopMonitor;

/**
 * The demo server of the seeds: a hello route, the request timeline of a typical API call, and the
 * CPU-bound {@code /compute} that blocks the loop on purpose, the stall the rest of Spindle cures.
 */
public final class DemoApp {

    /** The seed's loop bound: {@code for (i = 0; i < 1e9; i++) sum += i}. */
    static final long COMPUTE_ITERATIONS = 1_000_000_000L;

    /** The stand-in for the database query in the seed's timeline, in milliseconds. */
    static final long DATABASE_MILLIS = 50;

    /** The token {@code /api/users/:id} accepts: {@code Authorization: Bearer demo}. */
    static final String TOKEN = "Bearer demo";

    private DemoApp() {}

    /** The user record {@code /api/users/:id} answers with. */
    public record User(String id, String name, String email) {}

    /** The demo's routes alone. */
    public static App create(Loop loop) {
        return routes(App.create(), loop);
    }

    /**
     * The demo with {@code monitor} installed first: its middleware (request metrics, shedding when
     * on) runs before every route, and {@code /metrics}, {@code /status} and the dashboard at
     * {@code /_spindle} are mounted.
     */
    public static App create(Loop loop, LoopMonitor monitor) {
        return routes(monitor.install(App.create()), loop);
    }

    private static App routes(App app, Loop loop) {
        return app
                .get("/", (req, res) -> res.send("Hello, World!"))
                .get("/compute", (req, res) -> res.send("Result: " + sumBelow(COMPUTE_ITERATIONS)))
                .get("/api/users/:id", Handler.async((req, res) -> {
                    String id = req.param("id");                                    // parse
                    if (!TOKEN.equals(req.header("Authorization").orElse(""))) {   // auth check
                        res.header("WWW-Authenticate", "Bearer");
                        throw new HttpException(401, "missing or wrong bearer token");
                    }
                    return loop.delay(DATABASE_MILLIS)                               // the database query, not blocking
                            .then(x -> res.json(new User(id, "User " + id, "user" + id + "@example.com"))); // format, send
                }));
    }

    /** The seed's CPU-bound loop, run inline: it holds the loop thread for its whole duration. */
    public static long sumBelow(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }
}
