/**
 * The showdown ({@code ./spindle bench}): each concurrency model runs as a server in its own process
 * pinned to one core while Spindle's load generator, in this process on the other core, runs the
 * scenarios of issue 6 against it; the results go to the terminal and to a report folder (JSON,
 * Markdown, PNG charts). {@link dev.spindle.bench.showdown.Showdown} is the entry point.
 */
package dev.spindle.bench.showdown;
