package dev.spindle.http.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.spindle.http.HttpMethod;
import dev.spindle.http.HttpVersion;
import java.util.Arrays;

/**
 * The request line, {@code method SP request-target SP HTTP-version} (RFC 9112 section 3), parsed
 * from one complete line without its CRLF.
 *
 * <p>Strict on purpose: exactly one SP between the parts, no autocorrection (RFC 9112 section 3
 * advises against it); a syntax error is 400, an HTTP version other than 1.0 or 1.1 is 505, a
 * target over the limit is 414, and a method Spindle does not know is 501. The parts go straight
 * to the connection's {@link HeadBuilder}: no object per request line.
 */
final class RequestLine {

    /** Room for the method, two spaces and the version on top of the longest target. */
    static final int SLACK = 64;

    private static final byte[] HTTP_SLASH = {'H', 'T', 'T', 'P', '/'};
    private static final int VERSION_LENGTH = 8;

    private RequestLine() {}

    /** Parses the line and starts {@code head} with its method, target and version. */
    static void parse(byte[] b, int off, int len, int maxTargetLength, HeadBuilder head) {
        int end = off + len;
        int i = off;
        while (i < end && Ascii.is(b[i], Ascii.TOKEN)) {
            i++;
        }
        int methodEnd = i;
        if (methodEnd == off || i == end || b[i] != Ascii.SP) {
            throw ParseError.badRequest("request line does not start with a method token and one space");
        }
        int targetStart = ++i;
        while (i < end && Ascii.is(b[i], Ascii.TARGET)) {
            i++;
        }
        int targetEnd = i;
        if (targetEnd == targetStart || i == end || b[i] != Ascii.SP) {
            throw ParseError.badRequest("request-target is empty, has a byte that is not visible ASCII, "
                    + "or is not followed by one space and the version");
        }
        HttpVersion version = version(b, targetEnd + 1, end);
        if (targetEnd - targetStart > maxTargetLength) {
            throw targetTooLong(maxTargetLength);
        }
        HttpMethod method = Methods.find(b, off, methodEnd - off);
        if (method == null) {
            throw new ParseError(501, "method " + new String(b, off, methodEnd - off, ISO_8859_1) + " is not implemented");
        }
        checkForm(method, b, targetStart, targetEnd);
        head.start(method, target(b, targetStart, targetEnd), version);
    }

    /** The target as a string; the most common one, {@code /}, is always the same instance. */
    private static String target(byte[] b, int start, int end) {
        return end - start == 1 && b[start] == '/' ? "/" : new String(b, start, end - start, ISO_8859_1);
    }

    /**
     * The verdict on a request line longer than the limit, from its first {@code len} bytes: 414 if
     * the target alone is too long, else 400. Only this prefix is looked at, so the verdict does not
     * depend on how the bytes were split across reads.
     */
    static ParseError tooLong(byte[] b, int off, int len, int maxTargetLength) {
        int end = off + len;
        int i = off;
        while (i < end && Ascii.is(b[i], Ascii.TOKEN)) {
            i++;
        }
        if (i == off || i == end || b[i] != Ascii.SP) {
            return ParseError.badRequest("request line too long, and it does not start with a method and a space");
        }
        int targetStart = ++i;
        while (i < end && Ascii.is(b[i], Ascii.TARGET)) {
            i++;
        }
        if (i - targetStart > maxTargetLength) {
            return targetTooLong(maxTargetLength);
        }
        return ParseError.badRequest("request line too long");
    }

    private static ParseError targetTooLong(int maxTargetLength) {
        return new ParseError(414, "request-target longer than " + maxTargetLength + " bytes");
    }

    /** HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 section 2.3); the name is case-sensitive. */
    private static HttpVersion version(byte[] b, int from, int end) {
        boolean wellFormed = end - from == VERSION_LENGTH
                && Arrays.equals(b, from, from + HTTP_SLASH.length, HTTP_SLASH, 0, HTTP_SLASH.length)
                && Ascii.isDigit(b[from + 5]) && b[from + 6] == '.' && Ascii.isDigit(b[from + 7]);
        if (!wellFormed) {
            throw ParseError.badRequest("malformed HTTP-version");
        }
        if (b[from + 5] == '1' && b[from + 7] == '0') {
            return HttpVersion.HTTP_1_0;
        }
        if (b[from + 5] == '1' && b[from + 7] == '1') {
            return HttpVersion.HTTP_1_1;
        }
        throw new ParseError(505, "HTTP version " + new String(b, from, VERSION_LENGTH, ISO_8859_1) + " is not supported");
    }

    /**
     * The four forms of RFC 9112 section 3.2: authority-form for CONNECT and only there, "*" for
     * OPTIONS only, otherwise origin-form ("/...") or absolute-form ("scheme:...").
     */
    private static void checkForm(HttpMethod method, byte[] b, int from, int end) {
        if (method == HttpMethod.CONNECT) {
            if (!isAuthorityForm(b, from, end)) {
                throw ParseError.badRequest("CONNECT needs an authority-form target, host:port");
            }
        } else if (b[from] == '/') {
            return;
        } else if (end - from == 1 && b[from] == '*') {
            if (method != HttpMethod.OPTIONS) {
                throw ParseError.badRequest("asterisk-form is only for OPTIONS");
            }
        } else if (!hasScheme(b, from, end)) {
            throw ParseError.badRequest("request-target is neither origin-form nor absolute-form");
        }
    }

    private static boolean isAuthorityForm(byte[] b, int from, int end) {
        int colon = end - 1;
        while (colon >= from && Ascii.isDigit(b[colon])) {
            colon--;
        }
        if (colon <= from || colon == end - 1 || b[colon] != ':') {
            return false;
        }
        for (int i = from; i < colon; i++) {
            if (!Ascii.is(b[i], Ascii.HOST)) {
                return false;
            }
        }
        return true;
    }

    /** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ":" (RFC 3986 section 3.1). */
    private static boolean hasScheme(byte[] b, int from, int end) {
        if (!Ascii.isAlpha(b[from])) {
            return false;
        }
        for (int i = from + 1; i < end; i++) {
            byte c = b[i];
            if (c == ':') {
                return true;
            }
            if (!Ascii.isAlpha(c) && !Ascii.isDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return false;
    }
}
