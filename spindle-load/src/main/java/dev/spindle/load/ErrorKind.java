package dev.spindle.load;

import dev.spindle.http.HttpClientException;

/** Why a request of a load run failed, as the report counts them. */
public enum ErrorKind {
    /** Nothing listened on the port: the connection was refused ({@code ECONNREFUSED}). */
    CONNECT_REFUSED("connect refused"),
    /** The connection could not be opened for another reason (unreachable, name not found, ...). */
    CONNECT_FAILED("connect failed"),
    /** No connection, or no response, within the timeout. */
    TIMEOUT("timeout"),
    /** The server reset or closed the connection before the response was complete. */
    RESET("reset"),
    /** A response with a status outside 2xx; it is also counted among the responses. */
    NON_2XX("non-2xx"),
    /** The server's bytes were not a valid HTTP/1.1 response, or the body was too large. */
    BAD_RESPONSE("bad response"),
    /** Anything else. */
    OTHER("other");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The name in reports, e.g. {@code connect refused}. */
    public String label() {
        return label;
    }

    /** The kind of a request failure (not a response): what the client's exception says. */
    public static ErrorKind of(Throwable error) {
        if (!(error instanceof HttpClientException failure)) {
            return OTHER;
        }
        return switch (failure.kind()) {
            case CONNECT_FAILED -> "ECONNREFUSED".equals(failure.code()) ? CONNECT_REFUSED : CONNECT_FAILED;
            case CONNECT_TIMEOUT, READ_TIMEOUT -> TIMEOUT;
            case CONNECTION_CLOSED -> RESET;
            case MALFORMED_RESPONSE, RESPONSE_TOO_LARGE -> BAD_RESPONSE;
            case CLIENT_CLOSED -> OTHER;
        };
    }
}
