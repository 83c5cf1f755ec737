package dev.spindle.http.internal.routing;

import dev.spindle.http.HttpException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of path segments and query components as UTF-8 (RFC 3986 section 2.1). A
 * malformed escape or invalid UTF-8 is the client's error: 400, never a silently mangled value.
 */
public final class PercentDecoder {

    private PercentDecoder() {}

    /** Decodes {@code text[from, to)}; {@code plusIsSpace} for form-encoded query strings. */
    public static String decode(String text, int from, int to, boolean plusIsSpace) {
        int firstEscape = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+')) {
                firstEscape = i;
                break;
            }
        }
        if (firstEscape < 0) {
            return text.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    throw new HttpException(400, "malformed percent-encoding: " + text.substring(from, to));
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new HttpException(400, "malformed percent-encoding: " + text.substring(from, to));
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (plusIsSpace && c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HttpException(400, "percent-encoded bytes are not UTF-8: " + text.substring(from, to), e);
        }
    }

    /** Decodes a path segment ({@code +} stays a plus). */
    public static String decode(String text, int from, int to) {
        return decode(text, from, to, false);
    }
}
