package dev.spindle.http.internal.client;

import java.nio.ByteBuffer;

/**
 * One heap buffer per client, shared by its connections (they all run on the client's loop, and a
 * parse never outlives the read it parses): a read arrives in the loop's direct buffer, and the
 * parser works a line at a time in place only on a heap array, else it copies each line. One bulk
 * copy of the read is cheaper than a copy per line.
 */
final class HeapCopy {

    private ByteBuffer heap = ByteBuffer.allocate(16 * 1024);

    /** {@code data} itself when it is on the heap, else its bytes in the shared heap buffer (valid until the next call). */
    ByteBuffer of(ByteBuffer data) {
        if (data.hasArray()) {
            return data;
        }
        if (heap.capacity() < data.remaining()) {
            heap = ByteBuffer.allocate(Math.max(data.remaining(), heap.capacity() * 2));
        }
        heap.clear();
        heap.put(data).flip();
        return heap;
    }
}
