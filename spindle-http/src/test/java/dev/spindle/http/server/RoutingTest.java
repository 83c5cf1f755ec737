package dev.spindle.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpException;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.Request;
import dev.spindle.http.Router;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routing and middleware through a running server: the order of {@code use()}, {@code next()},
 * routers mounted at a prefix with parameters, error handlers that receive thrown errors and
 * rejected promises, the default error answer, 404, 405 with {@code Allow}, automatic OPTIONS,
 * HEAD through GET routes, decoded parameters, and the order fixed at {@code listen()}.
 */
class RoutingTest {

    private static TestServer server;
    private static App app;
    private static Router users;
    private static final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private static final java.util.logging.Handler capture = new java.util.logging.Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    static void start() {
        Logger.getLogger("dev.spindle.http").addHandler(capture);
        users = Router.create()
                .use((req, res, next) -> {
                    trail(req).add("users-mw");
                    next.next();
                })
                .get("/", (req, res) -> res.send("users of " + req.param("org")))
                .get("/:id", (req, res) -> res.send(req.param("org") + "/" + req.param("id") + " " + trail(req) + " " + req.route()))
                .post("/:id", (req, res) -> res.status(201).send("created " + req.param("id")));
        Router teams = Router.create()
                .get("/:team/members/:member", (req, res) -> res.send(req.params().toString()));

        app = App.create()
                .use((req, res, next) -> {
                    req.attribute("trail", new ArrayList<>(List.of("first")));
                    next.next();
                })
                .use("/orgs", (req, res, next) -> {
                    trail(req).add("orgs-mw");
                    next.next();
                })
                .use((req, res, next) -> {
                    trail(req).add("second");
                    if (req.query("stop").isPresent()) {
                        res.send("stopped at second " + trail(req)); // answers without next()
                    } else {
                        next.next();
                    }
                })
                .get("/order", (req, res) -> res.send(String.join(",", trail(req))))
                .use("/orgs/:org/users", users)
                .use("/orgs/:org/teams", teams)
                .get("/files/*path", (req, res) -> res.send(req.param("path")))
                .get("/thrown", (req, res) -> {
                    throw new IllegalStateException("thrown secret");
                })
                .get("/rejected", Handler.async((req, res) -> Promise.rejected(new IllegalStateException("rejected secret"))))
                .get("/rejected-later", Handler.async((req, res) -> {
                    Promise<Void> later = Loop.current().promise();
                    Loop.current().setTimeout(() -> later.reject(new HttpException(503, "later")), 5);
                    return later;
                }))
                .get("/send-then-throw", (req, res) -> {
                    res.send("x".repeat(4 << 20)); // more than the kernel takes at once: most of it stays queued
                    throw new IllegalStateException("after the response");
                })
                .get("/stream-then-throw", (req, res) -> {
                    res.write("partial");
                    throw new IllegalStateException("in the middle of the response");
                })
                .get("/teapot", (req, res) -> {
                    throw new HttpException(418, "short and stout");
                })
                .get("/failed-via-next", Handler.async((req, res) -> Promise.rejected(new HttpException(409))))
                .head("/both", (req, res) -> res.header("X-Which", "head").end())
                .get("/both", (req, res) -> res.header("X-Which", "get").send("get body"))
                .get("/only-get", (req, res) -> res.header("X-Which", "get").send("0123456789"))
                .put("/only-get", (req, res) -> res.send("put"))
                .use("/errors", (error, req, res, next) -> next.fail(error)) // passes on untouched
                .use((error, req, res, next) -> {
                    if (error instanceof IllegalStateException && req.path().startsWith("/thrown")
                            || req.path().startsWith("/rejected")) {
                        res.status(502).send("handled: " + error.getMessage());
                    } else {
                        next.fail(error);
                    }
                })
                .get("/after-errors", (req, res) -> res.send("after"));
        server = TestServer.start(app);
    }

    @AfterAll
    static void stop() {
        server.close();
        Logger.getLogger("dev.spindle.http").removeHandler(capture);
    }

    @SuppressWarnings("unchecked")
    private static List<String> trail(Request req) {
        return (List<String>) req.<List<String>>attribute("trail");
    }

    private static RawClient.Reply request(String method, String target) {
        try (RawClient client = new RawClient(server.port())) {
            return client.send(method + " " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").read(method.equals("HEAD"));
        }
    }

    private static RawClient.Reply get(String target) {
        return request("GET", target);
    }

    @Test
    void middlewareRunsInTheOrderItWasAdded() {
        assertThat(get("/order").body()).isEqualTo("first,second");
        assertThat(get("/order?stop").body()).isEqualTo("stopped at second [first, second]");
    }

    @Test
    void mountedRouterSeesTheMountParametersAndItsOwn() {
        RawClient.Reply reply = get("/orgs/acme/users/42");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("acme/42 [first, orgs-mw, second, users-mw] GET /orgs/:org/users/:id");
        assertThat(get("/orgs/acme/users").body()).isEqualTo("users of acme");
        assertThat(get("/orgs/acme/users/").body()).isEqualTo("users of acme");
        assertThat(request("POST", "/orgs/acme/users/7").body()).isEqualTo("created 7");
        assertThat(get("/orgs/acme/teams/red/members/ann").body()).isEqualTo("{org=acme, team=red, member=ann}");
        assertThat(get("/orgs/acme/nothing").status()).isEqualTo(404);
    }

    @Test
    void pathParametersAreDecoded() {
        assertThat(get("/orgs/caf%C3%A9/users/a%2Fb").body()).startsWith("caf\u00e9/a/b ");
        assertThat(get("/orgs/a+b/users/%20").body()).startsWith("a+b/  ");
        assertThat(get("/files/a/b%20c/d.txt").body()).isEqualTo("a/b c/d.txt");
    }

    @Test
    void malformedPercentEncodingIs400() {
        assertThat(get("/orgs/%zz/users/1").status()).isEqualTo(400);
        assertThat(get("/orgs/acme/users/%C3").status()).isEqualTo(400); // not UTF-8
        assertThat(get("/orgs/acme/users/1%").status()).isEqualTo(400);
        assertThat(get("/files/%G0").status()).isEqualTo(400);
    }

    @Test
    void errorHandlersReceiveThrownErrorsAndRejectedPromises() {
        RawClient.Reply thrown = get("/thrown");
        assertThat(thrown.status()).isEqualTo(502);
        assertThat(thrown.body()).isEqualTo("handled: thrown secret");
        RawClient.Reply rejected = get("/rejected");
        assertThat(rejected.status()).isEqualTo(502);
        assertThat(rejected.body()).isEqualTo("handled: rejected secret");
        RawClient.Reply later = get("/rejected-later");
        assertThat(later.status()).isEqualTo(502);
        assertThat(later.body()).isEqualTo("handled: later");
    }

    @Test
    void errorAfterTheResponseWasSentLeavesTheResponseAndTheConnectionAlone() {
        try (RawClient client = new RawClient(server.port())) {
            RawClient.Reply reply = client.send("GET /send-then-throw HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().length()).as("body length").isEqualTo(4 << 20);
            assertThat(client.send("GET /order HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("first,second");
        }
    }

    @Test
    void errorInTheMiddleOfAStreamedResponseCutsTheConnection() {
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET /stream-then-throw HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThatThrownBy(client::read).as("the chunked body never ends").isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void httpExceptionKeepsItsStatus() {
        RawClient.Reply teapot = get("/teapot");
        assertThat(teapot.status()).isEqualTo(418);
        assertThat(teapot.body()).doesNotContain("short and stout");
        assertThat(get("/failed-via-next").status()).isEqualTo(409);
    }

    @Test
    void unhandledErrorIs500WithTheStackInTheLogOnly() {
        logged.clear();
        App bare = App.create().get("/boom", (req, res) -> {
            throw new IllegalArgumentException("the secret detail");
        });
        try (TestServer plain = TestServer.start(bare); RawClient client = new RawClient(plain.port())) {
            RawClient.Reply reply = client.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.body()).isEqualTo("Internal Server Error").doesNotContain("secret");
            assertThat(reply.header("content-type")).isEqualTo("text/plain; charset=utf-8");
            // The connection survives an error in a handler.
            assertThat(client.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(500);
        }
        assertThat(logged).anySatisfy(record -> {
            assertThat(record.getThrown()).isInstanceOf(IllegalArgumentException.class).hasMessage("the secret detail");
            assertThat(record.getMessage()).contains("GET /boom");
        });
    }

    @Test
    void unknownPathIs404() {
        RawClient.Reply reply = get("/no/such/thing");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("Not Found");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        RawClient.Reply reply = request("DELETE", "/only-get");
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("allow")).isEqualTo("GET, HEAD, OPTIONS, PUT");
        RawClient.Reply mounted = request("PATCH", "/orgs/acme/users/1");
        assertThat(mounted.status()).isEqualTo(405);
        assertThat(mounted.header("allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
    }

    @Test
    void optionsIsAnsweredAutomatically() {
        RawClient.Reply reply = request("OPTIONS", "/only-get");
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("allow")).isEqualTo("GET, HEAD, OPTIONS, PUT");
        assertThat(reply.header("content-length")).isNull();
        assertThat(request("OPTIONS", "/no/such/thing").status()).isEqualTo(404);
    }

    @Test
    void headIsServedByTheGetRouteUnlessAHeadRouteComesFirst() {
        RawClient.Reply viaGet = request("HEAD", "/only-get");
        assertThat(viaGet.status()).isEqualTo(200);
        assertThat(viaGet.header("x-which")).isEqualTo("get");
        assertThat(viaGet.header("content-length")).isEqualTo("10");
        assertThat(viaGet.body()).isEmpty();
        assertThat(request("HEAD", "/both").header("x-which")).isEqualTo("head");
        assertThat(get("/both").body()).isEqualTo("get body");
    }

    @Test
    void routesAreFixedOnceTheAppListens() {
        assertThatThrownBy(() -> app.get("/late", (req, res) -> res.send("late")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> app.use((req, res, next) -> next.next()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> app.route(HttpMethod.GET, "/late", (req, res) -> res.send("late")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> users.get("/late/:x", (req, res) -> res.send("late")))
                .as("a mounted router is fixed too").isInstanceOf(IllegalStateException.class);
        assertThat(get("/late").status()).isEqualTo(404);
    }

    @Test
    void routeAfterTheErrorHandlersStillServesRequestsWithoutErrors() {
        assertThat(get("/after-errors").body()).isEqualTo("after");
    }
}
