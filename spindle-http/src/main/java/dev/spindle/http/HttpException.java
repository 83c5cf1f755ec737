package dev.spindle.http;

/**
 * An HTTP error that carries the status code to answer with, such as 400 for a malformed request.
 * Unchecked; the base of every exception the HTTP module throws.
 */
public class HttpException extends RuntimeException {

    private final int status;

    /** An error answered with {@code status}, with a message that names just the status. */
    public HttpException(int status) {
        this(status, "HTTP " + status);
    }

    /** An error answered with {@code status}; {@code message} explains it to a developer, not the client. */
    public HttpException(int status, String message) {
        super(message);
        this.status = checkStatus(status);
    }

    /** An error answered with {@code status}, caused by {@code cause}. */
    public HttpException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = checkStatus(status);
    }

    /**
     * For subclasses that signal an expected condition, such as a rejected request, where a stack
     * trace would cost more than it tells.
     */
    protected HttpException(int status, String message, boolean writableStackTrace) {
        super(message, null, false, writableStackTrace);
        this.status = checkStatus(status);
    }

    /** As {@link #HttpException(int, String, boolean)}, with the exception that caused it (may be null). */
    protected HttpException(int status, String message, Throwable cause, boolean writableStackTrace) {
        super(message, cause, false, writableStackTrace);
        this.status = checkStatus(status);
    }

    /** The status code to answer with, 400 to 599 for errors a client or server caused. */
    public int status() {
        return status;
    }

    private static int checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, was " + status);
        }
        return status;
    }
}
