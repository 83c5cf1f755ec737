package dev.spindle.http.internal;

/**
 * A chunk-size line, {@code chunk-size [ chunk-ext ]} (RFC 9112 section 7.1), parsed from a
 * complete line without its CRLF. Extensions are checked against the grammar and then ignored, as
 * section 7.1.1 asks of a recipient that does not understand them.
 */
final class ChunkLine {

    private ChunkLine() {}

    /** The chunk size in bytes; 0 marks the last chunk. */
    static long size(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        long size = 0;
        for (int digit; i < end && (digit = Ascii.hexValue(b[i])) >= 0; i++) {
            if (size > (Long.MAX_VALUE >>> 4)) {
                throw ParseError.badRequest("chunk-size overflows");
            }
            size = (size << 4) | digit;
        }
        if (i == off) {
            throw ParseError.badRequest("chunk-size is not a hexadecimal number");
        }
        checkExtensions(b, i, end);
        return size;
    }

    /** chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ). */
    private static void checkExtensions(byte[] b, int i, int end) {
        while (i < end) {
            i = skipWhitespace(b, i, end);
            if (i == end || b[i] != ';') {
                throw ParseError.badRequest("chunk-size followed by something other than a chunk extension");
            }
            i = skipWhitespace(b, i + 1, end);
            int nameStart = i;
            i = skipToken(b, i, end);
            if (i == nameStart) {
                throw ParseError.badRequest("chunk extension without a name");
            }
            int afterName = skipWhitespace(b, i, end);
            if (afterName < end && b[afterName] == '=') {
                i = skipWhitespace(b, afterName + 1, end);
                if (i < end && b[i] == '"') {
                    i = skipQuotedString(b, i, end);
                } else {
                    int valueStart = i;
                    i = skipToken(b, i, end);
                    if (i == valueStart) {
                        throw ParseError.badRequest("chunk extension without a value after '='");
                    }
                }
            }
        }
    }

    private static int skipWhitespace(byte[] b, int i, int end) {
        while (i < end && Ascii.is(b[i], Ascii.WHITESPACE)) {
            i++;
        }
        return i;
    }

    private static int skipToken(byte[] b, int i, int end) {
        while (i < end && Ascii.is(b[i], Ascii.TOKEN)) {
            i++;
        }
        return i;
    }

    /** quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE (RFC 9110 section 5.6.4); {@code b[i]} is the opening quote. */
    private static int skipQuotedString(byte[] b, int i, int end) {
        for (i++; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ): the field-value bytes.
                if (++i == end || !Ascii.is(b[i], Ascii.FIELD_VALUE)) {
                    throw ParseError.badRequest("bad quoted-pair in a chunk extension");
                }
            } else if (!Ascii.is(c, Ascii.QDTEXT)) {
                throw ParseError.badRequest("bad byte in a quoted chunk extension value");
            }
        }
        throw ParseError.badRequest("unterminated quoted string in a chunk extension");
    }
}
