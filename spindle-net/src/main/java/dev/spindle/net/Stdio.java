package dev.spindle.net;

/** Where one of a child process's standard streams goes (Node's {@code stdio} option). */
public enum Stdio {
    /** A pipe to the parent: a {@link ReadablePipe} or {@link WritablePipe} on the loop. */
    PIPE,
    /** The parent's own stream: the child reads the parent's stdin, writes to its stdout or stderr. */
    INHERIT,
    /** Nowhere: the child reads end-of-file, its output is thrown away. */
    DISCARD
}
