package dev.spindle.http.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.spindle.http.HttpStatus;
import dev.spindle.http.HttpVersion;

/**
 * The status line, {@code HTTP-version SP status-code SP [ reason-phrase ]} (RFC 9112 section 4),
 * parsed from one complete line without its CRLF.
 *
 * <p>Strict like the request line: exactly one SP between the parts, a version of 1.0 or 1.1, a
 * status code from 100 to 599, a reason phrase of visible characters, spaces and tabs. One leniency,
 * which every client has: the SP after the status code may be missing when the reason is empty
 * ({@code HTTP/1.1 200}); nothing can be smuggled through it.
 */
record StatusLine(HttpVersion version, int status, String reason) {

    private static final byte[] HTTP_SLASH = {'H', 'T', 'T', 'P', '/'};
    private static final int VERSION_LENGTH = 8;

    static StatusLine parse(byte[] b, int off, int len) {
        int end = off + len;
        if (len < VERSION_LENGTH + 4 || b[off + VERSION_LENGTH] != Ascii.SP) {
            throw malformed("status line is not HTTP-version SP status-code");
        }
        HttpVersion version = version(b, off);
        int i = off + VERSION_LENGTH + 1;
        if (!Ascii.isDigit(b[i]) || !Ascii.isDigit(b[i + 1]) || !Ascii.isDigit(b[i + 2])) {
            throw malformed("status code is not three digits");
        }
        int status = (b[i] - '0') * 100 + (b[i + 1] - '0') * 10 + (b[i + 2] - '0');
        if (status < 100 || status > 599) {
            throw malformed("status code " + status + " is outside 100-599");
        }
        i += 3;
        if (i < end && b[i] != Ascii.SP) {
            throw malformed("status code is not followed by a space");
        }
        int reasonStart = Math.min(i + 1, end);
        for (int j = reasonStart; j < end; j++) {
            if (!Ascii.is(b[j], Ascii.FIELD_VALUE)) {
                throw malformed("reason phrase contains a control character");
            }
        }
        return new StatusLine(version, status, reason(status, b, reasonStart, end - reasonStart));
    }

    /** The reason, shared with {@link HttpStatus#reasonPhrase} when it is the standard one (it usually is). */
    private static String reason(int status, byte[] b, int off, int len) {
        if (len == 0) {
            return "";
        }
        String standard = HttpStatus.reasonPhrase(status);
        if (standard.length() == len) {
            boolean same = true;
            for (int i = 0; i < len && same; i++) {
                same = standard.charAt(i) == b[off + i];
            }
            if (same) {
                return standard;
            }
        }
        return new String(b, off, len, ISO_8859_1);
    }

    /** HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 section 2.3), 1.0 or 1.1. */
    private static HttpVersion version(byte[] b, int from) {
        boolean wellFormed = java.util.Arrays.equals(b, from, from + HTTP_SLASH.length, HTTP_SLASH, 0, HTTP_SLASH.length)
                && Ascii.isDigit(b[from + 5]) && b[from + 6] == '.' && Ascii.isDigit(b[from + 7]);
        if (!wellFormed) {
            throw malformed("malformed HTTP-version");
        }
        if (b[from + 5] == '1' && b[from + 7] == '0') {
            return HttpVersion.HTTP_1_0;
        }
        if (b[from + 5] == '1' && b[from + 7] == '1') {
            return HttpVersion.HTTP_1_1;
        }
        throw malformed("HTTP version " + new String(b, from, VERSION_LENGTH, ISO_8859_1) + " is not supported");
    }

    static ParseError malformed(String message) {
        return new ParseError(502, message);
    }
}
