/**
 * Non-blocking TCP on the Spindle loop: {@link dev.spindle.net.TcpServer} and
 * {@link dev.spindle.net.TcpSocket}, with write backpressure, half-close, idle timeouts and a
 * connection limit; and child processes ({@link dev.spindle.net.ChildProcess}) with their pipes as
 * loop streams. Public API in {@code dev.spindle.net}; everything else is internal.
 */
module dev.spindle.net {
    requires transitive dev.spindle.loop;

    exports dev.spindle.net;
}
