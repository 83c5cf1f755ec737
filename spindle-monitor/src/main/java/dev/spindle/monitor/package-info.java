/**
 * The loop monitor: start one per loop with {@link dev.spindle.monitor.LoopMonitor#start}, and
 * {@linkplain dev.spindle.monitor.LoopMonitor#install install} it in an app to get load shedding,
 * request metrics, {@code GET /metrics} (Prometheus text), {@code GET /status} (JSON) and the live
 * dashboard at {@code /_spindle}.
 *
 * <p>What it measures, and how each number is sampled, is listed in {@code METRICS.md} beside the
 * module's sources.
 *
 * <p><b>Threading.</b> {@link dev.spindle.monitor.LoopMonitor#start} and
 * {@link dev.spindle.monitor.LoopMonitor#close} belong to the loop thread, like every loop API.
 * The readings ({@code lag()}, {@code utilization()}, {@code blocked()}, {@code prometheusText()},
 * ...) may be called from any thread. The watchdog runs on a thread of its own and never touches
 * loop-owned objects.
 */
package dev.spindle.monitor;
