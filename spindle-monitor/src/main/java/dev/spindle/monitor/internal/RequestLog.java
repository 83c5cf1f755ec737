package dev.spindle.monitor.internal;

/**
 * Requests answered inside the dispatch that routed them, waiting for the monitor's next clock
 * reading (that dispatch's end at the latest) to be recorded with it: a synchronous request costs
 * no clock reading of its own, and a burst of them (pipelined) takes the route's lock once. Loop
 * thread only.
 */
final class RequestLog {

    private final RequestStats stats;
    private RequestStats.Route[] routes = new RequestStats.Route[16];
    private int[] statuses = new int[16];
    private long[] starts = new long[16];
    private int count;

    RequestLog(RequestStats stats) {
        this.stats = stats;
    }

    boolean pending() {
        return count != 0;
    }

    /** A request that started at {@code start} was answered with {@code status}. */
    void add(RequestStats.Route route, int status, long start) {
        if (count == routes.length) {
            routes = java.util.Arrays.copyOf(routes, count * 2);
            statuses = java.util.Arrays.copyOf(statuses, count * 2);
            starts = java.util.Arrays.copyOf(starts, count * 2);
        }
        routes[count] = route;
        statuses[count] = status;
        starts[count++] = start;
    }

    /** Records every waiting request as finished at {@code now}, a run of the same route at a time. */
    void flush(long now) {
        int n = count;
        count = 0;
        for (int from = 0; from < n; ) {
            RequestStats.Route route = routes[from];
            int to = from + 1;
            while (to < n && routes[to] == route) {
                to++;
            }
            route.recordAll(statuses, starts, from, to, now);
            from = to;
        }
        java.util.Arrays.fill(routes, 0, n, null);
        stats.finished(n);
    }
}
