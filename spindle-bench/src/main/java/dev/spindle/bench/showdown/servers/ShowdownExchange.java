package dev.spindle.bench.showdown.servers;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One request as a model without a router of its own (JDK, Netty, Vert.x) hands it to
 * {@link ShowdownRouter}: the three things the routes need from the model, done its own way.
 */
public interface ShowdownExchange {

    /** Answers with {@code status} and a UTF-8 {@code body} of {@code contentType}. */
    void send(int status, String contentType, String body);

    /** Runs {@code then} after {@code millis}: a timer on a loop model, a sleep on a thread model. */
    void after(long millis, Runnable then);

    /**
     * Runs {@code work} where the model offloads CPU work (a pool beside the loop; inline on a
     * thread model, which is already off its accept thread), then {@code then} with its result,
     * back where the request is served.
     */
    void offload(Supplier<String> work, Consumer<String> then);
}
