package dev.spindle.load;

import dev.spindle.load.internal.JsonReport;
import dev.spindle.load.internal.TextReport;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a load run: throughput, latency percentiles, statuses and errors by kind.
 *
 * @param target the method and URL, e.g. {@code GET http://127.0.0.1:3000/}
 * @param connections connections used
 * @param pipelining requests in flight per connection at most
 * @param rate requests per second asked for in a constant-rate run; 0 for closed loop
 * @param loops event loops (threads) the generator ran on
 * @param elapsed how long the run took
 * @param responses responses received, any status
 * @param statuses responses by status code, in ascending order
 * @param errors failures by kind, every kind present (zero when none); {@link ErrorKind#NON_2XX}
 *     counts responses, the other kinds requests that got none
 * @param firstErrors the message of the first failure of each kind that happened
 * @param latency the latency distribution of the responses
 * @param bytesRead bytes received, headers and bodies
 * @param bytesWritten bytes sent
 * @param perSecond responses received in each whole second of the run, in order
 * @param generatorCpu CPU time the generator's process used over the run (every thread: loops,
 *     JIT compiler, garbage collector), as the operating system counts it; zero when unknown
 * @param timeline latency over time, one slice after another from the start of the measured run,
 *     when {@link LoadOptions#timeline()} asked for it; else empty
 */
public record LoadReport(
        String target,
        int connections,
        int pipelining,
        double rate,
        int loops,
        Duration elapsed,
        long responses,
        Map<Integer, Long> statuses,
        Map<ErrorKind, Long> errors,
        Map<ErrorKind, String> firstErrors,
        Latency latency,
        long bytesRead,
        long bytesWritten,
        List<Long> perSecond,
        Duration generatorCpu,
        List<LatencyInterval> timeline) {

    public LoadReport {
        statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
        EnumMap<ErrorKind, Long> all = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            all.put(kind, errors.getOrDefault(kind, 0L));
        }
        errors = Collections.unmodifiableMap(all);
        firstErrors = Collections.unmodifiableMap(firstErrors.isEmpty()
                ? new EnumMap<>(ErrorKind.class) : new EnumMap<>(firstErrors));
        perSecond = List.copyOf(perSecond);
        timeline = List.copyOf(timeline);
    }

    /** Responses per second over the whole run. */
    public double throughput() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? responses / seconds : 0;
    }

    /** Requests that failed without a response (non-2xx responses are not counted here). */
    public long failures() {
        long total = 0;
        for (Map.Entry<ErrorKind, Long> entry : errors.entrySet()) {
            if (entry.getKey() != ErrorKind.NON_2XX) {
                total += entry.getValue();
            }
        }
        return total;
    }

    /** Failures of {@code kind}. */
    public long errors(ErrorKind kind) {
        return errors.get(kind);
    }

    /** Requests that completed: with a response, or with a failure. */
    public long completed() {
        return responses + failures();
    }

    /** Responses with status {@code status}. */
    public long status(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    /** The generator's CPU time per response, or zero when unknown or there was none. */
    public Duration generatorCpuPerResponse() {
        return responses == 0 ? Duration.ZERO : Duration.ofNanos(generatorCpu.toNanos() / responses);
    }

    /** The report as a person reads it, as wrk and autocannon print theirs. */
    public String toText() {
        return TextReport.format(this);
    }

    /** The report as one JSON object (latencies in milliseconds), for scripts and the showdown. */
    public String toJson() {
        return JsonReport.format(this);
    }
}
