package dev.spindle.workers.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cuts a byte stream into lines as chunks arrive, holding at most one partial line, itself bounded:
 * a line past the limit is dropped (reported once) and skipped to its newline. Loop thread only.
 */
final class LineSplitter {

    /** Receives each complete line, without its newline; valid only during the call. */
    interface Lines {
        void line(byte[] bytes, int length);

        void oversized(int limit);
    }

    private final int limit;
    private final Lines lines;
    private byte[] pending = new byte[1024];
    private int size;
    private boolean skipping;

    LineSplitter(int limit, Lines lines) {
        this.limit = limit;
        this.lines = lines;
    }

    void feed(ByteBuffer chunk) {
        while (chunk.hasRemaining()) {
            byte b = chunk.get();
            if (b == '\n') {
                if (!skipping) {
                    lines.line(pending, size);
                }
                size = 0;
                skipping = false;
            } else if (!skipping) {
                if (size == limit) {
                    skipping = true;
                    size = 0;
                    lines.oversized(limit);
                } else {
                    if (size == pending.length) {
                        pending = Arrays.copyOf(pending, Math.min(limit, pending.length * 2));
                    }
                    pending[size++] = b;
                }
            }
        }
    }

    /** The stream ended: a last line without a newline still counts. */
    void end() {
        if (size > 0 && !skipping) {
            lines.line(pending, size);
        }
        size = 0;
    }
}
