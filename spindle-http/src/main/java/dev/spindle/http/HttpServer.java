package dev.spindle.http;

import dev.spindle.loop.Promise;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A listening HTTP/1.1 server on a loop, made by {@link App#listen}. Loop thread only.
 */
public interface HttpServer {

    /** The bound address, with the real port when listening on port 0. */
    InetSocketAddress address();

    /** The bound port. */
    default int port() {
        return address().getPort();
    }

    /** Open connections. */
    int connections();

    /**
     * Graceful shutdown: stops accepting, closes idle keep-alive connections at once, answers
     * in-flight requests with {@code Connection: close}, and destroys what is still open after
     * {@link HttpServerOptions#shutdownTimeout()}. The promise settles when every connection is closed.
     */
    Promise<Void> close();

    /** {@link #close()} with its own deadline. */
    Promise<Void> close(Duration deadline);

    /** Lets the loop end while the server is still listening. */
    HttpServer unref();

    /** Makes the server keep the loop alive again. */
    HttpServer ref();
}
