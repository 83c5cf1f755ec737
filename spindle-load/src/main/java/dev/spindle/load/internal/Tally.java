package dev.spindle.load.internal;

import dev.spindle.load.ErrorKind;
import dev.spindle.load.Latency;
import dev.spindle.load.LatencyInterval;
import dev.spindle.load.LoadOptions;
import dev.spindle.load.LoadReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * What one loop's run counted: responses by status, failures by kind, the latency histogram
 * (nanoseconds, three significant digits, up to an hour), bytes, responses per second. Written by
 * its loop thread only; the two progress counters are published for another thread to read, and
 * the rest is read after the loop has finished.
 */
public final class Tally {

    /** Latencies above an hour are recorded as an hour. */
    static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private static final int DIGITS = 3;
    private static final ErrorKind[] KINDS = ErrorKind.values();

    final Histogram latency = new Histogram(1, HIGHEST_NANOS, DIGITS);
    private final long[] statuses = new long[600];
    private final long[] errors = new long[KINDS.length];
    private final String[] firstErrors = new String[KINDS.length];
    private final List<Long> perSecond = new ArrayList<>();
    /** One histogram per timeline slice, in order; microseconds, two significant digits (26 KiB each). */
    private final List<Histogram> slices = new ArrayList<>();
    private final AtomicLong publishedResponses = new AtomicLong();
    private final AtomicLong publishedFailures = new AtomicLong();
    private long responses;
    private long failures;
    private long lastSecond;
    long bytesRead;
    long bytesWritten;

    /** A response with {@code status} that took {@code nanos}. */
    void response(int status, long nanos) {
        responses++;
        statuses[status]++;
        latency.recordValue(Math.clamp(nanos, 1, HIGHEST_NANOS));
        if (status < 200 || status > 299) {
            count(ErrorKind.NON_2XX, null);
        }
        publishedResponses.lazySet(responses);
    }

    /** A measured response of {@code nanos} that arrived in timeline slice {@code index}. */
    void slice(int index, long nanos) {
        while (slices.size() <= index) {
            slices.add(new Histogram(1, HIGHEST_NANOS / 1000, 2));
        }
        slices.get(index).recordValue(Math.clamp(nanos / 1000, 1, HIGHEST_NANOS / 1000));
    }

    /** A request that failed without a response. */
    void failure(ErrorKind kind, String message) {
        failures++;
        count(kind, message);
        publishedFailures.lazySet(failures);
    }

    private void count(ErrorKind kind, String message) {
        errors[kind.ordinal()]++;
        if (firstErrors[kind.ordinal()] == null && message != null) {
            firstErrors[kind.ordinal()] = message;
        }
    }

    /** Requests completed either way. */
    long completed() {
        return responses + failures;
    }

    /** Closes the current second of the per-second series. */
    void endSecond() {
        perSecond.add(responses - lastSecond);
        lastSecond = responses;
    }

    /** Responses so far; any thread. */
    public long responsesSoFar() {
        return publishedResponses.get();
    }

    /** Failures so far; any thread. */
    public long failuresSoFar() {
        return publishedFailures.get();
    }

    /** Adds {@code other}'s counts to these (per-second series add up second by second). */
    void add(Tally other) {
        latency.add(other.latency);
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] += other.statuses[i];
        }
        for (int i = 0; i < errors.length; i++) {
            errors[i] += other.errors[i];
            if (firstErrors[i] == null) {
                firstErrors[i] = other.firstErrors[i];
            }
        }
        for (int i = 0; i < other.perSecond.size(); i++) {
            if (i < perSecond.size()) {
                perSecond.set(i, perSecond.get(i) + other.perSecond.get(i));
            } else {
                perSecond.add(other.perSecond.get(i));
            }
        }
        for (int i = 0; i < other.slices.size(); i++) {
            if (i < slices.size()) {
                slices.get(i).add(other.slices.get(i));
            } else {
                slices.add(other.slices.get(i).copy());
            }
        }
        responses += other.responses;
        failures += other.failures;
        bytesRead += other.bytesRead;
        bytesWritten += other.bytesWritten;
    }

    LoadReport report(LoadOptions options, int loops, Duration elapsed, Duration generatorCpu) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        for (int status = 0; status < statuses.length; status++) {
            if (statuses[status] > 0) {
                byStatus.put(status, statuses[status]);
            }
        }
        Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
        Map<ErrorKind, String> first = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : KINDS) {
            byKind.put(kind, errors[kind.ordinal()]);
            if (firstErrors[kind.ordinal()] != null) {
                first.put(kind, firstErrors[kind.ordinal()]);
            }
        }
        return new LoadReport(options.request().method() + " http://" + options.request().origin() + options.request().target(),
                options.connections(), options.pipelining(), options.rate(), loops, elapsed, responses, byStatus,
                byKind, first, latency(), bytesRead, bytesWritten, perSecond, generatorCpu, timeline(options.timeline()));
    }

    private List<LatencyInterval> timeline(Duration slice) {
        List<LatencyInterval> timeline = new ArrayList<>(slices.size());
        for (int i = 0; i < slices.size(); i++) {
            Histogram micros = slices.get(i);
            Duration start = slice.multipliedBy(i);
            timeline.add(micros.getTotalCount() == 0
                    ? new LatencyInterval(start, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO)
                    : new LatencyInterval(start, micros.getTotalCount(), micro(micros.getValueAtPercentile(50)),
                            micro(micros.getValueAtPercentile(99)), micro(micros.getMaxValue())));
        }
        return timeline;
    }

    private static Duration micro(long micros) {
        return Duration.ofNanos(micros * 1000);
    }

    private Latency latency() {
        if (latency.getTotalCount() == 0) {
            return Latency.NONE;
        }
        return new Latency(latency.getTotalCount(), nanos(latency.getMinValue()), nanos(latency.getMean()),
                nanos(latency.getStdDeviation()), at(50), at(75), at(90), at(99), at(99.9), at(99.99),
                nanos(latency.getMaxValue()));
    }

    private Duration at(double percentile) {
        return nanos(latency.getValueAtPercentile(percentile));
    }

    private static Duration nanos(double nanos) {
        return Duration.ofNanos(Math.round(nanos));
    }
}
