package dev.spindle.workers;

import dev.spindle.loop.Loop;
import java.util.Map;

/** A forked child that runs a Spindle loop and takes its messages there, as a Node child does. */
public final class LoopEchoWorker {

    private LoopEchoWorker() {}

    public static void main(String[] args) {
        ParentChannel channel = ParentChannel.open();
        try (Loop loop = Loop.create()) {
            channel.onMessage(loop, Map.class, message -> channel.send(Map.of("echo", message, "onLoop", loop.inLoop())));
            loop.run(); // until the parent disconnects
        }
        channel.close();
    }
}
