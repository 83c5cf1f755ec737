package dev.spindle.net.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte array that keeps at most a limit and says when more was offered. Loop thread only. */
final class BoundedBuffer {

    private final int limit;
    private byte[] bytes = new byte[256];
    private int size;

    BoundedBuffer(int limit) {
        this.limit = limit;
    }

    /** Appends what fits under the limit; false if some of {@code data} did not fit. */
    boolean add(ByteBuffer data) {
        int take = Math.min(data.remaining(), limit - size);
        if (take > 0) {
            if (size + take > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + take, bytes.length * 2)));
            }
            data.get(bytes, size, take);
            size += take;
        }
        return !data.hasRemaining();
    }

    byte[] bytes() {
        return Arrays.copyOf(bytes, size);
    }
}
