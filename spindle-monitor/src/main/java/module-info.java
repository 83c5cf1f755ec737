/**
 * Seeing the loop: lag, utilization, the blocked-callback watchdog, load shedding, Prometheus and
 * JSON exports, and a live dashboard. The monitor hangs on the loop's observer SPI and plugs into
 * an HTTP app as a first middleware plus a router; {@code dev.spindle.http} never imports it.
 * Public API in {@code dev.spindle.monitor}; everything else is internal.
 */
module dev.spindle.monitor {
    requires transitive dev.spindle.http;
    requires HdrHistogram;
    requires com.fasterxml.jackson.databind;
    requires java.management;
    requires static micrometer.core; // only LoopMonitorMeterBinder; apps that use it read Micrometer themselves

    exports dev.spindle.monitor;
}
