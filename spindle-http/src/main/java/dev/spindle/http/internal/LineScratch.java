package dev.spindle.http.internal;

/**
 * The array that {@link LineParser}s copy a line into when it is not in a heap buffer of its
 * own, shared by every parser of one thread (a server's connections all run on its loop), so an
 * idle connection holds none. A parser uses it only between copying a line in and parsing it, with
 * no callback in between; a line still waiting for its CRLF when a feed returns is moved to an
 * array of the parser's own.
 *
 * <p>Not thread-safe: give each thread that feeds parsers its own.
 */
public final class LineScratch {

    static final int MIN_SIZE = 256;

    /** Allocated on first use: a client connection whose lines all arrive in heap buffers needs none. */
    private byte[] bytes = new byte[0];

    /** The shared array, at least {@code size} bytes long; its first {@code keep} bytes are kept. */
    byte[] atLeast(int size, int keep) {
        if (size > bytes.length) {
            byte[] grown = new byte[Math.max(size, Math.max(MIN_SIZE, bytes.length * 2))];
            System.arraycopy(bytes, 0, grown, 0, keep);
            bytes = grown;
        }
        return bytes;
    }

    /** Whether {@code array} is this scratch's shared array. */
    boolean owns(byte[] array) {
        return array == bytes;
    }
}
