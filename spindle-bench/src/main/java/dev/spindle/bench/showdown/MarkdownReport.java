package dev.spindle.bench.showdown;

import java.util.List;
import java.util.Map;

/** The report as Markdown: how it was run, on what, which models ran, each scenario's table, and the charts. */
final class MarkdownReport {

    private MarkdownReport() {}

    static String format(Results results, List<String> charts) {
        StringBuilder out = new StringBuilder("# The showdown\n\n");
        out.append("Command: `").append(results.run().get("command")).append("` (").append(results.run().get("mode"))
                .append(" run, ").append(results.run().get("seconds")).append(" s, ").append(results.run().get("startedAt"))
                .append(").\n\n");
        Map<String, Object> machine = results.machine();
        out.append("Machine: ").append(machine.get("cores")).append(" cores (").append(machine.get("cpu")).append("), Linux ")
                .append(machine.get("kernel")).append(", ").append(machine.get("java")).append("; `ulimit -n` ")
                .append(machine.get("openFilesLimit")).append(", somaxconn ").append(machine.get("somaxconn"))
                .append(", tcp_abort_on_overflow ").append(machine.get("tcpAbortOnOverflow")).append(".\n");
        out.append("Each server runs alone, pinned to CPU 0 (`taskset -c 0`); the load generator (`spindle-load`, one loop)"
                + " runs in the orchestrator's JVM on CPU 1. Java models: `").append(machine.get("jvmFlags")).append("`.\n\n");
        out.append("`other work`: CPU time the machine spent on neither the server nor the load generator during a run,"
                + " as a share of all cores (from /proc/stat): the machine is shared, and a run with much other work was"
                + " disturbed.\n\n");
        out.append("| model | what | status |\n| --- | --- | --- |\n");
        for (Results.ModelStatus model : results.models()) {
            out.append("| ").append(model.model()).append(" | ").append(model.description()).append(" | ")
                    .append(model.reason().isEmpty() ? model.status() : model.status() + ": " + model.reason()).append(" |\n");
        }
        out.append('\n');
        for (Table table : Tables.all(results)) {
            out.append("## ").append(table.title).append("\n\n").append(note(table)).append(table.toMarkdown()).append('\n');
            String chart = chartFor(table, charts);
            if (chart != null) {
                out.append("![").append(chart).append("](").append(chart).append(")\n\n");
            }
        }
        return out.toString();
    }

    private static String chartFor(Table table, List<String> charts) {
        String chart = table.title.startsWith("1.") ? Charts.PERCENTILES
                : table.title.startsWith("2.") ? Charts.THROUGHPUT
                : table.title.startsWith("3.") ? Charts.STALL : null;
        return chart != null && charts.contains(chart) ? chart : null;
    }

    private static String note(Table table) {
        String note = switch (table.title.substring(0, 2)) {
            case "1." -> "Closed loop, one request in flight per connection. Latency counts from when each request was sent.";
            case "2." -> "Closed loop: each connection sends its next request when the answer arrives. The waits are timers on"
                    + " the loop models and sleeps on the thread models; they add up to 54 ms, so a model may reach 101.9% of"
                    + " the limit (answers to requests sent in the warm-up count when they arrive in the measured window). KiB/conn: how much the server's RSS grew during the"
                    + " run (warm-up included), per connection; on the JVMs that is mostly the heap the collector chose to"
                    + " grow into under this garbage, an upper bound, not what an idle connection needs.";
            case "3." -> "The 8 measuring clients send GET / at a constant rate (1.5 a second each: probes, not load); a"
                    + " request due while the server is stuck counts from when it was due (coordinated omission corrected). `inline`: /compute sums on the thread or loop"
                    + " that serves it; `offloaded`: /compute/worker (Spindle's Workers pool; the thread models serve both"
                    + " routes the same way).";
            case "4." -> "A client asks for /block (the serving thread or loop spins on the CPU), then new clients connect, all"
                    + " due within 250 ms, one request each. Latency counts from when each was due, connect included. Linux"
                    + " drops SYNs once the accept queue is full (tcp_abort_on_overflow=0): a client is not refused, it"
                    + " retries its SYN after 1 s and 3 s, and times out at the 2 s connect timeout.";
            case "5." -> "Read from each model's own monitor (`GET /lag`, reset before each measured window): Spindle's"
                    + " LoopMonitor, `monitorEventLoopDelay` in Node, Bun and Deno. Thread models, Netty and Vert.x have none.";
            default -> "";
        };
        return note.isEmpty() ? "" : note + "\n\n";
    }
}
