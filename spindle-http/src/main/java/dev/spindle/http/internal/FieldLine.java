package dev.spindle.http.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.spindle.http.HeaderField;

/**
 * One field line, {@code field-name ":" OWS field-value OWS} (RFC 9112 section 5), parsed from a
 * complete line without its CRLF. Used for header and trailer sections alike.
 */
final class FieldLine {

    private FieldLine() {}

    static HeaderField parse(byte[] b, int off, int len) {
        return parse(b, off, len, true);
    }

    /**
     * Checks the line as {@link #parse(byte[], int, int)} does, but returns a field only if it is one
     * that frames a message or ends a connection (Connection, Content-Length, Transfer-Encoding),
     * else null, allocating nothing: for a client that wants only the status and the body's framing.
     */
    static HeaderField parseFraming(byte[] b, int off, int len) {
        return parse(b, off, len, false);
    }

    private static HeaderField parse(byte[] b, int off, int len, boolean all) {
        int end = off + len;
        if (Ascii.is(b[off], Ascii.WHITESPACE)) {
            // obs-fold, or whitespace right after the request line: RFC 9112 sections 5.2 and 2.2
            // allow rejecting both, and unfolding is how smuggled fields get past other parsers.
            throw ParseError.badRequest("field line starts with whitespace (obs-fold)");
        }
        int i = off;
        while (i < end && Ascii.is(b[i], Ascii.TOKEN)) {
            i++;
        }
        int nameEnd = i;
        if (i == end || b[i] != ':') {
            if (i < end && Ascii.is(b[i], Ascii.WHITESPACE)) {
                throw ParseError.badRequest("whitespace between field name and colon (RFC 9112 section 5.1)");
            }
            throw ParseError.badRequest(i == end ? "field line without a colon" : "field name is not a token");
        }
        if (nameEnd == off) {
            throw ParseError.badRequest("field line with an empty name");
        }
        i++;
        while (i < end && Ascii.is(b[i], Ascii.WHITESPACE)) {
            i++;
        }
        int valueStart = i;
        for (; i < end; i++) {
            if (!Ascii.is(b[i], Ascii.FIELD_VALUE)) {
                throw ParseError.badRequest("field value contains a control character");
            }
        }
        int valueEnd = end;
        while (valueEnd > valueStart && Ascii.is(b[valueEnd - 1], Ascii.WHITESPACE)) {
            valueEnd--;
        }
        if (!all && !isFraming(b, off, nameEnd - off)) {
            return null;
        }
        String name = FieldNames.name(b, off, nameEnd - off);
        String value = valueEnd == valueStart ? "" : new String(b, valueStart, valueEnd - valueStart, ISO_8859_1);
        return new HeaderField(name, value);
    }

    private static boolean isFraming(byte[] b, int off, int len) {
        return switch (len) {
            case 10 -> equalsIgnoreCase(b, off, "connection");
            case 14 -> equalsIgnoreCase(b, off, "content-length");
            case 17 -> equalsIgnoreCase(b, off, "transfer-encoding");
            default -> false;
        };
    }

    /** Whether {@code b[off, off + lower.length())} spells {@code lower} in any ASCII case. */
    private static boolean equalsIgnoreCase(byte[] b, int off, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if ((b[off + i] | 0x20) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
