package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpException;
import dev.spindle.http.HttpParserOptions;
import java.nio.ByteBuffer;

/**
 * A strict, incremental HTTP/1.1 response parser (RFC 9110, RFC 9112) for one client connection:
 * the mirror of {@link RequestParser}, with the same line discipline (every line ends with CRLF;
 * bare CR or LF, obs-fold and whitespace before a colon are errors) and the same guarantee: it
 * reports the same events however the input is split. The states and the body framing are
 * {@link MessageParser}'s; this class reads the status line and the fields.
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
public final class ResponseParser extends MessageParser {

    /** The longest status line accepted, in bytes; real ones are under 64. */
    public static final int MAX_STATUS_LINE = 8 * 1024;

    private final ResponseListener listener;
    private final ResponseFraming framing = new ResponseFraming();

    public ResponseParser(HttpParserOptions options, ResponseListener listener) {
        super(new ParserScratch(), MAX_STATUS_LINE, options.maxHeaderSectionSize(), options.maxChunkLineLength());
        this.listener = listener;
    }

    /**
     * Parses as much of {@code in} as it can and reports what it finds. On return every byte is
     * consumed, unless the parser failed or reached the end of a response after which the
     * connection closes; the bytes left are then not HTTP this connection can use.
     */
    public void feed(ByteBuffer in) {
        parse(in);
    }

    /**
     * The server will send nothing more. Completes a body that runs until the close; reports an error
     * if a response was cut short anywhere else (RFC 9112 section 8). Between responses it is quiet.
     */
    public void finish() {
        endOfInput("connection closed before the response was complete");
    }

    /** Whether the parser is between responses: nothing of the next one has arrived yet. */
    public boolean isIdle() {
        return betweenMessages();
    }

    // ---- the response's parts ----------------------------------------------------------------

    @Override
    boolean startLine(byte[] b, int off, int len) {
        framing.start(StatusLine.parse(b, off, len), listener.wantsHeaders());
        return true;
    }

    @Override
    ParseError startLineTooLong(byte[] prefix, int length) {
        return StatusLine.malformed("status line longer than " + MAX_STATUS_LINE + " bytes");
    }

    @Override
    void fieldLine(byte[] b, int off, int len) {
        if (framing.keepsFields()) {
            framing.add(FieldLine.parse(b, off, len));
        } else {
            HeaderField field = FieldLine.parseFraming(b, off, len);
            if (field != null) {
                framing.add(field);
            }
        }
    }

    @Override
    void endHead() {
        int status = framing.status();
        if (status < 200) {
            if (status == 101) {
                throw StatusLine.malformed("101 Switching Protocols, but no upgrade was asked for");
            }
            framing.build(false); // interim: its fields must be well-formed too; then the final response follows
            expectStartLine();
            return;
        }
        ResponseHead head = framing.build(listener.answersHead());
        expectBody(head.chunked(), head.contentLength(), head.keepAlive());
        listener.onHead(head);
    }

    @Override
    void body(ByteBuffer data) {
        listener.onBody(data);
    }

    @Override
    void trailerLine(byte[] b, int off, int len) {
        FieldLine.parse(b, off, len); // checked, then dropped: nobody asks for trailers yet
    }

    @Override
    void endTrailers() {}

    @Override
    void messageComplete() {
        listener.onMessageComplete();
    }

    /** Every error becomes a 502 with the same message. */
    @Override
    void failed(ParseError error) {
        listener.onError(error.status() == 502 ? error : StatusLine.malformed(error.getMessage()));
    }
}
