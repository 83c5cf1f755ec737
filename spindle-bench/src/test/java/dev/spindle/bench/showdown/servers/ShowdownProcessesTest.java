package dev.spindle.bench.showdown.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java models started as the orchestrator starts them ({@code java -cp JAR <main> 0 --backlog N}):
 * each prints its one listening line with the real port and its pid, serves, listens with the
 * backlog it was given, and ends on SIGTERM, after its shutdown hook closed the server (the JVM
 * then exits with 143, 128 + SIGTERM).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShowdownProcessesTest {

    private static final int BACKLOG = 93;

    @Test
    void everyJavaModelStartsListensAndEndsOnSigterm() throws Exception {
        Map<String, String> mains = new LinkedHashMap<>();
        mains.put("threads", "ThreadPoolServer");
        mains.put("virtual", "VirtualThreadServer");
        mains.put("spindle", "SpindleShowdownServer");
        mains.put("netty", "NettyShowdownServer");
        mains.put("vertx", "VertxShowdownServer");
        Map<String, ModelProcess> started = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> main : mains.entrySet()) { // all at once: the JVMs start in parallel
                started.put(main.getKey(), ModelProcess.startJava(main.getKey(), main.getValue(), BACKLOG));
            }
            for (Map.Entry<String, ModelProcess> model : started.entrySet()) {
                int port = model.getValue().awaitListening();
                try (ShowdownChecks checks = new ShowdownChecks(port)) {
                    assertThat(checks.get("/").body()).as(model.getKey()).isEqualTo("Hello, World!");
                }
                assertThat(ShowdownChecks.listenBacklog(port)).as(model.getKey() + "'s backlog").isEqualTo(BACKLOG);
                assertThat(model.getValue().terminate()).as(model.getKey() + "'s exit code").isIn(0, 143);
            }
        } finally {
            started.values().forEach(ModelProcess::close);
        }
    }
}
