package dev.spindle.http.internal;

/**
 * The syntax of the two fields that frame a message body, the same for requests and responses:
 * Content-Length (RFC 9110 section 8.6) and Transfer-Encoding (RFC 9112 section 6.1). What a wrong
 * value means differs (400 for a request, 502 for a response), so the caller gives the status.
 */
final class FramingValues {

    /** No Content-Length seen yet. */
    static final long NONE = -1;

    private static final String CHUNKED = "chunked";

    /** Told each transfer-coding of a Transfer-Encoding value, in order. */
    interface CodingSink {
        void coding(boolean chunked);
    }

    private FramingValues() {}

    /**
     * Content-Length = 1*DIGIT. A list of identical values, or repeated identical fields, is
     * accepted as one value, as RFC 9110 section 8.6 allows; anything else is an error.
     *
     * @param previous the value of an earlier Content-Length field, or {@link #NONE}
     * @return the length
     */
    static long contentLength(String value, long previous, int errorStatus) {
        long contentLength = previous;
        int i = 0;
        int length = value.length();
        while (true) {
            int digitsStart = i;
            long parsed = 0;
            for (char c; i < length && (c = value.charAt(i)) >= '0' && c <= '9'; i++) {
                if (parsed > (Long.MAX_VALUE - 9) / 10) {
                    throw new ParseError(errorStatus, "Content-Length overflows");
                }
                parsed = parsed * 10 + (c - '0');
            }
            if (i == digitsStart) {
                throw new ParseError(errorStatus, "Content-Length is not a number");
            }
            if (contentLength != NONE && contentLength != parsed) {
                throw new ParseError(errorStatus, "Content-Length values differ");
            }
            contentLength = parsed;
            i = skipWhitespace(value, i);
            if (i == length) {
                return contentLength;
            }
            if (value.charAt(i) != ',') {
                throw new ParseError(errorStatus, "Content-Length is not a number");
            }
            i = skipWhitespace(value, i + 1);
        }
    }

    /**
     * Transfer-Encoding = #transfer-coding: checks each element's syntax and tells {@code sink}
     * whether it is chunked. Parameters are not checked further (a coding other than chunked is
     * refused or runs to the close anyway), but chunked takes none.
     */
    static void transferCodings(String value, ListCursor list, int errorStatus, CodingSink sink) {
        for (list.reset(value); list.next(); ) {
            int nameEnd = list.start;
            while (nameEnd < list.end && Ascii.is(value.charAt(nameEnd), Ascii.TOKEN)) {
                nameEnd++;
            }
            boolean hasParameters = nameEnd < list.end;
            if (nameEnd == list.start || (hasParameters
                    && !Ascii.is(value.charAt(nameEnd), Ascii.WHITESPACE) && value.charAt(nameEnd) != ';')) {
                throw new ParseError(errorStatus, "Transfer-Encoding element is not a transfer-coding");
            }
            boolean chunked = nameEnd - list.start == CHUNKED.length()
                    && value.regionMatches(true, list.start, CHUNKED, 0, CHUNKED.length());
            if (chunked && hasParameters) {
                throw new ParseError(errorStatus, "chunked takes no parameters");
            }
            sink.coding(chunked);
        }
    }

    private static int skipWhitespace(String value, int i) {
        while (i < value.length() && Ascii.is(value.charAt(i), Ascii.WHITESPACE)) {
            i++;
        }
        return i;
    }
}
