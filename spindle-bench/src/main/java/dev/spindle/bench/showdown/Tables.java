package dev.spindle.bench.showdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The showdown's tables, built from its results: the same on the terminal and in the Markdown report. */
final class Tables {

    private Tables() {}

    static List<Table> all(Results results) {
        List<Table> tables = new ArrayList<>();
        tables.add(hello(results));
        tables.add(timeline(results));
        tables.add(stall(results));
        tables.add(cascade(results));
        tables.add(lag(results));
        tables.removeIf(Table::isEmpty);
        return tables;
    }

    static Table hello(Results results) {
        Table table = new Table("1. Hello: plaintext GET / at 64 connections", "model", Table.number("req/s"),
                Table.number("p50 ms"), Table.number("p99 ms"), Table.number("max ms"), Table.number("errors"),
                Table.number("peak RSS MiB"), Table.number("other work"));
        for (Rows.Hello row : results.hello()) {
            Figures load = row.load();
            table.row(row.model(), count(load.requestsPerSecond()), ms(load.p50Ms()), ms(load.p99Ms()), ms(load.maxMs()),
                    errors(load), mib(row.peakRssMib()), percent(row.otherWork()));
        }
        return table;
    }

    static Table timeline(Results results) {
        Table table = new Table("2. The seed's request timeline (54 ms of waits): GET /timeline, limit = connections / 55 ms",
                "model", Table.number("conns"), Table.number("req/s"), Table.number("limit"), Table.number("% of limit"),
                Table.number("p50 ms"), Table.number("p99 ms"), Table.number("max ms"), Table.number("errors"),
                Table.number("peak RSS MiB"), Table.number("KiB/conn"), Table.number("other work"));
        for (Rows.Timeline row : results.timeline()) {
            Figures load = row.load();
            table.row(row.model(), count(row.connections()), count(load.requestsPerSecond()), count(row.limitPerSecond()),
                    String.format(Locale.ROOT, "%.1f%%", row.percentOfLimit()), ms(load.p50Ms()), ms(load.p99Ms()),
                    ms(load.maxMs()), errors(load), mib(row.peakRssMib()),
                    String.format(Locale.ROOT, "%.1f", row.kibPerConnection()), percent(row.otherWork()));
        }
        return table;
    }

    static Table stall(Results results) {
        Table table = new Table("3. The CPU stall: 1 client loops on /compute, 8 measure GET / at a constant rate",
                "model", "compute", Table.number("GET / req/s"), Table.number("p50 ms"), Table.number("p99 ms"),
                Table.number("max ms"), Table.number("errors"), Table.number("sums"), Table.number("ms per sum"),
                Table.number("peak RSS MiB"), Table.number("other work"));
        for (Rows.Stall row : results.stall()) {
            Figures get = row.get();
            table.row(row.model(), row.variant(), count(get.requestsPerSecond()), ms(get.p50Ms()), ms(get.p99Ms()),
                    ms(get.maxMs()), errors(get), row.computeResponses(), ms(row.computeMeanMs()), mib(row.peakRssMib()),
                    percent(row.otherWork()));
        }
        return table;
    }

    static Table cascade(Results results) {
        Table table = new Table("4. The queueing cascade: the server blocked while new clients connect (2 s connect timeout)",
                "model", Table.number("backlog"), Table.number("block ms"), Table.number("clients"), Table.number("served"),
                Table.number("of which late (>= 1 s)"), Table.number("timed out"), Table.number("refused"),
                Table.number("other errors"), Table.number("p50 ms"), Table.number("p99 ms"), Table.number("max ms"));
        for (Rows.Cascade row : results.cascade()) {
            table.row(row.model(), row.backlog(), row.blockMs(), row.clients(), row.served(), row.servedLate(),
                    row.timedOut(), row.refused(), row.otherErrors(), ms(row.p50Ms()), ms(row.p99Ms()), ms(row.maxMs()));
        }
        return table;
    }

    static Table lag(Results results) {
        Table table = new Table("5. Event-loop lag as each model's monitor reports it (ms)", "model", "scenario",
                Table.number("p50"), Table.number("p99"), Table.number("max"), Table.number("mean"), Table.number("samples"));
        for (Rows.LagRow row : results.lag()) {
            Lag lag = row.lag();
            table.row(row.model(), row.scenario(), ms(lag.p50Ms()), ms(lag.p99Ms()), ms(lag.maxMs()), ms(lag.meanMs()),
                    lag.count());
        }
        return table;
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String ms(double millis) {
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%,.0f", millis);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f" : "%.2f", millis);
    }

    private static String percent(double percent) {
        return percent < 0 ? "?" : String.format(Locale.ROOT, "%.0f%%", percent);
    }

    private static String mib(double mib) {
        return String.format(Locale.ROOT, "%.0f", mib);
    }

    private static String errors(Figures figures) {
        if (figures.errors() == 0) {
            return "0";
        }
        StringBuilder kinds = new StringBuilder();
        for (Map.Entry<String, Long> kind : figures.errorKinds().entrySet()) {
            kinds.append(kinds.isEmpty() ? "" : ", ").append(kind.getValue()).append(' ').append(kind.getKey());
        }
        return figures.errors() + " (" + kinds + ")";
    }
}
