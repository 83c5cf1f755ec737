package dev.spindle.bench.http;

import java.nio.charset.StandardCharsets;

/** What every bench server answers, in one place, so that they all send the same bodies. */
public final class BenchRoutes {

    /** The plaintext route. */
    public static final String PLAINTEXT = "/";
    /** The JSON route. */
    public static final String JSON = "/json";
    /** The route that answers after {@link #WAIT_MILLIS}. */
    public static final String WAIT = "/wait";

    /** The body of {@code GET /} and {@code GET /wait}. */
    public static final String HELLO = "Hello, World!";
    /** {@link #HELLO} in UTF-8. */
    public static final byte[] HELLO_BYTES = HELLO.getBytes(StandardCharsets.UTF_8);
    /** The body of {@code GET /json}, as every server must serialize it. */
    public static final String JSON_BODY = "{\"message\":\"Hello, World!\"}";

    /** The non-blocking wait of {@code GET /wait}, in milliseconds: the stand-in for a database call. */
    public static final long WAIT_MILLIS = 50;

    /** The accept backlog every server asks for: the wait scenario opens 1,000 connections at once. */
    public static final int BACKLOG = 4096;

    /** The address every server listens on. */
    public static final String HOST = "127.0.0.1";

    /** The JSON route's document, serialized per request by each server's usual JSON library. */
    public record Message(String message) {
        /** The one message the bench sends. */
        public static final Message HELLO = new Message(BenchRoutes.HELLO);
    }

    private BenchRoutes() {}
}
