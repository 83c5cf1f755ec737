package dev.spindle.bench.showdown;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, as PNG files drawn with XChart: latency percentiles per model (hello),
 * throughput against connections (timeline, with the limit), and {@code GET /} latency over time
 * during the CPU stall. Latency axes are logarithmic: a stall is hundreds of times a normal answer.
 */
final class Charts {

    static final String PERCENTILES = "latency-percentiles.png";
    static final String THROUGHPUT = "throughput-vs-connections.png";
    static final String STALL = "stall-latency-over-time.png";

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    /** Below this a latency is drawn at this: a log axis has no zero. */
    private static final double FLOOR_MS = 0.01;

    /** One colour per model in every chart; Spindle's the strongest. */
    private static final Map<String, Color> COLOURS = Map.of(
            "threads", new Color(31, 119, 180),
            "virtual", new Color(148, 103, 189),
            "spindle", new Color(0, 150, 60),
            "netty", new Color(214, 39, 40),
            "vertx", new Color(255, 127, 14),
            "node", new Color(140, 86, 75),
            "bun", new Color(227, 119, 194),
            "deno", new Color(23, 190, 207));
    private static final BasicStroke SOLID = new BasicStroke(2.5f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);

    private Charts() {}

    private static Color colour(String model) {
        return COLOURS.getOrDefault(model, Color.DARK_GRAY);
    }

    private static void paint(org.knowm.xchart.internal.series.MarkerSeries series, String model, boolean dashed) {
        series.setLineColor(colour(model));
        series.setMarkerColor(colour(model));
        series.setLineStyle(dashed ? DASHED : SOLID);
    }

    /** Writes every chart the results have data for into {@code folder}; returns the file names written. */
    static List<String> write(Results results, Path folder) throws IOException {
        List<String> written = new ArrayList<>();
        if (!results.hello().isEmpty()) {
            save(percentiles(results), folder.resolve(PERCENTILES));
            written.add(PERCENTILES);
        }
        if (!results.timeline().isEmpty()) {
            save(throughput(results), folder.resolve(THROUGHPUT));
            written.add(THROUGHPUT);
        }
        if (!results.stall().isEmpty()) {
            save(stall(results), folder.resolve(STALL));
            written.add(STALL);
        }
        return written;
    }

    static CategoryChart percentiles(Results results) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Hello, 64 connections: latency percentiles").xAxisTitle("percentile")
                .yAxisTitle("latency, ms (log)").build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setOverlapped(true);
        List<String> percentiles = List.of("p50", "p90", "p99", "p99.9", "max");
        for (Rows.Hello row : results.hello()) {
            Figures load = row.load();
            paint(chart.addSeries(row.model(), percentiles, List.of(floor(load.p50Ms()), floor(load.p90Ms()),
                    floor(load.p99Ms()), floor(load.p999Ms()), floor(load.maxMs()))), row.model(), false);
        }
        return chart;
    }

    static XYChart throughput(Results results) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Request timeline (54 ms of waits): throughput").xAxisTitle("connections (log)")
                .yAxisTitle("requests per second (log)").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        Map<String, List<Rows.Timeline>> byModel = new LinkedHashMap<>();
        for (Rows.Timeline row : results.timeline()) {
            byModel.computeIfAbsent(row.model(), model -> new ArrayList<>()).add(row);
        }
        List<Integer> limitX = new ArrayList<>();
        List<Double> limitY = new ArrayList<>();
        for (Rows.Timeline row : byModel.values().iterator().next()) {
            limitX.add(row.connections());
            limitY.add(row.limitPerSecond());
        }
        XYSeries limit = chart.addSeries("limit: connections / 55 ms", limitX, limitY);
        limit.setLineColor(Color.GRAY);
        limit.setMarkerColor(Color.GRAY);
        limit.setLineStyle(DASHED);
        for (Map.Entry<String, List<Rows.Timeline>> model : byModel.entrySet()) {
            List<Integer> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Rows.Timeline row : model.getValue()) {
                x.add(row.connections());
                y.add(Math.max(1, row.load().requestsPerSecond()));
            }
            paint(chart.addSeries(model.getKey(), x, y), model.getKey(), false);
        }
        return chart;
    }

    static XYChart stall(Results results) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("CPU stall: GET / latency while /compute loops")
                .xAxisTitle("seconds into the measured run").yAxisTitle("slowest GET / per 100 ms, ms (log)").build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(4);
        for (Rows.Stall row : results.stall()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Rows.Slice slice : row.overTime()) {
                if (slice.responses() > 0) {
                    x.add(slice.atSeconds());
                    y.add(floor(slice.maxMs()));
                }
            }
            if (!x.isEmpty()) {
                XYSeries series = chart.addSeries(row.model() + ", " + row.variant(), x, y);
                paint(series, row.model(), row.variant().equals("offloaded"));
                series.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(220, 220, 220));
        styler.setMarkerSize(7);
    }

    private static double floor(double millis) {
        return Math.max(FLOOR_MS, millis);
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
    }
}
