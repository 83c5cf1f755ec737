package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.http.App;
import dev.spindle.http.HttpServer;
import dev.spindle.jobs.spi.StartedLoop;
import dev.spindle.loop.Promise;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP binding over a real socket: POST answers 202 with the id at once, GET shows the job finishing. */
class JobRoutesTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private StartedLoop started;
    private JobQueue queue;
    private HttpServer server;

    @BeforeEach
    void start() {
        started = new StartedLoop();
        server = started.call(() -> {
            queue = JobQueue.open(started.loop(), dir.resolve("jobs.db"));
            queue.process("double", 2, job -> started.loop().delay(50).map(x -> job.payload().get("n").asLong() * 2));
            return App.create()
                    .use("/jobs", JobRoutes.router(queue, Set.of("double", "nobody-processes-this")))
                    .listen(started.loop(), 0);
        });
    }

    @AfterEach
    void stop() {
        started.await(() -> server.close().flatMap(x -> queue.close()));
        started.close();
    }

    private RawHttp post(String path, String body, String... headers) throws Exception {
        return RawHttp.post(server.port(), path, body, headers);
    }

    private RawHttp get(String path) throws Exception {
        return RawHttp.get(server.port(), path);
    }

    /** Polls GET {@code location} until the job is finished, within a deadline. */
    private JsonNode awaitFinished(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode job = mapper.readTree(get(location).body());
            String state = job.get("state").asText();
            if (state.equals("completed") || state.equals("failed")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the job did not finish in time: " + job);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    @Test
    void postAnswers202WithTheIdAndGetShowsTheJobFinishing() throws Exception {
        RawHttp accepted = post("/jobs/double", "{\"n\": 21}");
        assertThat(accepted.status()).isEqualTo(202);
        String id = mapper.readTree(accepted.body()).get("id").asText();
        assertThat(id).isNotBlank();
        String location = accepted.header("Location");
        assertThat(location).isEqualTo("/jobs/" + id);

        JsonNode job = awaitFinished(location);
        assertThat(job.get("id").asText()).isEqualTo(id);
        assertThat(job.get("name").asText()).isEqualTo("double");
        assertThat(job.get("state").asText()).isEqualTo("completed");
        assertThat(job.get("result").asLong()).isEqualTo(42);
        assertThat(job.get("attempts").asInt()).isEqualTo(1);
        assertThat(job.get("error").isNull()).isTrue();
        assertThat(job.get("finishedAt").asText()).isNotBlank();
    }

    @Test
    void aJobNobodyProcessesYetIsWaiting() throws Exception {
        RawHttp accepted = post("/jobs/nobody-processes-this", "");
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = mapper.readTree(get(accepted.header("Location")).body());
        assertThat(job.get("state").asText()).isEqualTo("waiting");
        assertThat(job.get("progress").asInt()).isZero();
        assertThat(job.get("result").isNull()).isTrue();
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameId() throws Exception {
        String first = mapper.readTree(post("/jobs/double", "{\"n\": 1}", "Idempotency-Key: req-1").body()).get("id").asText();
        String again = mapper.readTree(post("/jobs/double", "{\"n\": 1}", "Idempotency-Key: req-1").body()).get("id").asText();
        String other = mapper.readTree(post("/jobs/double", "{\"n\": 1}", "Idempotency-Key: req-2").body()).get("id").asText();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void unknownIdsNamesAndBadBodiesAreClientErrors() throws Exception {
        assertThat(get("/jobs/no-such-job").status()).isEqualTo(404);
        assertThat(post("/jobs/not-allowed", "{}").status()).isEqualTo(404);
        assertThat(post("/jobs/double", "{not json").status()).isEqualTo(400);
        Long waiting = started.await(() -> queue.counts().map(counts -> counts.get(JobState.WAITING) + counts.get(JobState.ACTIVE)));
        assertThat(waiting).as("nothing was stored for the refused requests").isZero();
    }

    @Test
    void aQueueThatCannotTakeTheJobAnswers503WithRetryAfterAtOnce() throws Exception {
        JobQueue full = (JobQueue) java.lang.reflect.Proxy.newProxyInstance(JobQueue.class.getClassLoader(),
                new Class<?>[] {JobQueue.class}, (proxy, method, args) -> {
                    if (method.getName().equals("add")) {
                        Promise<JobId> refused = started.loop().promise();
                        refused.reject(new JobQueueFullException("the job was not stored: full"));
                        return refused;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        HttpServer other = started.call(() -> App.create().use("/jobs", JobRoutes.router(full)).listen(started.loop(), 0));
        try {
            RawHttp busy = RawHttp.post(other.port(), "/jobs/double", "{}");
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("1");
            assertThat(busy.body()).contains("the job was not stored: full");
        } finally {
            started.await(other::close);
        }
    }
}
