package dev.spindle.http.internal;

import dev.spindle.http.HttpException;

/**
 * A request the parser rejects. It has no stack trace: a rejection is an expected outcome that a
 * hostile client can cause at will, and the message says all there is to say.
 */
final class ParseError extends HttpException {

    ParseError(int status, String message) {
        super(status, message, false);
    }

    static ParseError badRequest(String message) {
        return new ParseError(400, message);
    }
}
