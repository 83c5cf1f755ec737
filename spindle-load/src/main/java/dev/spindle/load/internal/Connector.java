package dev.spindle.load.internal;

import dev.spindle.http.HttpClientConnection;
import dev.spindle.loop.Promise;

/**
 * Where the engine's connections come from: the HTTP client in a real run, a scripted fake in the
 * tests that check the engine's arithmetic under a virtual clock.
 */
public interface Connector {

    /** Opens one connection; it fails with an {@link dev.spindle.http.HttpClientException}. */
    Promise<HttpClientConnection> connect();

    /** Closes whatever the connector holds; called once when the run ends. */
    default void close() {}
}
