package dev.spindle.http.internal.client;

import dev.spindle.http.HttpClientRequest;
import dev.spindle.http.HttpClientResponse;
import dev.spindle.http.internal.ResponseHead;
import dev.spindle.loop.Promise;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** One request on a connection and its response as it arrives: the head, then the body collected. */
final class Exchange {

    private static final byte[] EMPTY = {};

    final HttpClientRequest request;
    final Promise<HttpClientResponse> promise;
    private ResponseHead head;
    private byte[] body = EMPTY;
    private long length;

    Exchange(HttpClientRequest request, Promise<HttpClientResponse> promise) {
        this.request = request;
        this.promise = promise;
    }

    void head(ResponseHead head) {
        this.head = head;
        if (request.collectBody() && head.contentLength() > 0 && head.contentLength() <= Integer.MAX_VALUE - 8) {
            body = new byte[(int) head.contentLength()];
        }
    }

    /** Adds a piece of the body; false when the body would pass {@code limit} bytes. */
    boolean body(ByteBuffer data, long limit) {
        int n = data.remaining();
        if (length + n > limit) {
            return false;
        }
        if (request.collectBody()) {
            if (length + n > body.length) {
                body = Arrays.copyOf(body, (int) Math.max(length + n, Math.min(Integer.MAX_VALUE - 8, body.length * 2L)));
            }
            data.get(body, (int) length, n);
        }
        length += n;
        return true;
    }

    HttpClientResponse response() {
        byte[] bytes = !request.collectBody() ? EMPTY : length == body.length ? body : Arrays.copyOf(body, (int) length);
        return new HttpClientResponse(head.version(), head.status(), head.reason(), head.headers(), bytes);
    }
}
