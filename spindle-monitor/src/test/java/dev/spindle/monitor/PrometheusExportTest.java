package dev.spindle.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.Handler;
import dev.spindle.loop.Loop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: well-formed Prometheus text with every metric the issue names. */
class PrometheusExportTest {

    static final List<String> NAMED = List.of(
            "spindle_eventloop_lag_seconds",
            "spindle_eventloop_lag_seconds_min",
            "spindle_eventloop_lag_seconds_max",
            "spindle_eventloop_lag_seconds_mean",
            "spindle_eventloop_lag_seconds_stddev",
            "spindle_eventloop_utilization",
            "spindle_eventloop_phase_seconds_total",
            "spindle_blocked_callbacks_total",
            "spindle_loop_time_seconds_total",
            "spindle_pool_queue_depth",
            "spindle_pool_wait_seconds",
            "spindle_http_requests_total",
            "spindle_http_request_duration_seconds",
            "spindle_http_shed_total",
            "jvm_memory_used_bytes",
            "jvm_gc_collection_seconds");

    @Test
    void everyLineIsWellFormedAndEveryNamedMetricIsThere() throws Exception {
        try (MonitoredServer server = MonitoredServer.start(MonitorOptions.DEFAULTS, app -> app
                .get("/", (req, res) -> res.send("ok"))
                .get("/file", Handler.async((req, res) -> Loop.current().offload(() -> "read").then(res::send)))
                .get("/users/:id", (req, res) -> res.send("user " + req.param("id")))
                .get("/block", (req, res) -> {
                    Spin.blockTheLoopFor(Duration.ofMillis(150));
                    res.send("done");
                }))) {
            for (int i = 0; i < 3; i++) {
                assertThat(Http.get(server.port(), "/").status()).isEqualTo(200);
            }
            assertThat(Http.get(server.port(), "/users/7").status()).isEqualTo(200);
            assertThat(Http.get(server.port(), "/file").body()).isEqualTo("read");
            assertThat(Http.get(server.port(), "/file").body()).isEqualTo("read");
            assertThat(Http.get(server.port(), "/nowhere").status()).isEqualTo(404);
            assertThat(Http.get(server.port(), "/block").status()).isEqualTo(200);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.monitor.blocked().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the watchdog reports the block's end on its own thread
            }

            Http response = Http.get(server.port(), "/metrics");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            Prometheus metrics = Prometheus.parse(response.body());

            assertThat(metrics.types).containsKeys(NAMED.toArray(String[]::new));
            assertThat(metrics.types).containsEntry("spindle_eventloop_lag_seconds", "summary")
                    .containsEntry("spindle_http_request_duration_seconds", "histogram")
                    .containsEntry("spindle_blocked_callbacks_total", "counter")
                    .containsEntry("spindle_eventloop_utilization", "gauge");
            for (String quantile : List.of("0.5", "0.9", "0.99", "0.999")) {
                assertThat(metrics.value("spindle_eventloop_lag_seconds", "quantile", quantile)).isNotNegative();
            }
            assertThat(metrics.value("spindle_eventloop_lag_seconds_max")).isGreaterThan(0.1);
            assertThat(metrics.value("spindle_eventloop_lag_seconds_count")).isPositive();
            assertThat(metrics.value("spindle_eventloop_utilization")).isBetween(0.0, 1.0);
            for (String phase : List.of("timers", "pending", "poll", "check", "close")) {
                assertThat(metrics.value("spindle_eventloop_phase_seconds_total", "phase", phase)).isNotNegative();
            }
            assertThat(metrics.value("spindle_blocked_callbacks_total", "label", "GET /block")).isEqualTo(1);
            assertThat(metrics.value("spindle_blocked_callback_max_seconds", "label", "GET /block")).isGreaterThan(0.1);
            assertThat(metrics.value("spindle_loop_time_seconds_total", "label", "GET /block")).isGreaterThan(0.1);
            assertThat(metrics.value("spindle_pool_queue_depth", "pool", "blocking")).isZero();
            assertThat(metrics.types).containsEntry("spindle_pool_wait_seconds", "histogram");
            assertThat(metrics.value("spindle_pool_wait_seconds_bucket", "pool", "blocking", "le", "+Inf")).isEqualTo(2);
            assertThat(metrics.value("spindle_pool_wait_seconds_bucket", "pool", "blocking", "le", "10")).isEqualTo(2);
            assertThat(metrics.value("spindle_pool_wait_seconds_count", "pool", "blocking")).isEqualTo(2);
            assertThat(metrics.find("spindle_pool_wait_seconds_bucket", "pool", "blocking", "le", "0.0001")).isPresent();
            assertThat(metrics.value("spindle_http_requests_total", "route", "GET /", "status", "200")).isEqualTo(3);
            assertThat(metrics.value("spindle_http_requests_total", "route", "GET /users/:id", "status", "200")).isEqualTo(1);
            assertThat(metrics.value("spindle_http_requests_total", "route", "GET (unmatched)", "status", "404")).isEqualTo(1);
            assertThat(metrics.value("spindle_http_request_duration_seconds_count", "route", "GET /")).isEqualTo(3);
            assertThat(metrics.value("spindle_http_request_duration_seconds_bucket", "route", "GET /", "le", "+Inf"))
                    .isEqualTo(3);
            assertThat(metrics.value("spindle_http_request_duration_seconds_bucket", "route", "GET /block", "le", "0.1"))
                    .isZero();
            assertThat(metrics.value("spindle_http_request_duration_seconds_bucket", "route", "GET /block", "le", "0.25"))
                    .isEqualTo(1);
            assertThat(metrics.value("spindle_http_shed_total", "reason", "lag")).isZero();
            assertThat(metrics.value("jvm_memory_used_bytes", "area", "heap")).isPositive();
            assertThat(metrics.value("spindle_eventloop_callbacks_per_turn_bucket", "le", "+Inf"))
                    .isEqualTo(metrics.value("spindle_eventloop_callbacks_per_turn_count"));
        }
    }
}
