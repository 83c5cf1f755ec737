/**
 * HTTP/1.1 for Spindle. Public API in {@code dev.spindle.http}; the request parser and everything
 * else that is not API lives in {@code dev.spindle.http.internal}, which is not exported.
 */
module dev.spindle.http {
    requires dev.spindle.loop;

    exports dev.spindle.http;
}
