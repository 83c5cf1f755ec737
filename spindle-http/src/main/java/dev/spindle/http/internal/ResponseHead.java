package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpVersion;
import java.util.List;
import java.util.Optional;

/**
 * A status line and header section that passed every check, with the framing already worked out
 * (RFC 9112 section 6.3).
 *
 * @param version the protocol version the server answered with
 * @param status the status code, 200 to 599 (interim 1xx responses are skipped by the parser)
 * @param reason the reason phrase, maybe empty; clients should ignore it (RFC 9112 section 4)
 * @param headers the header field lines in the order received, names in their original case
 * @param contentLength the body length in bytes: the Content-Length value, 0 when the response has
 *     no body, or -1 when the body is chunked or runs until the connection closes
 * @param chunked whether the body uses the chunked transfer coding
 * @param keepAlive whether the connection may carry another response after this one: HTTP/1.1
 *     unless {@code Connection: close}, HTTP/1.0 only with {@code Connection: keep-alive}, and
 *     never after a body that runs until the connection closes
 */
public record ResponseHead(
        HttpVersion version,
        int status,
        String reason,
        List<HeaderField> headers,
        long contentLength,
        boolean chunked,
        boolean keepAlive) {

    public ResponseHead {
        headers = List.copyOf(headers);
    }

    /** The value of the first field called {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        return FieldLookup.first(headers, name);
    }

    /** Whether the body runs until the server closes the connection (no length, not chunked). */
    public boolean closeDelimited() {
        return contentLength < 0 && !chunked;
    }
}
