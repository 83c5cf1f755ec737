package dev.spindle.loop;

/**
 * The phases of one loop turn, in the order they run (libuv's {@code uv_run}).
 *
 * <p>Node's documentation draws the turn starting with timers; libuv 1.45 and later run timers at
 * the end of a turn, after close callbacks, and once before the first turn. Read as a cycle both
 * give the same sequence: timers, pending, idle, prepare, poll, check, close, timers, ... Spindle
 * writes the turn the way Node's diagram draws it, so the first turn runs due timers before it
 * polls for I/O, as libuv's extra run before the first turn does.
 */
public enum Phase {
    /** Due {@code setTimeout}/{@code setInterval} callbacks, by (deadline, creation order). */
    TIMERS,
    /** Completions posted from other threads ({@link Loop#execute}, the blocking pool) and deferred I/O callbacks. */
    PENDING,
    /** Idle hooks: run every turn before preparing to poll. */
    IDLE,
    /** Prepare hooks: run right before the loop blocks for I/O. */
    PREPARE,
    /** Waits for I/O readiness and runs the I/O callbacks. */
    POLL,
    /** {@code setImmediate} callbacks queued before this phase began. */
    CHECK,
    /** Close callbacks of handles closed during the turn. */
    CLOSE
}
