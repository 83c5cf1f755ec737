package dev.spindle.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void labelValuesAndHelpAreEscapedAndValuesFormatted() {
        String text = new PrometheusText()
                .family("x_total", "counter", "a help with \\ and\nnewline")
                .sample("x_total", 3, "label", "GET /q\"uote\\d\n")
                .sample("x_total", 0.25, "a", "1", "b", "2")
                .sample("x_total", Double.POSITIVE_INFINITY)
                .sample("x_total", Double.NaN)
                .toString();
        assertThat(text).isEqualTo("""
                # HELP x_total a help with \\\\ and\\nnewline
                # TYPE x_total counter
                x_total{label="GET /q\\"uote\\\\d\\n"} 3
                x_total{a="1",b="2"} 0.25
                x_total +Inf
                x_total NaN
                """);
        assertThat(PrometheusText.bound(0.005)).isEqualTo("0.005");
        assertThat(PrometheusText.bound(1)).isEqualTo("1");
        assertThat(PrometheusText.bound(10)).isEqualTo("10");
        assertThat(PrometheusText.bound(2.5)).isEqualTo("2.5");
        assertThat(PrometheusText.bound(0.0001)).isEqualTo("0.0001");
    }
}
