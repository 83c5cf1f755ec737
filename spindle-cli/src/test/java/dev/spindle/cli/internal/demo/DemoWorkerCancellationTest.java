package dev.spindle.cli.internal.demo;

import static dev.spindle.cli.internal.demo.DemoOnOneWorker.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A client that disconnects while its {@code /compute/worker} task waits in the queue cancels the task. */
class DemoWorkerCancellationTest {

    @Test
    void aClientThatHangsUpCancelsItsQueuedTask() throws Exception {
        try (DemoOnOneWorker demo = new DemoOnOneWorker("cancel-test", 1)) {
            demo.occupyWorker();

            try (Socket client = new Socket("127.0.0.1", demo.server.port())) {
                OutputStream out = client.getOutputStream();
                out.write("GET /compute/worker HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                awaitTrue(() -> demo.workers.stats().queueDepth() == 1, "the sum is queued behind the busy thread");
            }
            awaitTrue(() -> demo.workers.stats().cancelled() == 1, "the hang-up cancelled the queued sum");
            assertThat(demo.workers.stats().queueDepth()).isZero();
            assertThat(demo.workers.stats().active()).as("the other task still runs").isEqualTo(1);
        }
    }
}
