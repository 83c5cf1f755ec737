package dev.spindle.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.App;
import dev.spindle.http.Router;
import dev.spindle.loop.spi.LoopObserver;
import dev.spindle.loop.spi.LoopSpi;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * While a handler runs, a {@link LoopObserver} sees the route's label as the innermost dispatch,
 * e.g. {@code GET /users/:id}: the label the loop monitor and the blocked-loop watchdog report.
 */
class DispatchLabelTest {

    /** The dispatches under way, innermost first; touched on the loop thread only. */
    private static final Deque<String> running = new ArrayDeque<>();
    private static TestServer server;
    private static volatile String lastMiddlewareLabel;

    private static final LoopObserver observer = new LoopObserver() {
        @Override
        public void onDispatchStart(String label, long nanoTime) {
            running.push(label);
        }

        @Override
        public void onDispatchEnd(String label, long nanoTime) {
            running.pop();
        }
    };

    @BeforeAll
    static void start() {
        Router admin = Router.create().get("/users/:id/roles", (req, res) -> res.send(seen()));
        server = TestServer.start(App.create()
                .use((req, res, next) -> {
                    req.attribute("middleware saw", running.peek());
                    lastMiddlewareLabel = running.peek();
                    next.next();
                })
                .get("/users/:id", (req, res) -> res.send(seen()))
                .post("/users", (req, res) -> res.send(seen()))
                .get("/label", (req, res) -> res.header("X-Label", seen()).send("body"))
                .get("/middleware", (req, res) -> res.send(req.<String>attribute("middleware saw")))
                .use("/admin", admin));
        server.onLoop(() -> {
            LoopSpi.of(server.loop).addObserver(observer);
            return null;
        });
    }

    @AfterAll
    static void stop() {
        server.onLoop(() -> {
            LoopSpi.of(server.loop).removeObserver(observer);
            return null;
        });
        server.close();
    }

    /** The innermost dispatch and the one around it, e.g. {@code GET /users/:id < net.data}. */
    private static String seen() {
        return String.join(" < ", running.stream().limit(2).toList());
    }

    private static RawClient.Reply reply(String method, String target) {
        try (RawClient client = new RawClient(server.port())) {
            return client.send(method + " " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                    .read(method.equals("HEAD"));
        }
    }

    private static String answer(String method, String target) {
        return reply(method, target).body();
    }

    @Test
    void handlerRunsUnderItsRouteLabel() {
        assertThat(answer("GET", "/users/42")).isEqualTo("GET /users/:id < net.data");
        assertThat(answer("POST", "/users")).isEqualTo("POST /users < net.data");
    }

    @Test
    void mountedRouteIsLabelledWithItsFullPattern() {
        assertThat(answer("GET", "/admin/users/7/roles")).isEqualTo("GET /admin/users/:id/roles < net.data");
    }

    @Test
    void middlewareRunsUnderTheLabelOfTheRouteTheRequestIsFor() {
        assertThat(answer("GET", "/middleware")).isEqualTo("GET /middleware");
    }

    @Test
    void headServedByAGetRouteRunsUnderTheGetLabel() {
        assertThat(reply("HEAD", "/label").header("x-label")).isEqualTo("GET /label < net.data");
    }

    @Test
    void unmatchedRequestHasAnUnmatchedLabel() {
        assertThat(reply("DELETE", "/nowhere").status()).isEqualTo(404);
        assertThat(lastMiddlewareLabel).isEqualTo("DELETE (unmatched)");
    }
}
