package dev.spindle.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bench's scripts are in place, and Node's peer ({@code http/node-server.js}) answers the same
 * three routes as the Java servers, over a real socket on a port it picks (skipped without node).
 */
class NodeBenchServerTest {

    private static final Path HTTP_DIR = Path.of("http");

    @Test
    void theScriptsExist() {
        assertThat(HTTP_DIR.resolve("run-http-bench.sh")).isRegularFile().isExecutable();
        assertThat(HTTP_DIR.resolve("pipeline.lua")).isRegularFile();
        assertThat(HTTP_DIR.resolve("report.js")).isRegularFile();
        assertThat(HTTP_DIR.resolve("node-server.js")).isRegularFile();
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void nodeServerAnswersTheThreeRoutes() throws Exception {
        assumeTrue(nodeAvailable(), "node is not on the PATH");
        Process node = new ProcessBuilder("node", HTTP_DIR.resolve("node-server.js").toString(), "0")
                .redirectErrorStream(true).start();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher listening = Pattern.compile("node listening on (\\d+) pid \\d+").matcher(String.valueOf(line));
            assertThat(listening.matches()).as(line).isTrue();
            String base = "http://127.0.0.1:" + listening.group(1);

            HttpResponse<String> plaintext = get(client, base + BenchRoutes.PLAINTEXT);
            assertThat(plaintext.statusCode()).isEqualTo(200);
            assertThat(plaintext.body()).isEqualTo(BenchRoutes.HELLO);
            assertThat(plaintext.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");

            HttpResponse<String> json = get(client, base + BenchRoutes.JSON);
            assertThat(json.body()).isEqualTo(BenchRoutes.JSON_BODY);
            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");

            long sent = System.nanoTime();
            HttpResponse<String> wait = get(client, base + BenchRoutes.WAIT);
            assertThat(wait.body()).isEqualTo(BenchRoutes.HELLO);
            assertThat((System.nanoTime() - sent) / 1_000_000).isGreaterThanOrEqualTo(BenchRoutes.WAIT_MILLIS - 1);
        } finally {
            node.destroy();
            node.waitFor();
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
