package dev.spindle.bench.showdown.servers;

/**
 * The route switch of the models without a router of their own (JDK, Netty, Vert.x): resolves a
 * request's path and query to a route of {@link ShowdownRoutes} and answers it through the model's
 * {@link ShowdownExchange}. None of them has a lag monitor, so {@code /lag} is a 404 here.
 */
public final class ShowdownRouter {

    private ShowdownRouter() {}

    /** Answers the request for {@code path} with query {@code rawQuery} (null or empty when none). */
    public static void serve(String path, String rawQuery, ShowdownExchange exchange) {
        try {
            switch (path) {
                case ShowdownRoutes.ROOT -> exchange.send(200, ShowdownRoutes.TEXT_PLAIN, ShowdownRoutes.HELLO);
                case ShowdownRoutes.TIMELINE -> timeline(exchange, 0);
                case ShowdownRoutes.COMPUTE -> exchange.send(200, ShowdownRoutes.TEXT_PLAIN,
                        ShowdownRoutes.compute(number(rawQuery, "n", ShowdownRoutes.DEFAULT_N)));
                case ShowdownRoutes.COMPUTE_WORKER -> {
                    long n = number(rawQuery, "n", ShowdownRoutes.DEFAULT_N);
                    exchange.offload(() -> ShowdownRoutes.compute(n),
                            body -> exchange.send(200, ShowdownRoutes.TEXT_PLAIN, body));
                }
                case ShowdownRoutes.BLOCK -> exchange.send(200, ShowdownRoutes.TEXT_PLAIN,
                        ShowdownRoutes.block(number(rawQuery, "ms", 0)));
                default -> exchange.send(404, ShowdownRoutes.TEXT_PLAIN, ShowdownRoutes.NOT_FOUND);
            }
        } catch (IllegalArgumentException e) {
            exchange.send(400, ShowdownRoutes.TEXT_PLAIN, e.getMessage());
        }
    }

    /** Waits out stage {@code stage} of the timeline and goes on to the next; answers after the last. */
    private static void timeline(ShowdownExchange exchange, int stage) {
        if (stage == ShowdownRoutes.STAGE_MILLIS.length) {
            exchange.send(200, ShowdownRoutes.APPLICATION_JSON, ShowdownRoutes.TIMELINE_BODY);
        } else {
            exchange.after(ShowdownRoutes.STAGE_MILLIS[stage], () -> timeline(exchange, stage + 1));
        }
    }

    /** Query parameter {@code name} of {@code rawQuery} as a number, {@code fallback} when absent. */
    static long number(String rawQuery, String name, long fallback) {
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals(name)) {
                    return ShowdownRoutes.number(pair.substring(equals + 1), fallback);
                }
            }
        }
        return fallback;
    }
}
