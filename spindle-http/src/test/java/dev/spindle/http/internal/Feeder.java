package dev.spindle.http.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.spindle.http.HttpParserOptions;
import java.nio.ByteBuffer;

/**
 * Drives a {@link RequestParser} the way a connection does: each read is appended to a buffer,
 * the parser is fed, and the bytes it left are kept ahead of the next read. Upgrade requests are
 * declined, so the parser is resumed when it pauses after one.
 */
final class Feeder {

    private Feeder() {}

    /** The result of feeding one input. */
    record Outcome(RecordingListener listener, RequestParser parser, int unconsumed) {}

    static Outcome whole(String raw) {
        return split(raw, HttpParserOptions.DEFAULTS, false, raw.length());
    }

    static Outcome byteByByte(String raw) {
        return split(raw, HttpParserOptions.DEFAULTS, false, 1);
    }

    /** Feeds {@code raw} (one char per byte) in pieces of {@code pieceSize} bytes; {@code finish} sends EOF after. */
    static Outcome split(String raw, HttpParserOptions options, boolean finish, int pieceSize) {
        byte[] bytes = raw.getBytes(ISO_8859_1);
        int[] cuts = new int[(bytes.length + pieceSize - 1) / Math.max(pieceSize, 1)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = Math.min(bytes.length, (i + 1) * pieceSize);
        }
        return feed(bytes, options, finish, cuts);
    }

    /** Feeds {@code raw} in two pieces, cut at {@code at}. */
    static Outcome cutAt(String raw, boolean finish, int at) {
        byte[] bytes = raw.getBytes(ISO_8859_1);
        return feed(bytes, HttpParserOptions.DEFAULTS, finish, new int[] {at, bytes.length});
    }

    /** Feeds {@code bytes} in reads that end at each of {@code cuts} (ascending, the last is the length). */
    static Outcome feed(byte[] bytes, HttpParserOptions options, boolean finish, int[] cuts) {
        RecordingListener listener = new RecordingListener();
        RequestParser parser = new RequestParser(options, listener);
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        int from = 0;
        for (int cut : cuts) {
            buffer.put(bytes, from, cut - from);
            from = cut;
            buffer.flip();
            parser.feed(buffer);
            while (parser.isPaused() && !listener.heads.isEmpty() && listener.heads.getLast().upgrade()) {
                parser.resume();
                parser.feed(buffer);
            }
            buffer.compact();
        }
        if (finish) {
            parser.finish();
        }
        return new Outcome(listener, parser, buffer.position());
    }
}
