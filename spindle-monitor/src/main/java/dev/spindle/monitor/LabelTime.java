package dev.spindle.monitor;

/**
 * The loop time one dispatch label has used, e.g. {@code GET /compute} or {@code timer}. Time is
 * counted where it is spent: while a callback dispatches a more specific one (an I/O read running
 * an HTTP route), the inner label's time is not counted again for the outer one.
 *
 * @param label the dispatch label
 * @param nanos loop time used, in nanoseconds
 * @param dispatches how many callbacks ran under this label
 */
public record LabelTime(String label, long nanos, long dispatches) {}
