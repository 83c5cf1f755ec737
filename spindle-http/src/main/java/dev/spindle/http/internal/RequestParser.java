package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpParserOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
 * slices of the input. The states and the body framing are {@link MessageParser}'s; this class
 * reads the request line and the fields, and reports every error with its 4xx or 5xx status.
 *
 * <p>After a request whose connection must close, or after an error, the parser consumes no more
 * input. After a request that asks to upgrade the connection it pauses, leaving the bytes that
 * follow in the buffer: the server switches protocols, or calls {@link #resume()} to go on with
 * HTTP.
 *
 * <p>Not thread-safe: the connection's loop thread calls it, and the listener runs on that thread.
 */
public final class RequestParser extends MessageParser {

    private final RequestListener listener;
    private final int maxTargetLength;
    private final HeadBuilder head;

    private boolean upgrade;
    private List<HeaderField> trailers;

    /** A parser with a scratch array of its own. */
    public RequestParser(HttpParserOptions options, RequestListener listener) {
        this(options, listener, new ParserScratch());
    }

    /** A parser that copies lines into {@code shared}, which only parsers fed on this thread may share. */
    public RequestParser(HttpParserOptions options, RequestListener listener, ParserScratch shared) {
        super(shared, options.maxRequestTargetLength() + RequestLine.SLACK, options.maxHeaderSectionSize(),
                options.maxChunkLineLength());
        this.head = new HeadBuilder(shared);
        this.listener = listener;
        this.maxTargetLength = options.maxRequestTargetLength();
    }

    /**
     * Parses as much of {@code in} as it can and reports what it finds. On return,
     * {@code in.position()} is at the first byte not consumed: all of them, unless the parser was
     * paused, failed, or reached the end of a request after which the connection must close or
     * switch protocols. Bytes not consumed must be fed again, ahead of newer ones, to continue.
     */
    public void feed(ByteBuffer in) {
        parse(in);
    }

    /**
     * The peer will send nothing more. If a request was under way, reports a 400 error: a request
     * cut short must not be processed (RFC 9112 section 8).
     */
    public void finish() {
        endOfInput("connection closed before the request was complete");
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

    // ---- the request's parts -----------------------------------------------------------------

    @Override
    boolean startLine(byte[] b, int off, int len) {
        // RFC 9112 section 2.2: ignore empty lines where a request line is expected.
        if (len == 0) {
            return false;
        }
        RequestLine.parse(b, off, len, maxTargetLength, head);
        return true;
    }

    @Override
    ParseError startLineTooLong(byte[] prefix, int length) {
        return RequestLine.tooLong(prefix, 0, length, maxTargetLength);
    }

    @Override
    void fieldLine(byte[] b, int off, int len) {
        head.add(FieldLine.parse(b, off, len));
    }

    @Override
    void endHead() {
        RequestHead request = head.build();
        upgrade = request.upgrade();
        expectBody(request.chunked(), request.contentLength(), request.keepAlive());
        listener.onHead(request);
    }

    @Override
    void body(ByteBuffer data) {
        listener.onBody(data);
    }

    @Override
    void trailerLine(byte[] b, int off, int len) {
        if (trailers == null) {
            trailers = new ArrayList<>();
        }
        trailers.add(FieldLine.parse(b, off, len));
    }

    @Override
    void endTrailers() {
        if (trailers != null) {
            List<HeaderField> fields = List.copyOf(trailers);
            trailers = null;
            listener.onTrailers(fields);
        }
    }

    @Override
    void messageComplete() {
        paused |= upgrade && !isDone(); // the bytes after an upgrade are not HTTP until the server says so
        listener.onMessageComplete();
    }

    @Override
    void failed(ParseError error) {
        head.dropPendingFields();
        listener.onError(error);
    }

    @Override
    void keepPendingFields() {
        head.keepPendingFields();
    }
}
