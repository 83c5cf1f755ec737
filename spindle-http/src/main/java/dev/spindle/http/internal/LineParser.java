package dev.spindle.http.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The line discipline that the request and response parsers share: a line is checked once its
 * CRLF has arrived, whatever way the input was split, and a bare CR or a bare LF is an error
 * (accepting line ends that another parser on the path does not is how messages get smuggled).
 *
 * <p>A line that arrived whole in a heap buffer is handed over in place; any other line is copied
 * into a {@link ParserScratch} that the parsers of one thread may share, and a line still incomplete
 * when a feed returns ({@link #keepPendingLine()}) into an array of this parser's own, dropped once
 * the line is parsed: between messages a parser holds no buffer.
 */
abstract class LineParser {

    private static final byte[] NO_BYTES = {};

    private final ParserScratch shared;
    /**
     * The start of a line that is still waiting for its CRLF: in {@link #shared}'s array while a
     * feed runs, in an array of this parser's own between feeds; empty when no line is pending.
     */
    private byte[] scratch = NO_BYTES;
    private int scratchLength;
    /** The last byte fed was the CR that ends the line in {@link #scratch}. */
    private boolean pendingCr;

    LineParser(ParserScratch shared) {
        this.shared = shared;
    }

    /** The most bytes the current line may hold before its CRLF. */
    abstract int lineLimit();

    /**
     * The error for a line longer than {@link #lineLimit()}, {@code max}; {@code prefix} holds the
     * line's first {@code max} bytes (or all that arrived so far), so that the verdict does not
     * depend on where the input was split.
     */
    abstract ParseError overLimit(byte[] prefix, int length, int max);

    /** Processes one complete line, {@code b[off, off + len)} without its CRLF. */
    abstract void processLine(byte[] b, int off, int len);

    /** Consumes the current line up to its CRLF and processes it; false if the input ran out first. */
    final boolean readLine(ByteBuffer in) {
        int position = in.position();
        int limit = in.limit();
        if (position == limit) {
            return false;
        }
        if (pendingCr) {
            if (in.get(position) != Ascii.LF) {
                throw bareCr();
            }
            in.position(position + 1);
            pendingCr = false;
            processScratch();
            return true;
        }
        int end = Ascii.lineEnd(in, position, limit);
        int run = end - position;
        int max = lineLimit();
        if (scratchLength + run > max) {
            append(in, position, Math.max(0, Math.min(run, max - scratchLength)));
            throw overLimit(scratch, scratchLength, max);
        }
        if (end == limit) {
            append(in, position, run);
            in.position(limit);
            return false;
        }
        if (in.get(end) == Ascii.LF) {
            throw ParseError.badRequest("bare LF: lines must end with CRLF");
        }
        if (end + 1 == limit) {
            append(in, position, run);
            pendingCr = true;
            in.position(limit);
            return false;
        }
        if (in.get(end + 1) != Ascii.LF) {
            throw bareCr();
        }
        in.position(end + 2);
        if (scratchLength == 0 && in.hasArray()) {
            processLine(in.array(), in.arrayOffset() + position, run);
        } else {
            append(in, position, run);
            processScratch();
        }
        return true;
    }

    /** Whether part of a line has arrived and waits for the rest. */
    final boolean hasPartialLine() {
        return scratchLength > 0 || pendingCr;
    }

    /**
     * Moves a line still waiting for its CRLF out of the shared scratch, which other parsers use
     * next: call it whenever a feed returns.
     */
    final void keepPendingLine() {
        if (shared.owns(scratch)) {
            scratch = scratchLength == 0 ? NO_BYTES : Arrays.copyOf(scratch, scratchLength);
        }
    }

    /** Forgets a partial line: the parser failed and reads no more. */
    final void dropPendingLine() {
        scratchLength = 0;
        pendingCr = false;
    }

    private void processScratch() {
        int length = scratchLength;
        byte[] line = scratch;
        scratchLength = 0;
        scratch = NO_BYTES; // a private array goes: lines split across reads are rare
        processLine(line, 0, length);
    }

    /** Copies input to the end of the pending line, in the shared scratch. */
    private void append(ByteBuffer in, int position, int length) {
        int needed = scratchLength + length;
        if (!shared.owns(scratch)) {
            byte[] array = shared.atLeast(needed, 0);
            System.arraycopy(scratch, 0, array, 0, scratchLength);
            scratch = array;
        } else if (needed > scratch.length) {
            scratch = shared.atLeast(needed, scratchLength);
        }
        in.get(position, scratch, scratchLength, length);
        scratchLength = needed;
    }

    private static ParseError bareCr() {
        return ParseError.badRequest("bare CR: CR not followed by LF");
    }
}
