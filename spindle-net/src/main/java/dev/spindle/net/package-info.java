/**
 * Non-blocking TCP on the Spindle loop, in Node's shape: {@link dev.spindle.net.TcpServer} accepts
 * connections and hands each to a callback as a {@link dev.spindle.net.TcpSocket}; a socket emits
 * {@code data}, {@code end}, {@code drain}, {@code error} and {@code close} events and applies
 * write backpressure through a high-water mark. {@link dev.spindle.net.ChildProcess} starts a
 * program with its stdin, stdout and stderr as pipes with the same backpressure, and {@code exit}
 * and {@code close} events; {@code exec} collects its output up to a limit.
 *
 * <p><b>Threading.</b> Like everything in Spindle, these types belong to the loop thread: every
 * method must be called on the thread running the loop (or, before the loop first runs, on the
 * thread that created it), and every callback runs there, through the loop's dispatch. A call from
 * another thread throws {@link java.lang.IllegalStateException}; hand work over with
 * {@link dev.spindle.loop.Loop#execute}.
 */
package dev.spindle.net;
