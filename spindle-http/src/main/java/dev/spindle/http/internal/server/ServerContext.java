package dev.spindle.http.internal.server;

import dev.spindle.http.HttpServerOptions;
import dev.spindle.http.internal.ParserScratch;
import dev.spindle.http.internal.routing.RouteTable;
import dev.spindle.loop.Loop;
import dev.spindle.loop.spi.LoopSpi;

/**
 * What every connection of one server shares: the loop, the options, the routes, the Date cache, and
 * the scratch arrays of their parsers (they all run on the loop's thread).
 */
record ServerContext(Loop loop, LoopSpi spi, HttpServerOptions options, RouteTable routes, DateCache dates,
        ParserScratch scratch, ConnectionTracker tracker) {

    /** Told when connections open and close; the server counts them for graceful shutdown. */
    interface ConnectionTracker {
        void opened(HttpConnection connection);

        void closed(HttpConnection connection);
    }
}
