package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the header fields of one response and works out its framing and whether the connection
 * stays open (RFC 9112 sections 6.3 and 9.3): Content-Length, Transfer-Encoding and Connection.
 * Strict where a lenient reading would let a response be split or smuggled: Content-Length beside
 * Transfer-Encoding, differing Content-Lengths, chunked twice, and Transfer-Encoding in HTTP/1.0
 * are errors. One instance is reused for every response on a connection.
 */
final class ResponseFraming {

    private static final long NONE = FramingValues.NONE;

    private final ListCursor list = new ListCursor();
    private StatusLine line;
    private List<HeaderField> fields = new ArrayList<>();
    private boolean keepFields;
    private long contentLength;
    private boolean transferEncoding;
    private boolean chunkedLast;
    private boolean chunkedSeen;
    private boolean chunkedTwice;
    private boolean close;
    private boolean keepAlive;

    /** Starts a response; {@code keepFields} false keeps only what framing needs, and no list of fields. */
    void start(StatusLine line, boolean keepFields) {
        this.line = line;
        this.keepFields = keepFields;
        fields = keepFields ? new ArrayList<>(8) : List.of();
        contentLength = NONE;
        transferEncoding = false;
        chunkedLast = false;
        chunkedSeen = false;
        chunkedTwice = false;
        close = false;
        keepAlive = false;
    }

    int status() {
        return line.status();
    }

    boolean keepsFields() {
        return keepFields;
    }

    void add(HeaderField field) {
        if (keepFields) {
            fields.add(field);
        }
        String name = field.name();
        switch (name.length()) {
            case 10 -> {
                if (field.is("Connection")) {
                    for (list.reset(field.value()); list.next(); ) {
                        close |= list.is("close");
                        keepAlive |= list.is("keep-alive");
                    }
                }
            }
            case 14 -> {
                if (field.is("Content-Length")) {
                    contentLength(field.value());
                }
            }
            case 17 -> {
                if (field.is("Transfer-Encoding")) {
                    transferEncoding(field.value());
                }
            }
            default -> { }
        }
    }

    /**
     * The head. It has no body when it answers HEAD or its status never has one, whatever its fields
     * say (RFC 9112 section 6.3 rule 1); the fields must still be well-formed.
     */
    ResponseHead build(boolean answersHead) {
        boolean http11 = line.version() == HttpVersion.HTTP_1_1;
        int status = line.status();
        if (transferEncoding) {
            if (!http11) {
                throw StatusLine.malformed("Transfer-Encoding in an HTTP/1.0 response (RFC 9112 section 6.1)");
            }
            if (contentLength != NONE) {
                throw StatusLine.malformed("both Content-Length and Transfer-Encoding");
            }
            if (chunkedTwice) {
                throw StatusLine.malformed("chunked appears twice in Transfer-Encoding");
            }
        }
        boolean persistent = !close && (http11 || keepAlive);
        if (answersHead || status == 204 || status == 304 || status < 200) {
            return new ResponseHead(line.version(), status, line.reason(), fields, 0, false, persistent);
        }
        if (transferEncoding) {
            // Rule 3: chunked last frames the body; any other final coding runs to the close.
            return chunkedLast
                    ? new ResponseHead(line.version(), status, line.reason(), fields, -1, true, persistent)
                    : new ResponseHead(line.version(), status, line.reason(), fields, -1, false, false);
        }
        if (contentLength != NONE) {
            return new ResponseHead(line.version(), status, line.reason(), fields, contentLength, false, persistent);
        }
        return new ResponseHead(line.version(), status, line.reason(), fields, -1, false, false); // rule 8
    }

    private void contentLength(String value) {
        contentLength = FramingValues.contentLength(value, contentLength, 502);
    }

    /** Transfer-Encoding = #transfer-coding, over all its field lines in order. */
    private void transferEncoding(String value) {
        transferEncoding = true;
        FramingValues.transferCodings(value, list, 502, chunked -> {
            chunkedTwice |= chunked && chunkedSeen;
            chunkedSeen |= chunked;
            chunkedLast = chunked;
        });
    }
}
