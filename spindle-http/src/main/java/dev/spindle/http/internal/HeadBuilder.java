package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.HttpVersion;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the header fields of one request and works out what they mean for framing and for the
 * connection: Content-Length, Transfer-Encoding, Host, Connection, Expect and Upgrade. Checks that
 * need the whole section (Host present, Content-Length beside Transfer-Encoding) run in
 * {@link #build()}. One instance is reused for every request on a connection; it lets go of the
 * request line and fields once it has built the head, so an idle connection does not keep them.
 * The fields collect in the array the parsers of one thread share ({@link ParserScratch}); a
 * section still open when a feed returns moves to an array of its own ({@link #keepPendingFields}).
 */
final class HeadBuilder {

    private static final long NONE = FramingValues.NONE;

    private static final HeaderField[] NO_FIELDS = {};

    private final ListCursor list = new ListCursor();
    private final ParserScratch shared;
    private HttpMethod method;
    private String target;
    private HttpVersion version;
    /** The fields so far: in the shared array while a feed runs, in one of this builder's own between feeds. */
    private HeaderField[] fields = NO_FIELDS;
    private int fieldCount;
    private long contentLength;
    private boolean transferEncoding;
    private boolean chunkedLast;
    private boolean chunkedBeforeLast;
    private boolean unknownCoding;
    private int hosts;
    private boolean close;
    private boolean keepAlive;
    private boolean connectionUpgrade;
    private boolean upgradeField;
    private boolean expectContinue;

    HeadBuilder(ParserScratch shared) {
        this.shared = shared;
    }

    void start(HttpMethod method, String target, HttpVersion version) {
        this.method = method;
        this.target = target;
        this.version = version;
        fields = shared.fieldsAtLeast(ParserScratch.MIN_FIELDS, 0);
        fieldCount = 0;
        contentLength = NONE;
        transferEncoding = false;
        chunkedLast = false;
        chunkedBeforeLast = false;
        unknownCoding = false;
        hosts = 0;
        close = false;
        keepAlive = false;
        connectionUpgrade = false;
        upgradeField = false;
        expectContinue = false;
    }

    void add(HeaderField field) {
        if (fieldCount == fields.length) {
            fields = shared.owns(fields) ? shared.fieldsAtLeast(fieldCount + 1, fieldCount)
                    : Arrays.copyOf(fields, Math.max(4, fieldCount * 2));
        }
        fields[fieldCount++] = field;
        String name = field.name();
        // Dispatch on the length first: most fields match none of these and cost one switch.
        switch (name.length()) {
            case 4 -> {
                if (field.is("Host")) {
                    host(field.value());
                }
            }
            case 6 -> {
                if (field.is("Expect")) {
                    expect(field.value());
                }
            }
            case 7 -> {
                if (field.is("Upgrade")) {
                    upgradeField |= !field.value().isEmpty();
                }
            }
            case 10 -> {
                if (field.is("Connection")) {
                    connection(field.value());
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

    RequestHead build() {
        boolean http11 = version == HttpVersion.HTTP_1_1;
        // RFC 9112 section 3.2: exactly one Host in HTTP/1.1, never more than one.
        if (hosts > 1) {
            throw ParseError.badRequest("more than one Host field");
        }
        if (hosts == 0 && http11) {
            throw ParseError.badRequest("HTTP/1.1 request without Host");
        }
        if (transferEncoding) {
            // RFC 9112 section 6.3 rules 3 and 4, section 6.1 on HTTP/1.0: each is a smuggling vector.
            if (contentLength != NONE) {
                throw ParseError.badRequest("both Content-Length and Transfer-Encoding");
            }
            if (!http11) {
                throw ParseError.badRequest("Transfer-Encoding in an HTTP/1.0 request");
            }
            if (!chunkedLast || chunkedBeforeLast) {
                throw ParseError.badRequest("chunked is not the final transfer coding, or appears twice");
            }
            if (unknownCoding) {
                throw new ParseError(501, "transfer coding other than chunked is not implemented");
            }
        }
        HttpMethod method = this.method;
        String target = this.target;
        List<HeaderField> headers = switch (fieldCount) { // RequestHead keeps these three kinds as they are
            case 0 -> List.of();
            case 1 -> List.of(fields[0]);
            default -> new HeaderList(Arrays.copyOf(fields, fieldCount));
        };
        this.method = null;
        this.target = null;
        Arrays.fill(fields, 0, fieldCount, null);
        fields = NO_FIELDS;
        fieldCount = 0;
        list.reset("");
        return new RequestHead(
                method,
                target,
                version,
                headers,
                transferEncoding ? -1 : Math.max(contentLength, 0),
                transferEncoding,
                !close && (http11 || keepAlive),
                http11 && expectContinue,
                method == HttpMethod.CONNECT || (http11 && connectionUpgrade && upgradeField));
    }

    /**
     * A feed is returning: fields of a section that has not ended yet leave the shared array, which
     * other parsers use before this one is fed again. Sections split across reads are rare.
     */
    void keepPendingFields() {
        if (shared.owns(fields)) {
            HeaderField[] own = fieldCount == 0 ? NO_FIELDS : Arrays.copyOf(fields, Math.max(fieldCount * 2, 4));
            Arrays.fill(fields, 0, fieldCount, null);
            fields = own;
        }
    }

    /** Forgets a section cut short by an error: the parser reads no more. */
    void dropPendingFields() {
        if (shared.owns(fields)) {
            Arrays.fill(fields, 0, fieldCount, null);
        }
        fields = NO_FIELDS;
        fieldCount = 0;
    }

    private void host(String value) {
        hosts++;
        for (int i = 0; i < value.length(); i++) {
            if (!Ascii.is(value.charAt(i), Ascii.HOST)) {
                throw ParseError.badRequest("Host is not a valid host[:port]");
            }
        }
    }

    private void expect(String value) {
        for (list.reset(value); list.next(); ) {
            expectContinue |= list.is("100-continue");
        }
    }

    private void connection(String value) {
        for (list.reset(value); list.next(); ) {
            close |= list.is("close");
            keepAlive |= list.is("keep-alive");
            connectionUpgrade |= list.is("upgrade");
        }
    }

    private void contentLength(String value) {
        contentLength = FramingValues.contentLength(value, contentLength, 400);
    }

    /** Only chunked is implemented; it must come last and once (RFC 9112 section 6.1). */
    private void transferEncoding(String value) {
        transferEncoding = true;
        FramingValues.transferCodings(value, list, 400, chunked -> {
            chunkedBeforeLast |= chunkedLast;
            chunkedLast = chunked;
            unknownCoding |= !chunked;
        });
    }
}
