package dev.spindle.net.internal;

import dev.spindle.net.NetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The writing half of a {@link TcpSocketImpl}: writes at once what the kernel takes, queues the
 * rest, reports backpressure past the high-water mark and a drain once the queue empties, and
 * half-closes after the last queued byte. The queue exists only while something waits in it, so
 * an idle socket's output is this one small object. Loop thread only.
 */
final class SocketOutput {

    private final TcpSocketImpl socket;
    /** Null while nothing is queued. */
    private WriteQueue queue;
    private boolean ending;
    private boolean shut;
    private boolean needDrain;
    private long bytesWritten;

    SocketOutput(TcpSocketImpl socket) {
        this.socket = socket;
    }

    /**
     * Writes {@code data}, queueing what the kernel does not take now ({@code owned}: a heap buffer
     * nobody else holds, which may be queued as it is). False past the high-water mark, and for a
     * write after end or destroy, which is reported as an error event.
     */
    boolean write(SocketChannel channel, ByteBuffer direct, ByteBuffer data, boolean owned, long highWaterMark) {
        if (ending || socket.isClosed()) {
            rejectWrite();
            return false;
        }
        if (queue == null) {
            try {
                wrote(WriteQueue.writeNow(channel, data, direct));
            } catch (IOException e) {
                socket.failed(e, "write");
                return false;
            }
            if (!data.hasRemaining()) {
                return true;
            }
            queue = new WriteQueue();
            queue.add(data, owned);
            socket.updateInterest();
        } else {
            queue.add(data, owned);
        }
        if (queue.bytes() >= highWaterMark) {
            needDrain = true;
            return false;
        }
        return true;
    }

    /** Node reports a write after end asynchronously; so do we, in the next pending phase. */
    private void rejectWrite() {
        NetException rejected = socket.isClosed()
                ? new NetException(NetException.ERR_STREAM_DESTROYED, "write after the socket was destroyed")
                : new NetException(NetException.ERR_STREAM_WRITE_AFTER_END, "write after end");
        socket.reportLater(rejected);
    }

    /** The socket is writable: hands queued bytes to the kernel; drains, or shuts down, once empty. */
    void flush(SocketChannel channel, ByteBuffer direct) {
        if (queue == null) {
            return;
        }
        try {
            wrote(queue.flushTo(channel, direct));
        } catch (IOException e) {
            socket.failed(e, "write");
            return;
        }
        if (!queue.isEmpty()) {
            return;
        }
        queue = null;
        socket.updateInterest();
        if (ending) {
            shutdown(channel);
        } else if (needDrain) {
            needDrain = false;
            socket.drained();
        }
    }

    /** Half-closes once everything queued has gone; at once if nothing is. */
    void end(SocketChannel channel) {
        if (ending || socket.isClosed()) {
            return;
        }
        ending = true;
        if (queue == null) {
            shutdown(channel);
        } // else flush() shuts the output down once the queue has drained
    }

    private void shutdown(SocketChannel channel) {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            socket.failed(e, "shutdown");
            return;
        }
        shut = true;
        socket.outputShut();
    }

    private void wrote(long n) {
        if (n > 0) {
            bytesWritten += n;
            socket.touch();
        }
    }

    /** Drops what is queued: the socket is closing. */
    void clear() {
        queue = null;
    }

    boolean hasQueued() {
        return queue != null;
    }

    long queuedBytes() {
        return queue == null ? 0 : queue.bytes();
    }

    boolean isEnding() {
        return ending;
    }

    boolean isShut() {
        return shut;
    }

    long bytesWritten() {
        return bytesWritten;
    }
}
