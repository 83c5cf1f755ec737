package dev.spindle.monitor.internal;

import dev.spindle.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The monitor's routes: {@code GET /metrics} (Prometheus text), {@code GET /status} (JSON),
 * {@code GET /_spindle} (the dashboard page: one file, inline script and style, nothing from
 * elsewhere) and {@code GET /_spindle/events} (the dashboard's event stream).
 */
final class MonitorRoutes {

    private static final String PAGE = "dashboard.html";
    private static volatile byte[] page;

    private MonitorRoutes() {}

    static Router create(MonitorImpl monitor) {
        byte[] html = page();
        return Router.create()
                .get("/metrics", (req, res) -> res.type(PrometheusText.CONTENT_TYPE).send(monitor.prometheusText()))
                .get("/status", (req, res) -> res.type("application/json; charset=utf-8")
                        .header("Cache-Control", "no-store").send(monitor.statusJson()))
                .get("/_spindle", (req, res) -> res.type("text/html; charset=utf-8")
                        .header("Cache-Control", "no-store").send(html))
                .get("/_spindle/events", (req, res) -> monitor.dashboard.open(res,
                        Reports.json(Reports.dashboardSnapshot(monitor))));
    }

    static byte[] page() {
        byte[] html = page;
        if (html == null) {
            try (InputStream in = MonitorRoutes.class.getResourceAsStream(PAGE)) {
                if (in == null) {
                    throw new IllegalStateException("the dashboard page " + PAGE + " is missing from the module");
                }
                html = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page = html;
        }
        return html;
    }

    static String pageText() {
        return new String(page(), StandardCharsets.UTF_8);
    }
}
