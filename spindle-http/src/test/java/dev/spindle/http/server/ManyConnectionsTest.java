package dev.spindle.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.App;
import dev.spindle.http.HttpServerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 10,000 keep-alive connections open at once on one loop, each answered twice without an error.
 *
 * <p>The client, {@link LoadClient}, runs in a child JVM. In this environment {@code ulimit -n}
 * is 20,000 (hard limit too), and one process cannot hold both ends of 10,000 connections
 * (20,000 descriptors, plus the JVM's own jars and selectors). The limit is per process, so with
 * the client in its own process each side needs 10,000 and a little more. Where the limit is
 * lower still, the test uses the largest count that fits and says so on its output.
 */
class ManyConnectionsTest {

    private static final int WANTED = 10_000;
    /** Descriptors left for everything else in each process: jars, selectors, pipes. */
    private static final int SPARE_DESCRIPTORS = 1_000;

    @Test
    @Timeout(60)
    void tenThousandConcurrentKeepAliveConnectionsAreServed() throws Exception {
        int count = connectionCount();
        HttpServerOptions options = HttpServerOptions.builder()
                .backlog(4096) // the kernel's somaxconn caps it anyway; the client keeps 1,000 connects in flight
                .keepAliveTimeout(Duration.ofSeconds(60)) // the connections idle while the rest open
                .build();
        App app = App.create().get("/ok", (req, res) -> res.send("ok"));
        try (TestServer server = TestServer.start(app, options)) {
            Process client = startClient(server.port(), count);
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                String ready = readLine(out, 30);
                assertThat(ready).as("client: every connection open and answered once").isEqualTo("READY " + count + " 0");
                assertThat(server.onLoop(server.server::connections)).as("open at once").isEqualTo(count);

                client.getOutputStream().write("go\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                String done = readLine(out, 30);
                assertThat(done).as("client: every connection answered again").isEqualTo("DONE " + count + " 0");
                assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(client.exitValue()).isZero();
                server.awaitOnLoop("every connection closed after the client left",
                        () -> server.server.connections() == 0, Duration.ofSeconds(20));
            } finally {
                client.destroyForcibly();
            }
        }
    }

    /** {@value #WANTED}, or as many as this process's descriptor limit allows. */
    private static int connectionCount() throws IOException {
        long limit = descriptorLimit();
        long room = limit - openDescriptors() - SPARE_DESCRIPTORS;
        int count = (int) Math.max(1, Math.min(WANTED, room));
        System.out.printf("ManyConnectionsTest: descriptor limit %d per process, %d connections (client in a child JVM)%s%n",
                limit, count, count < WANTED ? "; fewer than " + WANTED + " because of the limit" : "");
        return count;
    }

    /** The soft RLIMIT_NOFILE, from Linux's /proc; elsewhere assumed large enough. */
    private static long descriptorLimit() throws IOException {
        Path limits = Path.of("/proc/self/limits");
        if (!Files.isReadable(limits)) {
            return Long.MAX_VALUE / 2;
        }
        for (String line : Files.readAllLines(limits)) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE / 2 : Long.parseLong(soft);
            }
        }
        return Long.MAX_VALUE / 2;
    }

    private static long openDescriptors() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return 0;
        }
        try (Stream<Path> open = Files.list(fds)) {
            return open.count();
        }
    }

    private static Process startClient(int port, int count) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                LoadClient.class.getName(), Integer.toString(port), Integer.toString(count), "/ok", "ok");
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** A line of the client's output; a pipe read cannot be interrupted, so it runs on another thread. */
    private static String readLine(BufferedReader out, int seconds) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(seconds, TimeUnit.SECONDS);
    }
}
