package dev.spindle.load;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpClientRequest;
import dev.spindle.http.HttpMethod;
import dev.spindle.loop.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a load run does; build with {@link #builder(String)}. Immutable; any thread may build them.
 *
 * <p><b>Closed loop</b> (the default, autocannon's and wrk's model): each connection keeps
 * {@code pipelining} requests in flight and sends the next as soon as a response arrives, so the
 * server's speed sets the pace and latency counts from the moment a request was sent.
 *
 * <p><b>Constant rate</b> ({@code rate} above 0, wrk2's model): requests are due at fixed
 * intervals, spread over the connections, whatever the server does; one that cannot go out on time
 * (its connection still waits for earlier answers) goes as soon as it can, and its latency counts
 * from when it was due. That corrects for coordinated omission: a server stall shows up in every
 * request that was due during it, not just in the one that was in flight.
 *
 * @param request the request sent again and again (its response's headers and body are read and
 *     dropped: only the status counts)
 * @param connections connections kept open, each carrying its share of the load
 * @param pipelining requests in flight per connection at most
 * @param warmup how long to run the same load before measuring starts (nothing that settles in it
 *     is counted; a request sent in it and answered later is): the generator's own JIT compiler and
 *     the server's settle first; {@link Duration#ZERO} for none
 * @param duration how long the measured run lasts; {@link Duration#ZERO} for no limit (then {@code requests} ends it)
 * @param requests how many requests the run makes, each ending in a response or an error; 0 for no
 *     limit (then {@code duration} ends it). With both, the first reached ends the run.
 * @param rate requests per second over all connections for a constant-rate run; 0 for closed loop
 * @param timeout how long a request may wait for its response (the client's read timeout)
 * @param connectTimeout how long a connection may take to open
 * @param loops event loops, each on its own thread, sharing the connections; 1 is usually enough,
 *     since one loop saturates one core of the server
 * @param clock the clock latencies are measured with; the loop's clock when a test runs the
 *     generator on a loop with a {@link dev.spindle.loop.ManualClock}
 * @param timeline the width of the slices of {@link LoadReport#timeline()}, latency over time by
 *     when each response arrived; {@link Duration#ZERO} (the default) for no timeline
 */
public record LoadOptions(
        HttpClientRequest request,
        int connections,
        int pipelining,
        Duration warmup,
        Duration duration,
        long requests,
        double rate,
        Duration timeout,
        Duration connectTimeout,
        int loops,
        Clock clock,
        Duration timeline) {

    /** 10 connections, as autocannon. */
    public static final int DEFAULT_CONNECTIONS = 10;
    /** 1: no pipelining. */
    public static final int DEFAULT_PIPELINING = 1;
    /** 10 s, as autocannon and wrk. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    /** 10 s, as autocannon. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** 1 loop. */
    public static final int DEFAULT_LOOPS = 1;

    public LoadOptions {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timeline, "timeline");
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be >= 1, was " + connections);
        }
        if (pipelining < 1) {
            throw new IllegalArgumentException("pipelining must be >= 1, was " + pipelining);
        }
        if (warmup.isNegative() || duration.isNegative() || requests < 0) {
            throw new IllegalArgumentException("warmup, duration and requests must not be negative");
        }
        if (duration.isZero() && requests == 0) {
            throw new IllegalArgumentException("give a duration or a number of requests");
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be >= 0 requests per second, was " + rate);
        }
        if (timeout.isNegative() || timeout.isZero() || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (timeline.isNegative() || (!timeline.isZero() && timeline.toMillis() < 1)) {
            throw new IllegalArgumentException("timeline slices must be at least 1 ms, or zero for none, was " + timeline);
        }
        if (loops < 1 || loops > connections) {
            throw new IllegalArgumentException("loops must be from 1 to the number of connections (" + connections
                    + "), was " + loops);
        }
    }

    /** Whether requests are due at a constant rate (open loop) rather than sent as answers come back. */
    public boolean constantRate() {
        return rate > 0;
    }

    /** A builder for a GET of {@code url}, every other setting at its default. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** Builds {@link LoadOptions}. */
    public static final class Builder {
        private final String url;
        private HttpMethod method = HttpMethod.GET;
        private final List<HeaderField> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private HttpClientRequest request;
        private int connections = DEFAULT_CONNECTIONS;
        private int pipelining = DEFAULT_PIPELINING;
        private Duration warmup = Duration.ZERO;
        private Duration duration = DEFAULT_DURATION;
        private long requests;
        private double rate;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int loops = DEFAULT_LOOPS;
        private Clock clock = Clock.system();
        private Duration timeline = Duration.ZERO;

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        public Builder method(HttpMethod method) {
            this.method = method;
            return this;
        }

        public Builder header(String name, String value) {
            headers.add(new HeaderField(name, value));
            return this;
        }

        public Builder body(byte[] body) {
            this.body = body.clone();
            return this;
        }

        /** Sends {@code request} instead of one built from the URL, method, headers and body. */
        public Builder request(HttpClientRequest request) {
            this.request = request;
            return this;
        }

        public Builder connections(int connections) {
            this.connections = connections;
            return this;
        }

        public Builder pipelining(int pipelining) {
            this.pipelining = pipelining;
            return this;
        }

        /** How long to run before measuring starts; {@link Duration#ZERO} (the default) for no warm-up. */
        public Builder warmup(Duration warmup) {
            this.warmup = warmup;
            return this;
        }

        /** How long the measured run lasts; {@link Duration#ZERO} to let the request count end it. */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /** How many requests the run makes; also sets the duration to no limit unless set after this. */
        public Builder requests(long requests) {
            this.requests = requests;
            this.duration = Duration.ZERO;
            return this;
        }

        /** Requests per second for a constant-rate run; 0 for closed loop. */
        public Builder rate(double rate) {
            this.rate = rate;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder loops(int loops) {
            this.loops = loops;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Keeps latency over time in slices of {@code slice} (e.g. 100 ms); {@link Duration#ZERO} for none. */
        public Builder timeline(Duration slice) {
            this.timeline = slice;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException for a URL, header or setting out of range
         */
        public LoadOptions build() {
            HttpClientRequest built = request != null ? request
                    : HttpClientRequest.builder(method, url).headers(headers).body(body)
                            .collectBody(false).collectHeaders(false).build();
            return new LoadOptions(built, connections, pipelining, warmup, duration, requests, rate, timeout,
                    connectTimeout, loops, clock, timeline);
        }
    }
}
