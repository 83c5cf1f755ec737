package dev.spindle.net.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * The reading half of a {@link TcpSocketImpl}: reads into the loop's shared buffer while the socket
 * flows, hands each chunk to the data listener, and notices the peer's end. It is also the
 * pre-bound {@link Runnable} that delivers a chunk, so a read allocates nothing. Loop thread only.
 */
final class SocketInput implements Runnable {

    /** Reads per readiness event, so one busy socket cannot starve the others (libuv reads 32). */
    static final int MAX_READS_PER_EVENT = 16;

    private final TcpSocketImpl socket;
    private Consumer<ByteBuffer> dataListener;
    /** The chunk {@link #run()} hands over; set only while it runs. */
    private ByteBuffer chunk;
    private boolean paused;
    private boolean ended;
    private long bytesRead;

    SocketInput(TcpSocketImpl socket) {
        this.socket = socket;
    }

    /** Whether the socket wants to read now: someone listens, it flows, and the peer has not ended. */
    boolean wantsToRead() {
        return dataListener != null && !paused && !ended;
    }

    /** Reads what the kernel has, up to {@link #MAX_READS_PER_EVENT} times. */
    void read(SocketChannel channel, ByteBuffer buffer) {
        for (int i = 0; i < MAX_READS_PER_EVENT && socket.isReading(); i++) {
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                socket.failed(e, "read");
                return;
            }
            if (n > 0) {
                bytesRead += n;
                socket.touch();
                buffer.flip();
                chunk = buffer;
                socket.dispatch("net.data", this);
                chunk = null;
                if (n < buffer.capacity()) {
                    return; // the kernel had no more; skip the read that would say so
                }
            } else if (n < 0) {
                ended = true;
                socket.peerEnded();
                return;
            } else {
                return;
            }
        }
    }

    /** Delivers the chunk just read. */
    @Override
    public void run() {
        dataListener.accept(chunk);
    }

    void listener(Consumer<ByteBuffer> listener) {
        dataListener = listener;
    }

    void paused(boolean paused) {
        this.paused = paused;
    }

    boolean isPaused() {
        return paused;
    }

    boolean isEnded() {
        return ended;
    }

    long bytesRead() {
        return bytesRead;
    }
}
