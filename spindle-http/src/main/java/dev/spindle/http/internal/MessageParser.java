package dev.spindle.http.internal;

import java.nio.ByteBuffer;

/**
 * The part of HTTP/1.1 message parsing that requests and responses share (RFC 9112): the states
 * from start line to message complete, the header and trailer section limits, and the body, framed
 * by Content-Length, by chunks or by the close. {@link RequestParser} and {@link ResponseParser}
 * fill in the start line, the fields, how a head frames its body, and what an error becomes.
 *
 * <p>The hooks run once per line or per body slice, never per byte; a parser's own listener is
 * called from them, so that each listener call site sees one kind of listener.
 */
abstract sealed class MessageParser extends LineParser permits RequestParser, ResponseParser {

    private enum State {
        START_LINE, FIELD_LINE, BODY, UNTIL_CLOSE, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILER_LINE,
        COMPLETE, CLOSED, FAILED
    }

    private final int maxStartLine;
    private final int maxSectionSize;
    private final int maxChunkLine;

    private State state = State.START_LINE;
    /** Set by a subclass (or a callback through it): {@link #parse} consumes nothing until it is cleared. */
    boolean paused;
    /** Bytes of the header or trailer section so far, CRLFs included. */
    private int sectionSize;
    /** Body bytes left: of the whole body, or of the current chunk. */
    private long remaining;
    private boolean keepAlive;

    MessageParser(ParserScratch shared, int maxStartLine, int maxSectionSize, int maxChunkLine) {
        super(shared);
        this.maxStartLine = maxStartLine;
        this.maxSectionSize = maxSectionSize;
        this.maxChunkLine = maxChunkLine;
    }

    // ---- what a subclass fills in --------------------------------------------------------------

    /** Parses a start line; false if it was skipped and a start line is still expected. */
    abstract boolean startLine(byte[] b, int off, int len);

    /** The error for a start line longer than the limit; {@code prefix} holds its first bytes. */
    abstract ParseError startLineTooLong(byte[] prefix, int length);

    /** Parses one field line of the header section. */
    abstract void fieldLine(byte[] b, int off, int len);

    /** The header section ended: build the head, call {@link #expectBody} or {@link #expectStartLine}, report it. */
    abstract void endHead();

    /** Reports the next slice of the body. */
    abstract void body(ByteBuffer data);

    /** Parses one field line of the trailer section. */
    abstract void trailerLine(byte[] b, int off, int len);

    /** The trailer section ended; the message is complete next. */
    abstract void endTrailers();

    /** Reports that the message is complete; the parser is already waiting for the next one, or closed. */
    abstract void messageComplete();

    /** Reports an error; the parser has failed and reads no more. */
    abstract void failed(ParseError error);

    /** Moves a head still under way out of the shared scratch when a feed returns; none by default. */
    void keepPendingFields() {}

    // ---- what a subclass calls ---------------------------------------------------------------

    /**
     * Parses as much of {@code in} as it can. On return, {@code in.position()} is at the first byte
     * not consumed: all of them, unless the parser was paused, failed, or is done.
     */
    final void parse(ByteBuffer in) {
        try {
            while (!paused) {
                boolean progressed = switch (state) {
                    case START_LINE, FIELD_LINE, CHUNK_SIZE, CHUNK_DATA_END, TRAILER_LINE -> readLine(in);
                    case BODY, CHUNK_DATA, UNTIL_CLOSE -> readBody(in);
                    case COMPLETE -> completeMessage();
                    case CLOSED, FAILED -> false;
                };
                if (!progressed) {
                    break;
                }
            }
        } catch (ParseError error) {
            fail(error);
        } finally {
            keepPendingLine();
            keepPendingFields();
        }
    }

    /** Parses {@code bytes[offset, offset + length)} like {@code feed(ByteBuffer)}; returns how many were consumed. */
    public final int feed(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        parse(in);
        return in.position() - offset;
    }

    /**
     * The peer will send nothing more: completes a body that runs until the close, and fails with a
     * 400 {@code cutShort} (which a subclass may turn into another status) if a message was under way.
     */
    final void endOfInput(String cutShort) {
        if (state == State.UNTIL_CLOSE) {
            state = State.CLOSED;
            messageComplete();
        } else if (!betweenMessages() && state != State.COMPLETE && !isDone()) {
            fail(ParseError.badRequest(cutShort));
        }
    }

    /**
     * The head ended: a chunked body follows, or one of {@code length} bytes (0: none), or one that
     * runs until the close ({@code length < 0}); {@code keepAlive} says whether a message may follow.
     */
    final void expectBody(boolean chunked, long length, boolean keepAlive) {
        this.keepAlive = keepAlive;
        if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (length > 0) {
            remaining = length;
            state = State.BODY;
        } else if (length < 0) {
            state = State.UNTIL_CLOSE;
        } else {
            state = State.COMPLETE;
        }
    }

    /** The head that ended was an interim one: a start line follows again. */
    final void expectStartLine() {
        state = State.START_LINE;
    }

    /** Whether the parser is between messages: nothing of the next one has arrived yet. */
    final boolean betweenMessages() {
        return state == State.START_LINE && !hasPartialLine();
    }

    /** Whether the parser is done with this connection: it failed, or the last message closes it. */
    public final boolean isDone() {
        return state == State.CLOSED || state == State.FAILED;
    }

    // ---- lines -------------------------------------------------------------------------------

    @Override
    final void processLine(byte[] b, int off, int len) {
        switch (state) {
            case START_LINE -> {
                if (startLine(b, off, len)) {
                    sectionSize = 0;
                    state = State.FIELD_LINE;
                }
            }
            case FIELD_LINE -> {
                sectionSize += len + 2;
                if (len == 0) {
                    endHead();
                } else {
                    fieldLine(b, off, len);
                }
            }
            case CHUNK_SIZE -> {
                remaining = ChunkLine.size(b, off, len);
                if (remaining > 0) {
                    state = State.CHUNK_DATA;
                } else {
                    sectionSize = 0;
                    state = State.TRAILER_LINE;
                }
            }
            // The line limit is 0 here, so the line is empty: the CRLF after chunk data.
            case CHUNK_DATA_END -> state = State.CHUNK_SIZE;
            case TRAILER_LINE -> {
                sectionSize += len + 2;
                if (len == 0) {
                    state = State.COMPLETE;
                    endTrailers();
                } else {
                    trailerLine(b, off, len);
                }
            }
            default -> throw new IllegalStateException("no line expected in state " + state);
        }
    }

    @Override
    final int lineLimit() {
        return switch (state) {
            case START_LINE -> maxStartLine;
            case FIELD_LINE, TRAILER_LINE -> maxSectionSize - sectionSize - 2;
            case CHUNK_SIZE -> maxChunkLine;
            case CHUNK_DATA_END -> 0;
            default -> throw new IllegalStateException("no line expected in state " + state);
        };
    }

    @Override
    final ParseError overLimit(byte[] prefix, int length, int max) {
        return switch (state) {
            case START_LINE -> startLineTooLong(prefix, length);
            case FIELD_LINE, TRAILER_LINE -> new ParseError(431,
                    (state == State.FIELD_LINE ? "header" : "trailer") + " section larger than " + maxSectionSize + " bytes");
            case CHUNK_SIZE -> ParseError.badRequest("chunk-size line longer than " + maxChunkLine + " bytes");
            default -> ParseError.badRequest("chunk data not followed by CRLF");
        };
    }

    // ---- body and message boundaries ---------------------------------------------------------

    private boolean readBody(ByteBuffer in) {
        int position = in.position();
        int available = in.limit() - position;
        if (available == 0) {
            return false;
        }
        boolean untilClose = state == State.UNTIL_CLOSE;
        int length = untilClose ? available : (int) Math.min(remaining, available);
        ByteBuffer data = in.slice(position, length);
        in.position(position + length);
        if (!untilClose) {
            remaining -= length;
            if (remaining == 0) {
                state = state == State.BODY ? State.COMPLETE : State.CHUNK_DATA_END;
            }
        }
        body(data);
        return true;
    }

    private boolean completeMessage() {
        state = keepAlive ? State.START_LINE : State.CLOSED;
        messageComplete();
        return true;
    }

    private void fail(ParseError error) {
        state = State.FAILED;
        dropPendingLine();
        failed(error);
    }
}
