package dev.spindle.cli.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.spindle.http.HttpMethod;
import dev.spindle.load.LoadGenerator;
import dev.spindle.load.LoadOptions;
import dev.spindle.load.LoadReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spindle load URL}: HTTP load from Spindle's own loop, with autocannon's options (and wrk2's
 * {@code --rate}), a progress display on standard error and the report on standard output.
 */
@Command(
        name = "load",
        description = {"Load-test an HTTP server from Spindle's own event loop, like autocannon and wrk2.",
            "Closed loop by default (each connection sends its next request when an answer arrives); with --rate,"
                    + " requests are due at a constant rate and latency counts from when each was due (coordinated"
                    + " omission corrected)."})
public final class LoadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "URL", description = "The URL to load, http://host[:port][/path].")
    private String url;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "" + LoadOptions.DEFAULT_CONNECTIONS,
            description = "Connections to keep open (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", converter = DurationConverter.class,
            description = "How long to run: 10 (seconds), 10s, 500ms, 2m (default: 10s, or until -n requests are done).")
    private Duration duration;

    @Option(names = {"-W", "--warmup"}, paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "0",
            description = "Run the same load for TIME first, uncounted, so the JIT compiler and the server settle (default: none).")
    private Duration warmup;

    @Option(names = {"-n", "--requests"}, paramLabel = "N", defaultValue = "0",
            description = "Make exactly N requests, then stop (each ends in a response or an error).")
    private long requests;

    @Option(names = {"-p", "--pipelining"}, paramLabel = "N", defaultValue = "" + LoadOptions.DEFAULT_PIPELINING,
            description = "Requests in flight per connection (default: ${DEFAULT-VALUE}).")
    private int pipelining;

    @Option(names = {"-R", "--rate"}, paramLabel = "REQ/S", defaultValue = "0",
            description = "Requests per second over all connections, at a constant rate (open loop); 0 for closed loop.")
    private double rate;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD", defaultValue = "GET", description = "Request method (default: GET).")
    private String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "A request header; repeat for more.")
    private List<String> headers = new ArrayList<>();

    @Option(names = {"-b", "--body"}, paramLabel = "TEXT", description = "The request body, as UTF-8 text.")
    private String body;

    @Option(names = "--body-file", paramLabel = "FILE", description = "The request body, read from FILE.")
    private Path bodyFile;

    @Option(names = {"-t", "--timeout"}, paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "10s",
            description = "How long a request may wait for its response (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--connect-timeout", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "10s",
            description = "How long a connection may take to open (default: ${DEFAULT-VALUE}).")
    private Duration connectTimeout;

    @Option(names = "--loops", paramLabel = "N", defaultValue = "1",
            description = "Event loops, one thread each, sharing the connections (default: ${DEFAULT-VALUE}).")
    private int loops;

    @Option(names = {"-j", "--json"}, description = "Print the report as JSON (progress still goes to standard error).")
    private boolean json;

    @Option(names = "--no-progress", description = "Print no progress while the load runs.")
    private boolean noProgress;

    @Override
    public Integer call() throws IOException {
        LoadOptions options = options();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        ProgressPrinter progress = new ProgressPrinter(err, ProgressPrinter.onTerminal());
        if (!json) {
            err.println("Spindle load: " + options.request().method() + " " + url + " with " + connections
                    + (connections == 1 ? " connection" : " connections")
                    + (warmup.isZero() ? "" : ", " + describe(warmup) + " of warm-up")
                    + (requests > 0 ? ", " + requests + " requests" : "")
                    + (options.duration().isZero() ? "" : " for " + describe(options.duration()))
                    + (rate > 0 ? " at " + rate + " req/s" : ""));
            err.flush();
        }
        LoadReport report;
        try {
            report = LoadGenerator.run(options, noProgress ? p -> { } : progress);
        } catch (IllegalArgumentException e) {
            err.println("spindle: " + e.getMessage());
            err.flush();
            return 1;
        } finally {
            progress.finish();
        }
        out.print(json ? report.toJson() : report.toText());
        out.flush();
        return 0;
    }

    private LoadOptions options() throws IOException {
        HttpMethod httpMethod = HttpMethod.of(method.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> usage("unknown method '" + method + "'"));
        if (body != null && bodyFile != null) {
            throw usage("give --body or --body-file, not both");
        }
        byte[] content = bodyFile != null ? Files.readAllBytes(bodyFile) : body != null ? body.getBytes(UTF_8) : new byte[0];
        try {
            LoadOptions.Builder builder = LoadOptions.builder(url).method(httpMethod).body(content)
                    .connections(connections).pipelining(pipelining).rate(rate).warmup(warmup)
                    .timeout(timeout).connectTimeout(connectTimeout).loops(loops);
            for (String header : headers) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw usage("header '" + header + "' is not 'NAME: VALUE'");
                }
                builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
            if (requests > 0) {
                builder.requests(requests);
            }
            if (duration != null) {
                builder.duration(duration);
            } else if (requests == 0) {
                builder.duration(LoadOptions.DEFAULT_DURATION);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
