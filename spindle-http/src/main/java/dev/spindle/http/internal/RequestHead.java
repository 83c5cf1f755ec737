package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.HttpVersion;
import java.util.List;
import java.util.Optional;

/**
 * A request line and header section that passed every check, with the facts the server needs
 * already worked out from the fields.
 *
 * @param method the request method
 * @param target the request-target exactly as sent (origin-, absolute-, authority- or asterisk-form)
 * @param version the protocol version
 * @param headers the header field lines in the order received, names in their original case
 * @param contentLength the body length in bytes: the Content-Length value, 0 when the request has
 *     no body, or -1 when the body is chunked
 * @param chunked whether the body uses the chunked transfer coding
 * @param keepAlive whether the connection stays open after this request: HTTP/1.1 unless
 *     {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive}
 * @param expectContinue whether an HTTP/1.1 client sent {@code Expect: 100-continue} and waits for
 *     a 100 response before it sends the body
 * @param upgrade whether the client asks to leave HTTP after this request: a CONNECT, or an
 *     HTTP/1.1 request with an Upgrade field and {@code Connection: upgrade}
 */
public record RequestHead(
        HttpMethod method,
        String target,
        HttpVersion version,
        List<HeaderField> headers,
        long contentLength,
        boolean chunked,
        boolean keepAlive,
        boolean expectContinue,
        boolean upgrade) {

    public RequestHead {
        if (!(headers instanceof HeaderList)) { // already an unmodifiable copy; so is a List.of(...), which copyOf keeps
            headers = List.copyOf(headers);
        }
    }

    /** The value of the first field called {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        return FieldLookup.first(headers, name);
    }

    /** Whether a body follows the header section. */
    public boolean hasBody() {
        return chunked || contentLength > 0;
    }
}
