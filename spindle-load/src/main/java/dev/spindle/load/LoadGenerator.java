package dev.spindle.load;

import dev.spindle.load.internal.LoadEngine;
import dev.spindle.load.internal.LoopRunner;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.function.Consumer;

/**
 * Runs HTTP load from Spindle's own loop, in the mould of autocannon (closed loop, pipelining) and
 * wrk2 (a constant rate with coordinated omission corrected); see {@link LoadOptions}.
 *
 * <pre>{@code
 * LoadReport report = LoadGenerator.run(LoadOptions.builder("http://127.0.0.1:3000/")
 *         .connections(64).duration(Duration.ofSeconds(10)).build(), progress -> {});
 * System.out.print(report.toText());
 * }</pre>
 */
public final class LoadGenerator {

    private LoadGenerator() {}

    /**
     * Runs the load on {@link LoadOptions#loops()} loops of its own, each on a new thread, and
     * returns the merged report when the run is over. {@code progress} is called on the calling
     * thread once a second.
     *
     * @throws IllegalArgumentException when the URL's host does not resolve
     */
    public static LoadReport run(LoadOptions options, Consumer<LoadProgress> progress) {
        return LoopRunner.run(options, progress);
    }

    /**
     * Runs the load on {@code loop}, which must be running or about to run; the promise settles on
     * it with the report. {@link LoadOptions#loops()} is ignored: this is one loop. The host should
     * be an IP literal, or it is resolved for every connection.
     */
    public static Promise<LoadReport> start(Loop loop, LoadOptions options) {
        return LoadEngine.start(loop, options, LoadEngine.connector(loop, options, options.request().host()));
    }
}
