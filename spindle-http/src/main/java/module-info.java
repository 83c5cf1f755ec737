/**
 * HTTP/1.1 for Spindle: a strict incremental parser, a server on the loop, and Express-style
 * routing and middleware. Public API in {@code dev.spindle.http}; the parser, the server's
 * connection handling and the routing engine live in {@code dev.spindle.http.internal.*}, which
 * is not exported.
 */
module dev.spindle.http {
    requires transitive dev.spindle.loop;
    requires dev.spindle.net;
    requires com.fasterxml.jackson.databind;

    exports dev.spindle.http;
}
