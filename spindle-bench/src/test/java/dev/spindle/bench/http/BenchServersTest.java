package dev.spindle.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java bench server answers its three routes right, over a real socket on an ephemeral
 * port, so that the bench cannot silently measure a broken server.
 */
class BenchServersTest {

    private static HttpClient client;

    @BeforeAll
    static void startClient() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopClient() {
        client.close();
    }

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("spindle", (IntFunction<BenchServer>) port -> SpindleBenchServer.start(port, false)),
                Arguments.of("spindle+monitor", (IntFunction<BenchServer>) port -> SpindleBenchServer.start(port, true)),
                Arguments.of("spindle+monitor-all",
                        (IntFunction<BenchServer>) port -> SpindleBenchServer.start(port, SpindleBenchServer.everythingOn())),
                Arguments.of("netty", (IntFunction<BenchServer>) NettyBenchServer::start),
                Arguments.of("vertx", (IntFunction<BenchServer>) VertxBenchServer::start),
                Arguments.of("jdk", (IntFunction<BenchServer>) JdkBenchServer::start),
                Arguments.of("floor", (IntFunction<BenchServer>) FloorBenchServer::start));
    }

    private static HttpResponse<String> get(BenchServer server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void answersTheThreeRoutes(String name, IntFunction<BenchServer> start) throws Exception {
        try (BenchServer server = start.apply(0)) {
            assertThat(server.port()).isPositive();

            HttpResponse<String> plaintext = get(server, BenchRoutes.PLAINTEXT);
            assertThat(plaintext.statusCode()).isEqualTo(200);
            assertThat(plaintext.body()).isEqualTo("Hello, World!");
            assertThat(plaintext.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(plaintext.headers().firstValue("Date")).isPresent();

            HttpResponse<String> json = get(server, BenchRoutes.JSON);
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).isEqualTo("{\"message\":\"Hello, World!\"}").isEqualTo(BenchRoutes.JSON_BODY);
            assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));

            long sent = System.nanoTime();
            HttpResponse<String> wait = get(server, BenchRoutes.WAIT);
            long elapsedMillis = (System.nanoTime() - sent) / 1_000_000;
            assertThat(wait.statusCode()).isEqualTo(200);
            assertThat(wait.body()).isEqualTo("Hello, World!");
            assertThat(elapsedMillis).as("the wait of /wait").isGreaterThanOrEqualTo(BenchRoutes.WAIT_MILLIS - 1);

            assertThat(get(server, "/nowhere").statusCode()).isEqualTo(404);
        }
    }
}
