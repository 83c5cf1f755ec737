package dev.spindle.cli.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.cli.Chromium;
import dev.spindle.cli.SimpleHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: headless Chromium opens {@code /_spindle} on the demo after a
 * call to {@code /compute}, and the page, fed by its event stream, shows {@code GET /compute} in
 * the blocked table and the lag spike in its chart data. The screenshot lands in
 * {@code target/dashboard.png}.
 */
class DashboardBrowserTest {

    @Test
    void theDashboardShowsComputeAsTheBlockerAndTheLagSpike() throws Exception {
        try (MonitoredDemo demo = new MonitoredDemo()) {
            assertThat(SimpleHttp.get(demo.port(), "/").status()).isEqualTo(200);
            assertThat(SimpleHttp.get(demo.port(), "/compute").status()).isEqualTo(200);
            demo.awaitBlocked("GET /compute");

            try (Chromium browser = Chromium.open("http://127.0.0.1:" + demo.port() + "/_spindle", 1280, 1400)) {
                String describe = "JSON.stringify({events: window.spindle && spindle.events,"
                        + " blocked: document.querySelector('#blocked tbody').innerText,"
                        + " maxLagMs: document.querySelector('#lag-chart').dataset.maxLagMs})";
                // A snapshot and at least one pushed tick; the tick of the stalled second carries the spike.
                browser.await("!!window.spindle && spindle.events >= 2"
                                + " && document.querySelector('#blocked tbody').innerText.includes('GET /compute')"
                                + " && Number(document.querySelector('#lag-chart').dataset.maxLagMs) > 100",
                        Duration.ofSeconds(20), describe);

                JsonNode page = browser.evaluate("({"
                        + " blockedRow: [...document.querySelectorAll('#blocked tbody tr')].map(r => r.innerText)"
                        + "   .find(t => t.startsWith('GET /compute')),"
                        + " chartMaxLagMs: Number(document.querySelector('#lag-chart').dataset.maxLagMs),"
                        + " dataMaxLagMs: Math.max(...spindle.points.map(p => p.lagMaxMs)),"
                        + " points: spindle.points.length,"
                        + " state: document.querySelector('#state').textContent,"
                        + " blocks: document.querySelector('#blocks').textContent })");
                assertThat(page.get("blockedRow").asText()).startsWith("GET /compute").contains("sumBelow");
                assertThat(page.get("chartMaxLagMs").asDouble()).isGreaterThan(100);
                assertThat(page.get("dataMaxLagMs").asDouble()).isEqualTo(page.get("chartMaxLagMs").asDouble());
                assertThat(page.get("points").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(page.get("state").asText()).isEqualTo("live");
                // at least the /compute block; a busy machine can stretch another callback past the threshold
                assertThat(page.get("blocks").asInt()).isGreaterThanOrEqualTo(1);

                Path shot = Path.of("target", "dashboard.png");
                browser.screenshot(shot);
                assertThat(Files.size(shot)).isGreaterThan(10_000);
            }
        }
    }
}
