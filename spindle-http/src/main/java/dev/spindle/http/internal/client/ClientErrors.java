package dev.spindle.http.internal.client;

import dev.spindle.http.HttpClientException;
import dev.spindle.http.HttpClientException.Kind;
import dev.spindle.net.NetException;
import java.time.Duration;

/** The client's failures, each with its kind, Node-style code and a message that names the peer. */
final class ClientErrors {

    static final String ETIMEDOUT = "ETIMEDOUT";
    static final String ECONNRESET = "ECONNRESET";
    static final String INVALID_RESPONSE = "HPE_INVALID_RESPONSE";
    static final String CLIENT_CLOSED = "ERR_CLIENT_CLOSED";

    private ClientErrors() {}

    static HttpClientException connectFailed(Throwable error, String peer) {
        if (error instanceof NetException net) {
            return new HttpClientException(Kind.CONNECT_FAILED, net.code(), net.getMessage(), net);
        }
        return new HttpClientException(Kind.CONNECT_FAILED, NetException.UNKNOWN, "connect to " + peer + " failed: " + error, error);
    }

    static HttpClientException connectTimeout(String peer, Duration timeout) {
        return new HttpClientException(Kind.CONNECT_TIMEOUT, ETIMEDOUT,
                "connect to " + peer + " timed out after " + timeout.toMillis() + " ms", null);
    }

    static HttpClientException readTimeout(String peer, Duration timeout) {
        return new HttpClientException(Kind.READ_TIMEOUT, ETIMEDOUT,
                "no response from " + peer + " within " + timeout.toMillis() + " ms", null);
    }

    /** The connection failed under the request: {@code cause} is the socket's error, or null for a plain close. */
    static HttpClientException closed(String peer, Throwable cause) {
        if (cause instanceof NetException net) {
            return new HttpClientException(Kind.CONNECTION_CLOSED, net.code(),
                    net.getMessage() + " before the response was complete", net);
        }
        return new HttpClientException(Kind.CONNECTION_CLOSED, ECONNRESET,
                "the server (" + peer + ") closed the connection before the response was complete", cause);
    }

    static HttpClientException notAnswered(String peer) {
        return new HttpClientException(Kind.CONNECTION_CLOSED, ECONNRESET,
                "the server (" + peer + ") ended the connection with an earlier response; this request was not answered", null);
    }

    static HttpClientException notOpen(String peer) {
        return new HttpClientException(Kind.CONNECTION_CLOSED, ECONNRESET,
                "the connection to " + peer + " is closed or closing; open another", null);
    }

    static HttpClientException malformed(String peer, String problem) {
        return new HttpClientException(Kind.MALFORMED_RESPONSE, INVALID_RESPONSE,
                "invalid response from " + peer + ": " + problem, null);
    }

    static HttpClientException tooLarge(String peer, long limit) {
        return new HttpClientException(Kind.RESPONSE_TOO_LARGE, "HPE_BODY_TOO_LARGE",
                "response body from " + peer + " larger than " + limit + " bytes", null);
    }

    static HttpClientException clientClosed(String peer) {
        return new HttpClientException(Kind.CLIENT_CLOSED, CLIENT_CLOSED,
                "the connection to " + peer + " was closed by the client before the response", null);
    }
}
