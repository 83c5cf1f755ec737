package dev.spindle.cli.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.cli.SimpleHttp;
import dev.spindle.http.HttpServer;
import dev.spindle.jobs.JobQueue;
import dev.spindle.jobs.JobQueueOptions;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /compute/job} answers 202 with a job id at once; {@code GET /jobs/:id} shows the sum finishing. */
class DemoJobRouteTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private Loop loop;
    private Handle keepAlive;
    private Workers workers;
    private JobQueue jobs;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        loop = Loop.create();
        keepAlive = loop.keepAlive();
        workers = Workers.create(loop, WorkerPoolOptions.builder().name("demo-jobs-test").maxThreads(2).build());
        loop.start();
        CompletableFuture<HttpServer> listening = new CompletableFuture<>();
        loop.execute(() -> {
            jobs = JobQueue.open(loop, dir.resolve("spindle-jobs.db"), JobQueueOptions.builder().workers(workers).build());
            listening.complete(DemoApp.create(loop, workers, jobs).listen(loop, 0));
        });
        server = listening.get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> server.close().flatMap(x -> jobs.close()).andFinally(() -> {
            keepAlive.close();
            closed.complete(null);
        }));
        closed.get(30, TimeUnit.SECONDS);
        workers.close();
    }

    @Test
    void postAnswers202WithAnIdAtOnceAndTheJobFinishesWithTheSeedsResult() throws Exception {
        long before = System.nanoTime();
        Posted accepted = post("/compute/job");
        long answeredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertThat(accepted.status()).isEqualTo(202);
        String id = mapper.readTree(accepted.body()).get("id").asText();
        assertThat(accepted.head()).containsIgnoringCase("Location: /jobs/" + id);
        assertThat(answeredMillis).as("answered before the sum could have run").isLessThan(5_000);

        assertThat(SimpleHttp.get(server.port(), "/").body()).as("the loop still answers").isEqualTo("Hello, World!");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode job;
        while (true) {
            SimpleHttp response = SimpleHttp.get(server.port(), "/jobs/" + id);
            assertThat(response.status()).isEqualTo(200);
            job = mapper.readTree(response.body());
            if (job.get("state").asText().equals("completed") || System.nanoTime() > deadline) {
                break;
            }
            LockSupport.parkNanos(50_000_000);
        }
        assertThat(job.get("state").asText()).isEqualTo("completed");
        assertThat(job.get("result").asText()).isEqualTo("Result: 499999999500000000");
        assertThat(job.get("progress").asInt()).isEqualTo(100);
        assertThat(SimpleHttp.get(server.port(), "/jobs/no-such-job").status()).isEqualTo(404);
    }

    private record Posted(int status, String head, String body) {}

    private Posted post(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = response.substring(0, headEnd);
            return new Posted(Integer.parseInt(head.split(" ")[1]), head, response.substring(headEnd + 4));
        }
    }
}
