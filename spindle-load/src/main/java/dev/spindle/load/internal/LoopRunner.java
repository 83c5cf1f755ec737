package dev.spindle.load.internal;

import dev.spindle.load.LoadOptions;
import dev.spindle.load.LoadProgress;
import dev.spindle.load.LoadReport;
import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a load test on loops of its own, one thread each, and merges their tallies. The host is
 * resolved once, here, so reconnects never wait for DNS. The calling thread reports progress once a
 * second from the counters the loops publish, and waits.
 */
public final class LoopRunner {

    /** One loop's part: its engine, once started, and its report, once done. */
    private record Part(LoadOptions options, CompletableFuture<LoadEngine> engine, CompletableFuture<LoadReport> report) {}

    private LoopRunner() {}

    public static LoadReport run(LoadOptions options, Consumer<LoadProgress> progress) {
        String address = resolve(options.request().host());
        long started = System.nanoTime();
        List<Part> parts = new ArrayList<>();
        int loops = options.requests() > 0 ? (int) Math.min(options.loops(), options.requests()) : options.loops();
        for (int i = 0; i < loops; i++) {
            Part part = new Part(share(options, i, loops), new CompletableFuture<>(), new CompletableFuture<>());
            parts.add(part);
            Thread.ofPlatform().name("spindle-load-" + i).daemon().start(() -> runLoop(part, address));
        }
        long lastResponses = 0;
        try {
            for (int second = 1; ; second++) {
                long wait = started + second * 1_000_000_000L - System.nanoTime();
                if (allDone(parts, Math.max(0, wait))) {
                    break;
                }
                long responses = 0;
                long failures = 0;
                for (Part part : parts) {
                    LoadEngine engine = part.engine().getNow(null);
                    if (engine != null) {
                        responses += engine.tally.responsesSoFar();
                        failures += engine.tally.failuresSoFar();
                    }
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                progress.accept(new LoadProgress(elapsed, responses, failures, responses - lastResponses,
                        fraction(options, elapsed, responses + failures), elapsed.compareTo(options.warmup()) < 0));
                lastResponses = responses;
            }
            return merge(options, parts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load ran", e);
        }
    }

    private static void runLoop(Part part, String address) {
        try (Loop loop = Loop.create(LoopOptions.builder().threadPoolSize(1).threadName(Thread.currentThread().getName()).build())) {
            LoadEngine engine = LoadEngine.started(loop, part.options(), LoadEngine.connector(loop, part.options(), address));
            part.engine().complete(engine);
            engine.done().whenComplete((report, error) -> {
                if (error != null) {
                    part.report().completeExceptionally(error);
                } else {
                    part.report().complete(report);
                }
                loop.stop(); // a connect that timed out may still be pending in the kernel: do not wait for it
            }).onFailure(ignored -> { });
            loop.run();
            if (!part.report().isDone()) {
                part.report().completeExceptionally(new IllegalStateException("the load loop ended before the run did"));
            }
        } catch (Throwable t) {
            part.engine().completeExceptionally(t);
            part.report().completeExceptionally(t);
        }
    }

    /** Whether every part is done, waiting up to {@code nanos} for it. */
    private static boolean allDone(List<Part> parts, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (Part part : parts) {
            try {
                part.report().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return true; // merge reports it
            }
        }
        return true;
    }

    private static LoadReport merge(LoadOptions options, List<Part> parts) {
        Tally total = new Tally();
        Duration elapsed = Duration.ZERO;
        Duration cpu = Duration.ZERO;
        for (Part part : parts) {
            LoadReport report = part.report().join(); // rethrows a loop's failure
            LoadEngine engine = part.engine().join();
            total.add(engine.tally);
            elapsed = elapsed.compareTo(report.elapsed()) < 0 ? report.elapsed() : elapsed;
            // Each loop measured the whole process over its own window; the windows nearly coincide.
            cpu = cpu.compareTo(report.generatorCpu()) < 0 ? report.generatorCpu() : cpu;
        }
        return total.report(options, parts.size(), elapsed, cpu);
    }

    /**
     * Loop {@code index}'s share of {@code loops}: connections and the request count split as evenly
     * as they go (there are at least as many of each as loops), the rate in proportion to connections.
     */
    static LoadOptions share(LoadOptions options, int index, int loops) {
        if (loops == 1) {
            return options;
        }
        int connections = options.connections() / loops + (index < options.connections() % loops ? 1 : 0);
        double rate = options.rate() * connections / options.connections();
        long requests = options.requests() / loops + (index < options.requests() % loops ? 1 : 0);
        return new LoadOptions(options.request(), connections, options.pipelining(), options.warmup(), options.duration(),
                requests, rate, options.timeout(), options.connectTimeout(), 1, options.clock(), options.timeline());
    }

    private static OptionalDouble fraction(LoadOptions options, Duration elapsed, long completed) {
        double byTime = options.duration().isZero() ? 0
                : (double) elapsed.toNanos() / options.warmup().plus(options.duration()).toNanos();
        double byCount = options.requests() == 0 ? 0 : (double) completed / options.requests();
        return OptionalDouble.of(Math.min(1, Math.max(byTime, byCount)));
    }

    private static String resolve(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host: " + host, e);
        }
    }
}
