package dev.spindle.bench.showdown;

import dev.spindle.bench.showdown.Model.Runtime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The models of the showdown, in the order they run: the three the issue is about (threads,
 * virtual threads, Spindle) and Node (the runtime the seeds' stall and cascade are about) take part
 * in every scenario; the other peers in the hello and timeline scenarios only, which keeps the
 * default run under five minutes.
 */
public final class Models {

    private static final String SERVERS = "dev.spindle.bench.showdown.servers.";
    private static final Set<Integer> EVERY_SCENARIO = Set.of(1, 2, 3, 4, 5);
    private static final Set<Integer> PEER_SCENARIOS = Set.of(1, 2, 5);

    /** Every model, in running order. */
    public static final List<Model> ALL = List.of(
            new Model("threads", "thread-per-request, 200 platform threads", Runtime.JAVA,
                    SERVERS + "ThreadPoolServer", EVERY_SCENARIO),
            new Model("virtual", "thread-per-request, virtual threads", Runtime.JAVA,
                    SERVERS + "VirtualThreadServer", EVERY_SCENARIO),
            new Model("spindle", "Spindle, one loop (LoopMonitor installed)", Runtime.JAVA,
                    SERVERS + "SpindleShowdownServer", EVERY_SCENARIO),
            new Model("netty", "Netty 4.2, one NIO event loop", Runtime.JAVA, SERVERS + "NettyShowdownServer",
                    PEER_SCENARIOS),
            new Model("vertx", "Vert.x 5, one event loop", Runtime.JAVA, SERVERS + "VertxShowdownServer",
                    PEER_SCENARIOS),
            new Model("node", "Node.js http, the seed's server shape", Runtime.NODE, "", EVERY_SCENARIO),
            new Model("bun", "Bun, the same script", Runtime.BUN, "", PEER_SCENARIOS),
            new Model("deno", "Deno, the same script", Runtime.DENO, "", PEER_SCENARIOS));

    /** The models every run must have: the smoke test checks their rows. */
    public static final List<String> CORE = List.of("threads", "virtual", "spindle");

    private Models() {}

    /** The model called {@code id}. */
    public static Optional<Model> byId(String id) {
        return ALL.stream().filter(model -> model.id().equals(id)).findFirst();
    }
}
