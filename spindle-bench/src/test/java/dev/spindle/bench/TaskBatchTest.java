package dev.spindle.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every executor the throughput benchmark measures starts, runs a whole batch, and stops. */
class TaskBatchTest {

    private static final List<String> PEERS = List.of(
            ExecutorPeer.SPINDLE, ExecutorPeer.NETTY_DEFAULT, ExecutorPeer.NETTY_NIO, ExecutorPeer.JDK_SINGLE);

    @Test
    void eachExecutorRunsEveryBatchToTheEnd() {
        for (String name : PEERS) {
            TaskBatch batch = new TaskBatch();
            try (ExecutorPeer peer = ExecutorPeer.start(name)) {
                batch.submit(peer, 10_000);
                batch.submit(peer, 1); // a batch of just the marker
            }
            assertThat(batch.submitted()).as(name).isEqualTo(10_001);
        }
    }

    @Test
    void anUnknownExecutorIsRefused() {
        assertThatThrownBy(() -> ExecutorPeer.start("tokio")).isInstanceOf(IllegalArgumentException.class);
    }
}
