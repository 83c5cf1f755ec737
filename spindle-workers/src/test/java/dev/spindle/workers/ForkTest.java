package dev.spindle.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Loop;
import dev.spindle.net.ExitStatus;
import dev.spindle.net.SpawnOptions;
import dev.spindle.net.Stdio;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real forked JVMs: messages both ways, in order; exit codes; a bad line is an error, not a crash. */
class ForkTest {

    /** A child JVM that starts fast: these tests measure the channel, not the JIT. */
    private static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Xshare:auto");
    private static final ForkOptions QUICK = ForkOptions.builder()
            .jvmArgs(QUICK_JVM)
            .spawn(SpawnOptions.builder().stderr(Stdio.DISCARD).build())
            .build();

    private final LoopFixture fixture = new LoopFixture();
    private final Loop loop = fixture.loop;

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void messagesMakeTheRoundTripInOrder() {
        ForkedProcess child = ForkedProcess.fork(loop, EchoWorker.class, List.of(), ForkOptions.builder()
                .jvmArgs(QUICK_JVM).spawn(SpawnOptions.builder().stderr(Stdio.PIPE).build()).build());
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        child.process().stderr().onBytes(stderr::writeBytes);
        List<EchoWorker.Pong> pongs = new ArrayList<>();
        AtomicReference<ExitStatus> exit = new AtomicReference<>();
        child.onMessage(EchoWorker.Pong.class, pong -> {
            pongs.add(pong);
            if (pongs.size() == 3) {
                child.disconnect(); // the child's receive() returns empty: it says bye and exits
            }
        });
        child.process().onExit(exit::set);
        for (int i = 1; i <= 3; i++) {
            assertThat(child.send(new EchoWorker.Ping(i, "ping " + i))).isTrue();
        }
        fixture.run();

        assertThat(pongs).containsExactly(
                new EchoWorker.Pong(2, "PING 1", true),
                new EchoWorker.Pong(4, "PING 2", true),
                new EchoWorker.Pong(6, "PING 3", true),
                new EchoWorker.Pong(0, "bye", true));
        assertThat(exit.get().isSuccess()).isTrue();
        assertThat(stderr.toString(java.nio.charset.StandardCharsets.UTF_8))
                .as("System.out in the child goes to stderr once the channel is open")
                .contains("a stray print goes to stderr, not into the channel");
    }

    @Test
    void aChildOnItsOwnLoopGetsMessagesThere() {
        ForkedProcess child = ForkedProcess.fork(loop, LoopEchoWorker.class, List.of(), QUICK);
        List<Map<?, ?>> replies = new ArrayList<>();
        child.onMessage(Map.class, reply -> {
            replies.add(reply);
            child.disconnect();
        });
        child.send(Map.of("hello", "loop"));
        fixture.run();
        assertThat(replies).containsExactly(Map.of("echo", Map.of("hello", "loop"), "onLoop", true));
        assertThat(child.process().exitStatus().orElseThrow().isSuccess()).isTrue();
    }

    @Test
    void theChildsExitCodeIsReported() {
        ForkedProcess child = ForkedProcess.fork(loop, EchoWorker.class, List.of(), QUICK);
        child.onMessage(EchoWorker.Pong.class, pong -> { });
        AtomicReference<ExitStatus> closed = new AtomicReference<>();
        child.process().onClose(closed::set);
        child.send(new EchoWorker.Ping(-7, "exit with 7"));
        fixture.run();
        assertThat(closed.get().code()).hasValue(7);
    }

    @Test
    void aLineThatIsNoMessageIsAnErrorAndTheChannelGoesOn() {
        ForkedProcess child = ForkedProcess.fork(loop, BadLineWorker.class, List.of(), QUICK);
        List<String> events = new ArrayList<>();
        child.onError(error -> events.add("error: " + error.getMessage().lines().findFirst().orElse("")));
        child.onMessage(EchoWorker.Pong.class, pong -> events.add("message: " + pong.text()));
        fixture.run();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).startsWith("error: the child sent a line that is not a message");
        assertThat(events.get(1)).isEqualTo("message: after the bad line");
    }

    @Test
    void theTimeoutKillsAForkedChild() {
        ForkOptions options = ForkOptions.builder().jvmArgs(QUICK_JVM)
                .spawn(SpawnOptions.builder().stderr(Stdio.DISCARD).timeout(java.time.Duration.ofMillis(200)).build())
                .build();
        ForkedProcess child = ForkedProcess.fork(loop, EchoWorker.class, List.of(), options); // waits for messages forever
        child.onMessage(EchoWorker.Pong.class, pong -> { });
        AtomicReference<ExitStatus> closed = new AtomicReference<>();
        child.process().onClose(closed::set);
        fixture.run();
        assertThat(child.process().timedOut()).isTrue();
        assertThat(closed.get().signal()).contains(dev.spindle.net.Signal.SIGTERM);
    }
}
