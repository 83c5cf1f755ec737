package dev.spindle.load.internal;

import com.sun.management.OperatingSystemMXBean;
import dev.spindle.http.HttpClient;
import dev.spindle.http.HttpClientConnection;
import dev.spindle.http.HttpClientOptions;
import dev.spindle.http.HttpClientRequest;
import dev.spindle.load.ErrorKind;
import dev.spindle.load.LoadOptions;
import dev.spindle.load.LoadReport;
import dev.spindle.loop.Clock;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.Timer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One loop's share of a load run: its connections, the run's end (a deadline, or a request count
 * reached) and the tally. Everything here runs on the loop thread.
 *
 * <p>A run may start with a warm-up: the same load, nothing that settles in it counted, so that the
 * generator's JIT compiler and the server settle first. A request counts in the phase in which it
 * settles, as wrk counts: a request sent in the warm-up and answered after it is measured, so a
 * server whose latency exceeds the measured window still shows its throughput.
 *
 * <p>In a constant-rate run the requests are spread evenly: over {@code c} connections at {@code r}
 * requests a second, each connection has one due every {@code c / r} seconds, and connection
 * {@code i} starts {@code i / r} seconds in, so the whole loop sends one every {@code 1 / r}.
 */
public final class LoadEngine {

    /** No time limit. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    final Loop loop;
    final Clock clock;
    final HttpClientRequest request;
    final Connector connector;
    final Tally tally = new Tally();
    private final LoadOptions options;
    private final List<LoadConnection> connections = new ArrayList<>();
    private final Promise<LoadReport> done;
    /** The width of a timeline slice; 0 for no timeline. */
    private final long sliceNanos;
    private long remaining = Long.MAX_VALUE;
    private long startNanos;
    private Duration cpuAtStart = Duration.ZERO;
    /** Past the warm-up: what settles now is counted. */
    boolean measuring;
    /** When a constant-rate run stops making requests due, in clock nanoseconds. */
    long deadline = NO_DEADLINE;
    boolean stopping;
    private Timer deadlineTimer;
    private Timer secondTimer;

    private LoadEngine(Loop loop, LoadOptions options, Connector connector) {
        this.loop = loop;
        this.options = options;
        this.clock = options.clock();
        this.request = options.request();
        this.connector = connector;
        this.done = loop.promise();
        this.sliceNanos = options.timeline().toNanos();
    }

    /** Starts a run of {@code options} on {@code loop}, whose thread calls this; the promise settles with the report. */
    public static Promise<LoadReport> start(Loop loop, LoadOptions options, Connector connector) {
        LoadEngine engine = new LoadEngine(loop, options, connector);
        engine.start();
        return engine.done;
    }

    /** The engine of a run, started; for the runner, which reads its tally from another thread. */
    static LoadEngine started(Loop loop, LoadOptions options, Connector connector) {
        LoadEngine engine = new LoadEngine(loop, options, connector);
        engine.start();
        return engine;
    }

    /** Connections from an {@link HttpClient} on {@code loop} to {@code host} (best an IP literal) and the request's port. */
    public static Connector connector(Loop loop, LoadOptions options, String host) {
        HttpClient client = HttpClient.create(loop, HttpClientOptions.builder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.timeout())
                .maxResponseBodyBytes(Long.MAX_VALUE)
                .build());
        int port = options.request().port();
        return new Connector() {
            @Override
            public Promise<HttpClientConnection> connect() {
                return client.connect(host, port);
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private void start() {
        long now = clock.nanoTime();
        if (options.warmup().isZero()) {
            beginMeasuring();
        } else {
            deadlineTimer = loop.setTimeout(this::beginMeasuring, options.warmup().toMillis());
        }
        int count = options.connections();
        long interval = options.constantRate() ? Math.round(count * 1e9 / options.rate()) : 0;
        for (int i = 0; i < count; i++) {
            long firstDue = options.constantRate() ? now + Math.round(i * 1e9 / options.rate()) : 0;
            connections.add(new LoadConnection(this, options.pipelining(), interval, firstDue));
        }
        for (LoadConnection connection : connections) {
            connection.pump();
        }
    }

    /** The measured run starts: its clock, its count, its deadline. */
    private void beginMeasuring() {
        measuring = true;
        startNanos = clock.nanoTime();
        cpuAtStart = processCpu();
        remaining = options.requests() > 0 ? options.requests() : Long.MAX_VALUE;
        if (!options.duration().isZero()) {
            deadline = startNanos + options.duration().toNanos();
            deadlineTimer = loop.setTimeout(this::finish, options.duration().toMillis());
        }
        secondTimer = loop.setInterval(tally::endSecond, 1000);
    }

    /**
     * The CPU time of the whole process so far, to the nanosecond where the JDK's management bean
     * offers it (clock_gettime of the process CPU clock), else in the kernel's 10 ms ticks.
     */
    private static Duration processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            if (nanos >= 0) {
                return Duration.ofNanos(nanos);
            }
        }
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    Promise<LoadReport> done() {
        return done;
    }

    /** Takes the right to make one more request; false once the run's count is used up (never in the warm-up). */
    boolean takeRequest() {
        if (!measuring) {
            return true;
        }
        if (remaining == 0) {
            return false;
        }
        remaining--;
        return true;
    }

    void responded(int status, long nanos) {
        tally.response(status, nanos);
        if (sliceNanos > 0) {
            tally.slice((int) ((clock.nanoTime() - startNanos) / sliceNanos), nanos);
        }
        checkCount();
    }

    void failed(Throwable error) {
        tally.failure(ErrorKind.of(error), error.getMessage());
        checkCount();
    }

    private void checkCount() {
        if (options.requests() > 0 && tally.completed() >= options.requests()) {
            finish();
        }
    }

    /** Ends the run: requests still in flight are dropped uncounted, as wrk and autocannon do. */
    void finish() {
        if (stopping) {
            return;
        }
        stopping = true;
        long elapsed = clock.nanoTime() - startNanos;
        Duration cpu = processCpu().minus(cpuAtStart);
        loop.clearTimeout(deadlineTimer);
        loop.clearInterval(secondTimer);
        for (LoadConnection connection : connections) {
            connection.close();
        }
        connector.close();
        done.resolve(tally.report(options, 1, Duration.ofNanos(elapsed), cpu));
    }
}
