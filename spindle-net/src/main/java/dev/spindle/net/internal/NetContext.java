package dev.spindle.net.internal;

import dev.spindle.loop.spi.LoopSpi;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What every socket of one loop shares: one direct buffer that every read lands in, and one that
 * every write passes through. One of each per loop is enough because a loop runs one callback at a
 * time and data listeners run synchronously; it makes steady-state reads and writes allocation
 * free, and keeps the JDK from caching a temporary direct buffer as large as the largest write.
 */
final class NetContext {

    /** Bytes one read can deliver: 64 KiB. */
    static final int READ_BUFFER_SIZE = 64 * 1024;
    /** Bytes one write call hands to the kernel at most: 64 KiB. */
    static final int WRITE_BUFFER_SIZE = 64 * 1024;

    /** Weak keys: the context goes when its loop does. Locked because loops run on different threads. */
    private static final Map<LoopSpi, NetContext> CONTEXTS = new WeakHashMap<>();

    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_SIZE);

    private NetContext() {}

    /** The context of {@code loop}; called when a socket or server is created, never per read. */
    static NetContext of(LoopSpi loop) {
        synchronized (CONTEXTS) {
            return CONTEXTS.computeIfAbsent(loop, key -> new NetContext());
        }
    }
}
