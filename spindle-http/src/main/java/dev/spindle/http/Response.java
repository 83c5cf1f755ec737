package dev.spindle.http;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The response to one request: status and headers, then a body sent whole ({@link #send},
 * {@link #json}) or streamed ({@link #write} with backpressure, then {@link #end()}). Without a
 * {@code Content-Length} a streamed body is sent chunked. Loop thread only.
 */
public interface Response {

    /** Sets the status code (200 by default). */
    Response status(int status);

    int status();

    /** Sets header {@code name}, replacing any earlier value. */
    Response header(String name, String value);

    /** Adds one more value for header {@code name} (e.g. {@code Set-Cookie}). */
    Response addHeader(String name, String value);

    /** The first value set for header {@code name}. */
    Optional<String> header(String name);

    /** Sets {@code Content-Type}. */
    Response type(String contentType);

    /** Whether the status line and headers have gone out; after that they cannot change. */
    boolean headersSent();

    /**
     * Writes part of the body. Returns false once the connection's buffer is past its high-water
     * mark: stop writing until {@link #onDrain} fires.
     */
    boolean write(ByteBuffer data);

    /** {@link #write(ByteBuffer)} of bytes. */
    boolean write(byte[] data);

    /** {@link #write(ByteBuffer)} of UTF-8 text. */
    boolean write(String text);

    /** Called when the buffer has drained after {@link #write} returned false. */
    Response onDrain(Runnable listener);

    /** Finishes the response. */
    void end();

    /** Sends {@code text} as the whole body, {@code text/plain; charset=utf-8} unless a type is set. */
    void send(String text);

    /** Sends {@code body} as the whole body, {@code application/octet-stream} unless a type is set. */
    void send(byte[] body);

    /** Sends {@code value} as JSON (Jackson), {@code application/json}. */
    void json(Object value);

    /** Sends {@code status} with its reason phrase as a text body. */
    void sendStatus(int status);

    /** Redirects with 302 Found. */
    void redirect(String location);

    /** Redirects with {@code status} (301, 302, 303, 307 or 308). */
    void redirect(int status, String location);

    /** Whether {@link #end()} (or a sending method) has been called. */
    boolean isFinished();

    /** Called once the whole response has been handed to the connection. */
    Response onFinish(Runnable listener);
}
