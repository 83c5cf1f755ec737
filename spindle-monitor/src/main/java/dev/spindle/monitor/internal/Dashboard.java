package dev.spindle.monitor.internal;

import dev.spindle.http.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's data: one {@link Point} per second for the charts, kept for the history option,
 * and the open event streams ({@code text/event-stream} over a chunked response) it pushes to. A
 * stream whose connection cannot take the next event (gone, or so slow its buffer filled) is ended;
 * the browser's {@code EventSource} reconnects by itself. History: any thread; streams: loop thread.
 */
final class Dashboard {

    /** Open streams beyond this are refused with 503: each one costs a write per second. */
    static final int MAX_STREAMS = 32;
    /** Tells {@code EventSource} how soon to reconnect, in milliseconds. */
    static final int RETRY_MILLIS = 1000;

    /**
     * One second of the loop, as the charts draw it.
     *
     * @param epochMillis wall-clock time of the sample
     * @param nanos the monitor clock's reading at the sample
     */
    record Point(long epochMillis, long nanos, double lagP50Ms, double lagP99Ms, double lagMaxMs, double utilization,
                 double requestsPerSecond, long shed, int poolQueue, int poolActive, long heapUsed,
                 long idleNanos, long activeNanos) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("t", epochMillis);
            json.put("lagP50Ms", lagP50Ms);
            json.put("lagP99Ms", lagP99Ms);
            json.put("lagMaxMs", lagMaxMs);
            json.put("utilization", utilization);
            json.put("rps", requestsPerSecond);
            json.put("shed", shed);
            json.put("poolQueue", poolQueue);
            json.put("poolActive", poolActive);
            json.put("heapUsed", heapUsed);
            return json;
        }
    }

    private final int capacity;
    private final ArrayDeque<Point> history;
    private final List<Response> streams = new ArrayList<>();

    Dashboard(int capacity) {
        this.capacity = capacity;
        this.history = new ArrayDeque<>(capacity);
    }

    synchronized void add(Point point) {
        if (history.size() == capacity) {
            history.removeFirst();
        }
        history.addLast(point);
    }

    synchronized List<Point> history() {
        return List.copyOf(history);
    }

    /** The newest point at or before {@code nanos}, else the oldest one, else null. */
    synchronized Point at(long nanos) {
        Point found = history.peekFirst();
        for (Point point : history) {
            if (point.nanos() > nanos) {
                break;
            }
            found = point;
        }
        return found;
    }

    /** Loop thread: opens a stream on {@code response} and sends {@code snapshot} as its first event. */
    void open(Response response, String snapshot) {
        if (streams.size() >= MAX_STREAMS) {
            response.status(503).header("Retry-After", "5").send("too many dashboard streams\n");
            return;
        }
        response.status(200)
                .type("text/event-stream; charset=utf-8")
                .header("Cache-Control", "no-cache, no-store")
                .header("X-Accel-Buffering", "no");
        if (response.write("retry: " + RETRY_MILLIS + "\n\n" + event("snapshot", snapshot))) {
            streams.add(response);
        } else {
            response.end();
        }
    }

    boolean hasStreams() {
        return !streams.isEmpty();
    }

    /** Loop thread: sends one event to every stream, ending those that cannot take it. */
    void broadcast(String name, String json) {
        String frame = event(name, json);
        for (Iterator<Response> it = streams.iterator(); it.hasNext(); ) {
            Response stream = it.next();
            if (stream.isFinished() || !stream.write(frame)) {
                it.remove();
                endQuietly(stream);
            }
        }
    }

    /** Loop thread: ends every stream, so a server shutting down need not wait for them. */
    void close() {
        for (Response stream : streams) {
            endQuietly(stream);
        }
        streams.clear();
    }

    private static void endQuietly(Response stream) {
        if (!stream.isFinished()) {
            stream.end();
        }
    }

    static String event(String name, String json) {
        return "event: " + name + "\ndata: " + json + "\n\n";
    }
}
