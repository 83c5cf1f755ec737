package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;

/**
 * The arrays that the parsers of one thread share (a server's connections all run on its loop), so
 * that an idle connection holds none: the one {@link LineParser}s copy a line into when it is not
 * in a heap buffer of its own, and the one a request's header fields collect in until its head is
 * built. A parser uses them only while a feed runs, with no callback in between; what is still
 * pending when a feed returns (a line waiting for its CRLF, the fields of a header section not yet
 * ended) is moved to arrays of the parser's own.
 *
 * <p>Not thread-safe: give each thread that feeds parsers its own.
 */
public final class ParserScratch {

    static final int MIN_SIZE = 256;

    /** Room for the fields of most requests: a browser sends 10 to 15. */
    static final int MIN_FIELDS = 16;

    /** Allocated on first use: a client connection whose lines all arrive in heap buffers needs none. */
    private byte[] bytes = new byte[0];

    private HeaderField[] fields;

    /** The shared array, at least {@code size} bytes long; its first {@code keep} bytes are kept. */
    byte[] atLeast(int size, int keep) {
        if (size > bytes.length) {
            byte[] grown = new byte[Math.max(size, Math.max(MIN_SIZE, bytes.length * 2))];
            System.arraycopy(bytes, 0, grown, 0, keep);
            bytes = grown;
        }
        return bytes;
    }

    /** Whether {@code array} is this scratch's shared line array. */
    boolean owns(byte[] array) {
        return array == bytes;
    }

    /** The shared field array, at least {@code size} long; its first {@code keep} slots are kept. */
    HeaderField[] fieldsAtLeast(int size, int keep) {
        if (fields == null || size > fields.length) {
            HeaderField[] grown = new HeaderField[Math.max(size, fields == null ? MIN_FIELDS : fields.length * 2)];
            if (keep > 0) {
                System.arraycopy(fields, 0, grown, 0, keep);
            }
            fields = grown;
        }
        return fields;
    }

    /** Whether {@code array} is this scratch's shared field array. */
    boolean owns(HeaderField[] array) {
        return array == fields;
    }
}
