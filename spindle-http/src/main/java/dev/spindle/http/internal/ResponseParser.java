package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpException;
import dev.spindle.http.HttpParserOptions;
import java.nio.ByteBuffer;

/**
 * A strict, incremental HTTP/1.1 response parser (RFC 9110, RFC 9112) for one client connection:
 * the mirror of {@link RequestParser}, with the same line discipline (every line ends with CRLF;
 * bare CR or LF, obs-fold and whitespace before a colon are errors) and the same guarantee: it
 * reports the same events however the input is split.
 *
 * <p>Framing follows RFC 9112 section 6.3: a response to HEAD, a 1xx, 204 or 304 has no body;
 * chunked comes next, then Content-Length, else the body runs until the server closes
 * ({@link #finish()}). Interim 1xx responses (100 Continue, 103 Early Hints) are checked and
 * skipped; 101 is an error, since this client never asks to upgrade. Trailer fields are checked and
 * dropped.
 *
 * <p>Every error is reported once as an {@link HttpException} with status 502 (what a gateway
 * answers for an invalid upstream response), after which the parser consumes nothing more.
 *
 * <p>Not thread-safe: the connection's loop thread calls it, and the listener runs on that thread.
 */
public final class ResponseParser extends LineParser {

    /** The longest status line accepted, in bytes; real ones are under 64. */
    public static final int MAX_STATUS_LINE = 8 * 1024;

    private enum State {
        STATUS_LINE, FIELD_LINE, BODY, UNTIL_CLOSE, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILER_LINE,
        COMPLETE, CLOSED, FAILED
    }

    private final ResponseListener listener;
    private final int maxSectionSize;
    private final int maxChunkLine;
    private final ResponseFraming framing = new ResponseFraming();

    private State state = State.STATUS_LINE;
    private int sectionSize;
    private long remaining;
    private boolean keepAlive;

    public ResponseParser(HttpParserOptions options, ResponseListener listener) {
        super(new ParserScratch());
        this.listener = listener;
        this.maxSectionSize = options.maxHeaderSectionSize();
        this.maxChunkLine = options.maxChunkLineLength();
    }

    /**
     * Parses as much of {@code in} as it can and reports what it finds. On return every byte is
     * consumed, unless the parser failed or reached the end of a response after which the
     * connection closes; the bytes left are then not HTTP this connection can use.
     */
    public void feed(ByteBuffer in) {
        try {
            while (true) {
                boolean progressed = switch (state) {
                    case STATUS_LINE, FIELD_LINE, CHUNK_SIZE, CHUNK_DATA_END, TRAILER_LINE -> readLine(in);
                    case BODY, CHUNK_DATA, UNTIL_CLOSE -> readBody(in);
                    case COMPLETE -> completeMessage();
                    case CLOSED, FAILED -> false;
                };
                if (!progressed) {
                    break;
                }
            }
        } catch (ParseError error) {
            dropPendingLine();
            fail(error.status() == 502 ? error : StatusLine.malformed(error.getMessage()));
        } finally {
            keepPendingLine();
        }
    }

    /** Parses {@code bytes[offset, offset + length)} like {@link #feed(ByteBuffer)}; returns how many were consumed. */
    public int feed(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        feed(in);
        return in.position() - offset;
    }

    /**
     * The server will send nothing more. Completes a body that runs until the close; reports an error
     * if a response was cut short anywhere else (RFC 9112 section 8). Between responses it is quiet.
     */
    public void finish() {
        if (state == State.UNTIL_CLOSE) {
            state = State.CLOSED;
            listener.onMessageComplete();
            return;
        }
        boolean between = state == State.STATUS_LINE && !hasPartialLine();
        if (!between && state != State.CLOSED && state != State.FAILED) {
            fail(StatusLine.malformed("connection closed before the response was complete"));
        }
    }

    /** Whether the parser is done with this connection: it failed, or the last response closes it. */
    public boolean isDone() {
        return state == State.CLOSED || state == State.FAILED;
    }

    /** Whether the parser is between responses: nothing of the next one has arrived yet. */
    public boolean isIdle() {
        return state == State.STATUS_LINE && !hasPartialLine();
    }

    private void fail(HttpException error) {
        state = State.FAILED;
        listener.onError(error);
    }

    // ---- lines -------------------------------------------------------------------------------

    @Override
    void processLine(byte[] b, int off, int len) {
        switch (state) {
            case STATUS_LINE -> {
                framing.start(StatusLine.parse(b, off, len), listener.wantsHeaders());
                sectionSize = 0;
                state = State.FIELD_LINE;
            }
            case FIELD_LINE -> {
                sectionSize += len + 2;
                if (len == 0) {
                    endHead();
                } else if (framing.keepsFields()) {
                    framing.add(FieldLine.parse(b, off, len));
                } else {
                    HeaderField field = FieldLine.parseFraming(b, off, len);
                    if (field != null) {
                        framing.add(field);
                    }
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
            case CHUNK_DATA_END -> state = State.CHUNK_SIZE; // the line limit is 0: the CRLF after the data
            case TRAILER_LINE -> {
                sectionSize += len + 2;
                if (len == 0) {
                    state = State.COMPLETE;
                } else {
                    FieldLine.parse(b, off, len); // checked, then dropped: nobody asks for trailers yet
                }
            }
            default -> throw new IllegalStateException("no line expected in state " + state);
        }
    }

    @Override
    int lineLimit() {
        return switch (state) {
            case STATUS_LINE -> MAX_STATUS_LINE;
            case FIELD_LINE, TRAILER_LINE -> maxSectionSize - sectionSize - 2;
            case CHUNK_SIZE -> maxChunkLine;
            case CHUNK_DATA_END -> 0;
            default -> throw new IllegalStateException("no line expected in state " + state);
        };
    }

    @Override
    ParseError overLimit(byte[] prefix, int length, int max) {
        return switch (state) {
            case STATUS_LINE -> StatusLine.malformed("status line longer than " + MAX_STATUS_LINE + " bytes");
            case FIELD_LINE, TRAILER_LINE -> StatusLine.malformed(
                    (state == State.FIELD_LINE ? "header" : "trailer") + " section larger than " + maxSectionSize + " bytes");
            case CHUNK_SIZE -> StatusLine.malformed("chunk-size line longer than " + maxChunkLine + " bytes");
            default -> StatusLine.malformed("chunk data not followed by CRLF");
        };
    }

    // ---- message boundaries ------------------------------------------------------------------

    private void endHead() {
        int status = framing.status();
        if (status < 200) {
            if (status == 101) {
                throw StatusLine.malformed("101 Switching Protocols, but no upgrade was asked for");
            }
            framing.build(false); // interim: its fields must be well-formed too; then the final response follows
            state = State.STATUS_LINE;
            return;
        }
        ResponseHead head = framing.build(listener.answersHead());
        keepAlive = head.keepAlive();
        if (head.chunked()) {
            state = State.CHUNK_SIZE;
        } else if (head.contentLength() > 0) {
            remaining = head.contentLength();
            state = State.BODY;
        } else if (head.contentLength() < 0) {
            state = State.UNTIL_CLOSE;
        } else {
            state = State.COMPLETE;
        }
        listener.onHead(head);
    }

    private boolean readBody(ByteBuffer in) {
        int position = in.position();
        int available = in.limit() - position;
        if (available == 0) {
            return false;
        }
        int length = state == State.UNTIL_CLOSE ? available : (int) Math.min(remaining, available);
        ByteBuffer data = in.slice(position, length);
        in.position(position + length);
        if (state != State.UNTIL_CLOSE) {
            remaining -= length;
            if (remaining == 0) {
                state = state == State.BODY ? State.COMPLETE : State.CHUNK_DATA_END;
            }
        }
        listener.onBody(data);
        return true;
    }

    private boolean completeMessage() {
        state = keepAlive ? State.STATUS_LINE : State.CLOSED;
        listener.onMessageComplete();
        return true;
    }
}
