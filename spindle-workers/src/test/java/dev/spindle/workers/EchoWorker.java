package dev.spindle.workers;

import java.util.Locale;
import java.util.Optional;

/**
 * A forked child for {@link ForkTest}: answers each {@link Ping} with a {@link Pong}, exits with
 * the code a negative ping asks for, and says goodbye when the parent disconnects.
 */
public final class EchoWorker {

    public record Ping(int n, String text) {}

    public record Pong(int n, String text, boolean forked) {}

    private EchoWorker() {}

    public static void main(String[] args) {
        ParentChannel channel = ParentChannel.open();
        System.out.println("a stray print goes to stderr, not into the channel");
        Optional<Ping> ping;
        while ((ping = channel.receive(Ping.class)).isPresent()) {
            if (ping.get().n() < 0) {
                System.exit(-ping.get().n());
            }
            channel.send(new Pong(ping.get().n() * 2, ping.get().text().toUpperCase(Locale.ROOT), ParentChannel.isForked()));
        }
        channel.send(new Pong(0, "bye", ParentChannel.isForked()));
        channel.close();
    }
}
