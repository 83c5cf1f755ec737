package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.HttpVersion;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the header fields of one request and works out what they mean for framing and for the
 * connection: Content-Length, Transfer-Encoding and Connection (read by {@link FramingFields}),
 * Host, Expect and Upgrade. Checks that need the whole section (Host present, Content-Length
 * beside Transfer-Encoding) run in {@link #build()}. One instance is reused for every request on a connection; it lets go of the
 * request line and fields once it has built the head, so an idle connection does not keep them.
 * The fields collect in the array the parsers of one thread share ({@link ParserScratch}); a
 * section still open when a feed returns moves to an array of its own ({@link #keepPendingFields}).
 */
final class HeadBuilder {

    private static final HeaderField[] NO_FIELDS = {};

    private final ListCursor list = new ListCursor();
    private final FramingFields framing = new FramingFields(400, list);
    private final ParserScratch shared;
    private HttpMethod method;
    private String target;
    private HttpVersion version;
    /** The fields so far: in the shared array while a feed runs, in one of this builder's own between feeds. */
    private HeaderField[] fields = NO_FIELDS;
    private int fieldCount;
    private int hosts;
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
        framing.start();
        hosts = 0;
        upgradeField = false;
        expectContinue = false;
    }

    void add(HeaderField field) {
        if (fieldCount == fields.length) {
            fields = shared.owns(fields) ? shared.fieldsAtLeast(fieldCount + 1, fieldCount)
                    : Arrays.copyOf(fields, Math.max(4, fieldCount * 2));
        }
        fields[fieldCount++] = field;
        // Dispatch on the length first: most fields match none of these and cost a switch or two.
        switch (field.name().length()) {
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
            default -> framing.add(field);
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
        boolean transferEncoding = framing.transferEncoding();
        if (transferEncoding) {
            // RFC 9112 section 6.3 rules 3 and 4, section 6.1 on HTTP/1.0: each is a smuggling vector.
            if (framing.contentLength() != FramingValues.NONE) {
                throw ParseError.badRequest("both Content-Length and Transfer-Encoding");
            }
            if (!http11) {
                throw ParseError.badRequest("Transfer-Encoding in an HTTP/1.0 request");
            }
            // Only chunked is implemented; it must come last and once (RFC 9112 section 6.1).
            if (!framing.chunkedLast() || framing.chunkedTwice()) {
                throw ParseError.badRequest("chunked is not the final transfer coding, or appears twice");
            }
            if (framing.otherCoding()) {
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
                transferEncoding ? -1 : Math.max(framing.contentLength(), 0),
                transferEncoding,
                framing.persistent(http11),
                http11 && expectContinue,
                method == HttpMethod.CONNECT || (http11 && framing.upgrade() && upgradeField));
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
}
