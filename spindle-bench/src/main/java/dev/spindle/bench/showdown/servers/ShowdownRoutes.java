package dev.spindle.bench.showdown.servers;

import dev.spindle.bench.http.BenchRoutes;
import java.util.Locale;

/**
 * What every showdown model answers, in one place: the paths, the bodies, the timeline's stages
 * and the two kinds of CPU work (the seed's sum loop and the busy-spin), so that the Java models
 * send the same bytes and do the same work. {@code server.js} mirrors these values.
 */
public final class ShowdownRoutes {

    /** {@code Hello, World!}. */
    public static final String ROOT = "/";
    /** The seed's request timeline: four waits, then {@link #TIMELINE_BODY}. */
    public static final String TIMELINE = "/timeline";
    /** The sum loop, inline on the serving thread or loop. */
    public static final String COMPUTE = "/compute";
    /** The sum loop, offloaded where the model has somewhere to offload it. */
    public static final String COMPUTE_WORKER = "/compute/worker";
    /** A busy-spin of {@code ms} milliseconds on the serving thread or loop. */
    public static final String BLOCK = "/block";
    /** The loop's lag histogram as JSON, then reset; 404 on models without a lag monitor. */
    public static final String LAG = "/lag";

    /** The content type of the text answers. */
    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
    /** The content type of the JSON answers. */
    public static final String APPLICATION_JSON = "application/json; charset=utf-8";

    /** The body of {@code GET /}. */
    public static final String HELLO = BenchRoutes.HELLO;
    /** The body of {@code GET /timeline}. */
    public static final String TIMELINE_BODY = "{\"user\":42,\"name\":\"Ada\",\"stages\":[\"parse\",\"auth\",\"db\",\"format\"]}";
    /** The body of a 404. */
    public static final String NOT_FOUND = "Not Found";

    /** The timeline's waits in milliseconds, in order: parse, auth, database, format. */
    static final long[] STAGE_MILLIS = {1, 2, 50, 1};
    /** The sum's {@code n} when the query gives none: the seed's 1e9. */
    public static final long DEFAULT_N = 1_000_000_000L;
    /** The listen backlog when {@code --backlog} is not given: 511, as Node. */
    public static final int DEFAULT_BACKLOG = 511;

    private ShowdownRoutes() {}

    /** The seed's loop, {@code for (i = 0; i < n; i++) sum += i}; its result goes into the body, so the JIT must run it. */
    public static long sum(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }

    /** Runs {@link #sum} and returns the body of {@code /compute}: {@code Result: <sum>}. */
    public static String compute(long n) {
        return "Result: " + sum(n);
    }

    /** Spins the calling thread for {@code millis} ms of CPU, never sleeping, and returns the body of {@code /block}. */
    public static String block(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() - deadline < 0) {
            // burning CPU is the point: the thread or loop can do nothing else meanwhile
        }
        return "blocked " + millis + " ms";
    }

    /** The body of {@code /lag}, from nanosecond readings of a lag histogram. */
    public static String lagJson(long p50Nanos, long p99Nanos, long maxNanos, double meanNanos, long count) {
        return String.format(Locale.ROOT, "{\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,\"mean_ms\":%.3f,\"count\":%d}",
                p50Nanos / 1e6, p99Nanos / 1e6, maxNanos / 1e6, meanNanos / 1e6, count);
    }

    /** Threads to offload CPU work to: one fewer than the cores, at least one (as Spindle's and Node's pools here). */
    public static int offloadThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * A query parameter as a non-negative whole number; {@code fallback} when {@code value} is
     * null. Throws {@link IllegalArgumentException} for anything else (the models answer 400).
     */
    public static long number(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a non-negative whole number: " + value);
    }
}
