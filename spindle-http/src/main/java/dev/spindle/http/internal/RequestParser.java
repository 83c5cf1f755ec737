package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpParserOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict, incremental HTTP/1.1 request parser (RFC 9110, RFC 9112) for one connection. Feed it
 * the bytes as they arrive, split anywhere; it reports what it finds to a {@link RequestListener}
 * and gives the same report however the input was split.
 *
 * <p>The parser works a line at a time ({@link LineParser}): the request line, each field line,
 * each chunk-size line and each trailer line is checked once its CRLF has arrived, and a bare CR or
 * LF is rejected. Lines are parsed in place or from a scratch array that the parsers of one thread
 * share: between requests a parser holds no buffer. Bodies are never copied: {@code onBody} gets
 * slices of the input.
 *
 * <p>After a request whose connection must close, or after an error, the parser consumes no more
 * input. After a request that asks to upgrade the connection it pauses, leaving the bytes that
 * follow in the buffer: the server switches protocols, or calls {@link #resume()} to go on with
 * HTTP.
 *
 * <p>Not thread-safe: the connection's loop thread calls it, and the listener runs on that thread.
 */
public final class RequestParser extends LineParser {

    private enum State {
        REQUEST_LINE, FIELD_LINE, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILER_LINE,
        COMPLETE, CLOSED, FAILED
    }

    private final RequestListener listener;
    private final int maxTargetLength;
    private final int maxRequestLine;
    private final int maxSectionSize;
    private final int maxChunkLine;
    private final HeadBuilder head;

    private State state = State.REQUEST_LINE;
    private boolean paused;
    /** Bytes of the header or trailer section so far, CRLFs included. */
    private int sectionSize;
    /** Body bytes left: of the whole body, or of the current chunk. */
    private long remaining;
    private boolean keepAlive;
    private boolean upgrade;
    private List<HeaderField> trailers;

    /** A parser with a scratch array of its own. */
    public RequestParser(HttpParserOptions options, RequestListener listener) {
        this(options, listener, new ParserScratch());
    }

    /** A parser that copies lines into {@code shared}, which only parsers fed on this thread may share. */
    public RequestParser(HttpParserOptions options, RequestListener listener, ParserScratch shared) {
        super(shared);
        this.head = new HeadBuilder(shared);
        this.listener = listener;
        this.maxTargetLength = options.maxRequestTargetLength();
        this.maxRequestLine = options.maxRequestTargetLength() + RequestLine.SLACK;
        this.maxSectionSize = options.maxHeaderSectionSize();
        this.maxChunkLine = options.maxChunkLineLength();
    }

    /**
     * Parses as much of {@code in} as it can and reports what it finds. On return,
     * {@code in.position()} is at the first byte not consumed: all of them, unless the parser was
     * paused, failed, or reached the end of a request after which the connection must close or
     * switch protocols. Bytes not consumed must be fed again, ahead of newer ones, to continue.
     */
    public void feed(ByteBuffer in) {
        try {
            while (!paused) {
                boolean progressed = switch (state) {
                    case REQUEST_LINE, FIELD_LINE, CHUNK_SIZE, CHUNK_DATA_END, TRAILER_LINE -> readLine(in);
                    case BODY, CHUNK_DATA -> readBody(in);
                    case COMPLETE -> completeMessage();
                    case CLOSED, FAILED -> false;
                };
                if (!progressed) {
                    break;
                }
            }
        } catch (ParseError error) {
            state = State.FAILED;
            dropPendingLine();
            head.dropPendingFields();
            listener.onError(error);
        } finally {
            keepPendingLine();
            head.keepPendingFields();
        }
    }

    /** Parses {@code bytes[offset, offset + length)} like {@link #feed(ByteBuffer)}; returns how many were consumed. */
    public int feed(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        feed(in);
        return in.position() - offset;
    }

    /**
     * The peer will send nothing more. If a request was under way, reports a 400 error: a request
     * cut short must not be processed (RFC 9112 section 8).
     */
    public void finish() {
        boolean between = state == State.REQUEST_LINE && !hasPartialLine();
        if (!between && state != State.COMPLETE && state != State.CLOSED && state != State.FAILED) {
            state = State.FAILED;
            listener.onError(ParseError.badRequest("connection closed before the request was complete"));
        }
    }

    /**
     * Stops parsing: {@link #feed} consumes nothing until {@link #resume()}. Called from a callback,
     * it takes effect when the callback returns, so a server can answer pipelined requests one at a
     * time by pausing in {@code onMessageComplete}.
     */
    public void pause() {
        paused = true;
    }

    /** Lets {@link #feed} go on; feed the bytes it left unconsumed (maybe none) to continue. */
    public void resume() {
        paused = false;
    }

    /** Whether {@link #pause()} (or an upgrade request) stopped parsing until {@link #resume()}. */
    public boolean isPaused() {
        return paused;
    }

    /** Whether the parser is done with this connection: it failed, or the last request closes it. */
    public boolean isDone() {
        return state == State.CLOSED || state == State.FAILED;
    }

    // ---- lines -------------------------------------------------------------------------------

    @Override
    void processLine(byte[] b, int off, int len) {
        switch (state) {
            case REQUEST_LINE -> {
                // RFC 9112 section 2.2: ignore empty lines where a request line is expected.
                if (len > 0) {
                    RequestLine.parse(b, off, len, maxTargetLength, head);
                    sectionSize = 0;
                    state = State.FIELD_LINE;
                }
            }
            case FIELD_LINE -> {
                sectionSize += len + 2;
                if (len == 0) {
                    endHead();
                } else {
                    head.add(FieldLine.parse(b, off, len));
                }
            }
            case CHUNK_SIZE -> {
                remaining = ChunkLine.size(b, off, len);
                if (remaining > 0) {
                    state = State.CHUNK_DATA;
                } else {
                    sectionSize = 0;
                    trailers = null;
                    state = State.TRAILER_LINE;
                }
            }
            // The line limit is 0 here, so the line is empty: the CRLF after chunk data.
            case CHUNK_DATA_END -> state = State.CHUNK_SIZE;
            case TRAILER_LINE -> {
                sectionSize += len + 2;
                if (len == 0) {
                    endTrailers();
                } else {
                    if (trailers == null) {
                        trailers = new ArrayList<>();
                    }
                    trailers.add(FieldLine.parse(b, off, len));
                }
            }
            default -> throw new IllegalStateException("no line expected in state " + state);
        }
    }

    @Override
    int lineLimit() {
        return switch (state) {
            case REQUEST_LINE -> maxRequestLine;
            case FIELD_LINE, TRAILER_LINE -> maxSectionSize - sectionSize - 2;
            case CHUNK_SIZE -> maxChunkLine;
            case CHUNK_DATA_END -> 0;
            default -> throw new IllegalStateException("no line expected in state " + state);
        };
    }

    @Override
    ParseError overLimit(byte[] prefix, int length, int max) {
        return switch (state) {
            case REQUEST_LINE -> RequestLine.tooLong(prefix, 0, length, maxTargetLength);
            case FIELD_LINE, TRAILER_LINE -> new ParseError(431,
                    (state == State.FIELD_LINE ? "header" : "trailer") + " section larger than " + maxSectionSize + " bytes");
            case CHUNK_SIZE -> ParseError.badRequest("chunk-size line longer than " + maxChunkLine + " bytes");
            default -> ParseError.badRequest("chunk data not followed by CRLF");
        };
    }

    // ---- message boundaries ------------------------------------------------------------------

    private void endHead() {
        RequestHead request = head.build();
        keepAlive = request.keepAlive();
        upgrade = request.upgrade();
        if (request.chunked()) {
            state = State.CHUNK_SIZE;
        } else if (request.contentLength() > 0) {
            remaining = request.contentLength();
            state = State.BODY;
        } else {
            state = State.COMPLETE;
        }
        listener.onHead(request);
    }

    private boolean readBody(ByteBuffer in) {
        int position = in.position();
        int available = in.limit() - position;
        if (available == 0) {
            return false;
        }
        int length = (int) Math.min(remaining, available);
        ByteBuffer data = in.slice(position, length);
        in.position(position + length);
        remaining -= length;
        if (remaining == 0) {
            state = state == State.BODY ? State.COMPLETE : State.CHUNK_DATA_END;
        }
        listener.onBody(data);
        return true;
    }

    private void endTrailers() {
        state = State.COMPLETE;
        if (trailers != null) {
            List<HeaderField> fields = List.copyOf(trailers);
            trailers = null;
            listener.onTrailers(fields);
        }
    }

    private boolean completeMessage() {
        if (!keepAlive) {
            state = State.CLOSED;
        } else {
            state = State.REQUEST_LINE;
            paused |= upgrade;
        }
        listener.onMessageComplete();
        return true;
    }
}
