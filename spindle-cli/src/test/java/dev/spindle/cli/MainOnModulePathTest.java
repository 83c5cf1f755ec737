package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.cli.internal.EchoServer;
import dev.spindle.http.App;
import dev.spindle.load.LoadGenerator;
import dev.spindle.loop.Loop;
import dev.spindle.monitor.LoopMonitor;
import dev.spindle.net.TcpServer;
import dev.spindle.workers.Workers;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI as users run it: a named module in its own JVM, so module-info mistakes surface here. */
class MainOnModulePathTest {

    @TempDir
    Path scratch;

    private static List<String> command(String... args) throws Exception {
        String modulePath = String.join(File.pathSeparator, location(Main.class), location(Loop.class),
                location(TcpServer.class), location(App.class), location(LoopMonitor.class), location(Workers.class),
                location(LoadGenerator.class), location(CommandLine.class), location(Class.forName("org.HdrHistogram.Histogram")),
                location(dev.spindle.jobs.JobQueue.class), location(Class.forName("org.sqlite.JDBC")),
                location(Class.forName("com.fasterxml.jackson.databind.ObjectMapper")),
                location(Class.forName("com.fasterxml.jackson.core.JsonFactory")),
                location(Class.forName("com.fasterxml.jackson.annotation.JsonProperty")));
        String java = ProcessHandle.current().info().command().orElse("java");
        return Stream.concat(Stream.of(java, "--enable-native-access=org.xerial.sqlitejdbc", // as the launcher runs it
                        "-p", modulePath, "-m", "dev.spindle.cli/dev.spindle.cli.Main"),
                Stream.of(args)).toList();
    }

    @Test
    void theTraceRunsAsANamedModule() throws Exception {
        ChildProcess run = ChildProcess.run(scratch, command("demo", "--trace"), environment -> {});

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("  timers   -> timer(0 ms)", "  check    -> immediate");
    }

    @Test
    void theLoadCommandRunsAsANamedModule() throws Exception {
        try (EchoServer server = new EchoServer()) {
            ChildProcess run = ChildProcess.run(scratch, command("load", server.url("/"), "-n", "100", "--json"), environment -> {});

            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(new ObjectMapper().readTree(run.out()).get("responses").asLong()).isEqualTo(100);
        }
    }

    @Test
    void theDemoServerAnswersAndStopsGracefullyOnSigterm() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process process = new ProcessBuilder(command("demo", "--port", Integer.toString(port)))
                .directory(scratch.toFile()) // the demo's job queue writes spindle-jobs.db here
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String started = out.readLine();
            assertThat(started).startsWith("Spindle demo on http://127.0.0.1:" + port + "/");

            assertThat(out.readLine()).startsWith("  loop monitor: http://127.0.0.1:" + port + "/_spindle");

            assertThat(SimpleHttp.get(port, "/").body()).isEqualTo("Hello, World!");
            // The monitor on the module path: Jackson, HdrHistogram and the page resource all reachable.
            assertThat(SimpleHttp.get(port, "/metrics").body()).contains("spindle_http_requests_total{route=\"GET /\",status=\"200\"} 1");
            assertThat(SimpleHttp.get(port, "/status").body()).startsWith("{\"uptimeSeconds\":");
            assertThat(SimpleHttp.get(port, "/_spindle").body()).contains("<canvas id=\"lag-chart\"");

            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of the pipes
            List<String> rest = out.lines().toList(); // until the process closes its output
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // the watchdog may have logged a slow first scrape on a busy machine; the last word is the stop
            assertThat(rest).isNotEmpty().last().isEqualTo("Spindle demo stopped.");
        } finally {
            process.destroyForcibly();
        }
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
