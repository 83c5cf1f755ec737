/**
 * The Spindle event loop: one thread, one {@link java.nio.channels.Selector}, libuv's phases and
 * Node's ordering rules. Public API in {@code dev.spindle.loop}; extension points for the I/O
 * modules and the monitor in {@code dev.spindle.loop.spi}; everything else is internal.
 */
module dev.spindle.loop {
    exports dev.spindle.loop;
    exports dev.spindle.loop.spi;
}
