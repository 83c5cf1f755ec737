package dev.spindle.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete response an {@link HttpClient} received: status line, headers and the whole body.
 *
 * @param version the version the server answered with
 * @param status the status code, 200 to 599 (interim 1xx responses are not reported)
 * @param reason the reason phrase as sent, maybe empty
 * @param headers the header fields in the order received, names in their original case; empty
 *     when the request asked not to {@linkplain HttpClientRequest#collectHeaders() collect} them
 * @param body the body, de-chunked; empty when the response had none, or when the request asked
 *     not to {@linkplain HttpClientRequest#collectBody() collect} it. Not copied: do not modify it.
 */
public record HttpClientResponse(HttpVersion version, int status, String reason, List<HeaderField> headers, byte[] body) {

    public HttpClientResponse {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The value of the first header field called {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        for (HeaderField field : headers) {
            if (field.is(name)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    /** The body decoded as UTF-8. */
    public String text() {
        return new String(body, UTF_8);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return version + " " + status + (reason.isEmpty() ? "" : " " + reason) + " (" + body.length + " body bytes)";
    }
}
