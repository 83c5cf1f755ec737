package dev.spindle.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpServerOptions;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A client that goes away before its answer: the request's abort listeners hear of it. */
class AbortTest {

    private final CompletableFuture<Promise<Void>> started = new CompletableFuture<>();
    private final CompletableFuture<String> aborted = new CompletableFuture<>();

    /** {@code /later} answers only once the test resolves the promise it publishes, and reports an abort. */
    private App app() {
        return App.create().get("/later", Handler.async((req, res) -> {
            Promise<Void> release = Loop.current().promise();
            req.onAbort(() -> aborted.complete("aborted " + req.route() + ", finished: " + res.isFinished()
                    + ", isAborted: " + req.isAborted()));
            started.complete(release);
            return release.then(x -> res.send("later"));
        }));
    }

    @Test
    void aClientThatHangsUpAbortsItsRequestByDefault() throws Exception {
        try (TestServer server = TestServer.start(app()); RawClient client = new RawClient(server.port())) {
            client.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
            Promise<Void> release = started.get(10, TimeUnit.SECONDS);
            client.halfClose();
            assertThat(aborted.get(10, TimeUnit.SECONDS)).isEqualTo("aborted GET /later, finished: false, isAborted: true");
            assertThat(client.readUntilClosed()).isEmpty();
            assertThat(server.onLoop(release::isPending)).isTrue();
        }
    }

    @Test
    void withAllowHalfOpenAClientThatHalfClosesStillGetsTheAnswer() throws Exception {
        HttpServerOptions options = HttpServerOptions.builder().allowHalfOpen(true).build();
        try (TestServer server = TestServer.start(app(), options); RawClient client = new RawClient(server.port())) {
            client.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
            Promise<Void> release = started.get(10, TimeUnit.SECONDS);
            client.halfClose();
            server.afterPoll(); // the server has read the client's end of stream before the answer goes out
            server.onLoop(() -> release.resolve(null));
            List<RawClient.Reply> replies = client.readUntilClosed();
            // answered, then closed (with or without "Connection: close", depending on whether the
            // server had read the client's end before the answer left)
            assertThat(replies).extracting(RawClient.Reply::body).containsExactly("later");
            assertThat(aborted).isNotDone();
        }
    }

    @Test
    void aHandlerThatAnswersAfterTheClientHungUpFinishesQuietly() throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        App late = App.create().get("/later", Handler.async((req, res) -> {
            Promise<Void> release = Loop.current().promise();
            req.onAbort(() -> aborted.complete("aborted"));
            started.complete(release);
            return release.then(x -> {
                res.status(201).type("text/plain").header("X-Late", "yes").send("later");
                outcome.complete("finished: " + res.isFinished());
            }).onFailure(e -> outcome.complete("failed: " + e));
        }));
        try (TestServer server = TestServer.start(late); RawClient client = new RawClient(server.port())) {
            client.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
            Promise<Void> release = started.get(10, TimeUnit.SECONDS);
            client.halfClose();
            assertThat(aborted.get(10, TimeUnit.SECONDS)).isEqualTo("aborted");
            server.onLoop(() -> release.resolve(null));
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("finished: true");
            assertThat(client.readUntilClosed()).isEmpty();
        }
    }
}
