package dev.spindle.net.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * The bytes a socket could not hand to the kernel yet, as heap chunks in write order. Small writes
 * are appended to the last chunk's spare room, so a burst of tiny writes under backpressure does
 * not become a burst of tiny chunks. Heap bytes go to the kernel through the loop's direct write
 * buffer, in slices of its size. A socket creates one only while something waits to be written.
 * Loop thread only.
 */
final class WriteQueue {

    /** The smallest chunk a copied write allocates, leaving room for the writes that follow it. */
    static final int MIN_CHUNK = 4096;

    private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
    private long bytes;

    boolean isEmpty() {
        return bytes == 0;
    }

    /** Bytes queued. */
    long bytes() {
        return bytes;
    }

    /**
     * Queues {@code data}'s remaining bytes and advances its position to its limit. An
     * {@code owned} heap buffer (nobody else holds it) is queued as it is; anything else is copied,
     * because the caller may reuse its buffer once {@code write} returns.
     */
    void add(ByteBuffer data, boolean owned) {
        int length = data.remaining();
        if (length == 0) {
            return;
        }
        bytes += length;
        ByteBuffer last = chunks.peekLast();
        if (last != null && last.capacity() - last.limit() >= length) {
            last.put(last.limit(), data, data.position(), length);
            last.limit(last.limit() + length);
            data.position(data.limit());
        } else if (owned && !data.isDirect()) {
            chunks.add(data.slice());
            data.position(data.limit());
        } else {
            ByteBuffer copy = ByteBuffer.allocate(Math.max(length, MIN_CHUNK));
            copy.put(data).flip();
            chunks.add(copy);
        }
    }

    /**
     * Writes queued bytes until the queue is empty or the kernel takes less than offered.
     * Returns the bytes written.
     */
    long flushTo(SocketChannel channel, ByteBuffer direct) throws IOException {
        long total = 0;
        while (bytes > 0) {
            direct.clear();
            for (ByteBuffer chunk : chunks) {
                int n = Math.min(direct.remaining(), chunk.remaining());
                direct.put(direct.position(), chunk, chunk.position(), n);
                direct.position(direct.position() + n);
                if (!direct.hasRemaining()) {
                    break;
                }
            }
            direct.flip();
            int offered = direct.remaining();
            int written = channel.write(direct);
            consume(written);
            total += written;
            if (written < offered) {
                break;
            }
        }
        return total;
    }

    private void consume(int written) {
        bytes -= written;
        int left = written;
        while (left > 0) {
            ByteBuffer head = chunks.peek();
            int n = Math.min(left, head.remaining());
            head.position(head.position() + n);
            left -= n;
            if (!head.hasRemaining()) {
                chunks.poll();
            }
        }
    }

    /**
     * The fast path, for an empty queue: writes as much of {@code data} as the kernel takes now,
     * advancing its position, and returns the bytes written. A direct buffer goes to the kernel as
     * it is; a heap buffer passes through {@code direct} a slice at a time. Nothing is allocated.
     */
    static long writeNow(SocketChannel channel, ByteBuffer data, ByteBuffer direct) throws IOException {
        if (data.isDirect()) {
            return channel.write(data);
        }
        long total = 0;
        while (data.hasRemaining()) {
            int n = Math.min(direct.capacity(), data.remaining());
            direct.clear();
            direct.put(0, data, data.position(), n);
            direct.limit(n);
            int written = channel.write(direct);
            data.position(data.position() + written);
            total += written;
            if (written < n) {
                break;
            }
        }
        return total;
    }
}
