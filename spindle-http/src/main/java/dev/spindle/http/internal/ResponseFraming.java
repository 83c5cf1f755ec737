package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the header fields of one response and works out its framing and whether the connection
 * stays open (RFC 9112 sections 6.3 and 9.3) from Content-Length, Transfer-Encoding and Connection,
 * which {@link FramingFields} reads.
 * Strict where a lenient reading would let a response be split or smuggled: Content-Length beside
 * Transfer-Encoding, differing Content-Lengths, chunked twice, and Transfer-Encoding in HTTP/1.0
 * are errors. One instance is reused for every response on a connection.
 */
final class ResponseFraming {

    private final FramingFields framing = new FramingFields(502, new ListCursor());
    private StatusLine line;
    private List<HeaderField> fields = new ArrayList<>();
    private boolean keepFields;

    /** Starts a response; {@code keepFields} false keeps only what framing needs, and no list of fields. */
    void start(StatusLine line, boolean keepFields) {
        this.line = line;
        this.keepFields = keepFields;
        fields = keepFields ? new ArrayList<>(8) : List.of();
        framing.start();
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
        framing.add(field);
    }

    /**
     * The head. It has no body when it answers HEAD or its status never has one, whatever its fields
     * say (RFC 9112 section 6.3 rule 1); the fields must still be well-formed.
     */
    ResponseHead build(boolean answersHead) {
        boolean http11 = line.version() == HttpVersion.HTTP_1_1;
        int status = line.status();
        boolean transferEncoding = framing.transferEncoding();
        long contentLength = framing.contentLength();
        if (transferEncoding) {
            if (!http11) {
                throw StatusLine.malformed("Transfer-Encoding in an HTTP/1.0 response (RFC 9112 section 6.1)");
            }
            if (contentLength != FramingValues.NONE) {
                throw StatusLine.malformed("both Content-Length and Transfer-Encoding");
            }
            if (framing.chunkedTwice()) {
                throw StatusLine.malformed("chunked appears twice in Transfer-Encoding");
            }
        }
        boolean persistent = framing.persistent(http11);
        if (answersHead || status == 204 || status == 304 || status < 200) {
            return new ResponseHead(line.version(), status, line.reason(), fields, 0, false, persistent);
        }
        if (transferEncoding) {
            // Rule 3: chunked last frames the body; any other final coding runs to the close.
            return framing.chunkedLast()
                    ? new ResponseHead(line.version(), status, line.reason(), fields, -1, true, persistent)
                    : new ResponseHead(line.version(), status, line.reason(), fields, -1, false, false);
        }
        if (contentLength != FramingValues.NONE) {
            return new ResponseHead(line.version(), status, line.reason(), fields, contentLength, false, persistent);
        }
        return new ResponseHead(line.version(), status, line.reason(), fields, -1, false, false); // rule 8
    }
}
