package dev.spindle.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.loop.Loop;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes on a real loop: streams, exit codes and signals, kill, timeout, env and cwd. */
class ChildProcessTest {

    private final NetFixture fixture = new NetFixture();
    private final Loop loop = fixture.loop;

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stdinFlowsThroughTheChildToStdoutThenExitThenClose() {
        ChildProcess cat = ChildProcess.spawn(loop, "cat", List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> events = new ArrayList<>();
        cat.stdout().onBytes(out::writeBytes).onEnd(() -> events.add("stdout end"));
        cat.onExit(status -> events.add("exit " + status));
        cat.onClose(status -> events.add("close " + status));
        assertThat(cat.stdin().write("hello, child\n")).isTrue();
        cat.stdin().end();
        assertThat(cat.pid()).isPositive();
        fixture.run();

        assertThat(text(out)).isEqualTo("hello, child\n");
        assertThat(events).last().isEqualTo("close exit code 0");
        assertThat(events).contains("stdout end", "exit exit code 0");
        assertThat(cat.isClosed()).isTrue();
        assertThat(cat.exitStatus().orElseThrow().isSuccess()).isTrue();
    }

    @Test
    void theExitCodeIsReported() {
        ChildProcess child = ChildProcess.spawn(loop, "sh", List.of("-c", "exit 3"));
        AtomicReference<ExitStatus> exit = new AtomicReference<>();
        child.onExit(exit::set);
        fixture.run();
        assertThat(exit.get().code()).hasValue(3);
        assertThat(exit.get().signal()).isEmpty();
        assertThat(exit.get().isSuccess()).isFalse();
    }

    @Test
    void killNineIsReportedAsSigkill() {
        ChildProcess child = ChildProcess.spawn(loop, "sleep", List.of("30"));
        AtomicReference<ExitStatus> exit = new AtomicReference<>();
        child.onExit(exit::set);
        assertThat(child.kill(Signal.SIGKILL)).isTrue();
        fixture.run();
        assertThat(exit.get().signal()).contains(Signal.SIGKILL);
        assertThat(exit.get().code()).isEmpty();
        assertThat(exit.get()).hasToString("killed by SIGKILL");
        assertThat(child.kill()).as("no signal after exit").isFalse();
    }

    @Test
    void aChildKilledByAnotherSignalReportsIt() {
        ChildProcess child = ChildProcess.spawn(loop, "sleep", List.of("30"));
        AtomicReference<ExitStatus> exit = new AtomicReference<>();
        child.onExit(exit::set);
        child.kill(Signal.SIGINT); // not TERM or KILL: sent with kill -s INT
        fixture.run();
        assertThat(exit.get().signal()).contains(Signal.SIGINT);
    }

    @Test
    void aChildThatKillsItselfReportsTheSignal() {
        ChildProcess child = ChildProcess.spawn(loop, "sh", List.of("-c", "kill -9 $$"));
        AtomicReference<ExitStatus> exit = new AtomicReference<>();
        child.onExit(exit::set);
        fixture.run();
        assertThat(exit.get().signal()).contains(Signal.SIGKILL);
    }

    @Test
    void theTimeoutKillsTheChild() {
        ChildProcess child = ChildProcess.spawn(loop, "sleep", List.of("30"),
                SpawnOptions.builder().timeout(Duration.ofMillis(100)).build());
        AtomicReference<ExitStatus> closed = new AtomicReference<>();
        child.onClose(closed::set);
        fixture.run();
        assertThat(child.timedOut()).isTrue();
        assertThat(closed.get().signal()).contains(Signal.SIGTERM);
    }

    @Test
    void closeKillsARunningChildAndClosesOnceItHasExited() {
        ChildProcess child = ChildProcess.spawn(loop, "sleep", List.of("30"));
        AtomicReference<ExitStatus> closed = new AtomicReference<>();
        child.onClose(closed::set);
        child.close();
        assertThat(child.isClosed()).as("not before the exit").isFalse();
        fixture.run();
        assertThat(closed.get().signal()).contains(Signal.SIGKILL);
        assertThat(child.isClosed()).isTrue();
    }

    @Test
    void environmentAndWorkingDirectoryReachTheChild(@TempDir Path dir) throws Exception {
        Path real = dir.toRealPath();
        ChildProcess child = ChildProcess.spawn(loop, "sh", List.of("-c", "echo \"$GREETING\"; pwd"),
                SpawnOptions.builder().env("GREETING", "hello from the parent").cwd(real).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        child.stdout().onBytes(out::writeBytes);
        fixture.run();
        assertThat(text(out)).isEqualTo("hello from the parent\n" + real + "\n");
    }

    @Test
    void aClearedEnvironmentHasOnlyWhatWasSet() {
        ChildProcess child = ChildProcess.spawn(loop, "/usr/bin/env", List.of(),
                SpawnOptions.builder().clearEnv(true).env("ONLY", "this").build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        child.stdout().onBytes(out::writeBytes);
        fixture.run();
        assertThat(text(out)).isEqualTo("ONLY=this\n");
    }

    @Test
    void streamsThatAreNotPipedAreEndedAndStillLetTheChildClose() {
        ChildProcess child = ChildProcess.spawn(loop, "sh", List.of("-c", "echo discarded"),
                SpawnOptions.builder().stdin(Stdio.DISCARD).stdout(Stdio.DISCARD).stderr(Stdio.INHERIT).build());
        AtomicReference<ExitStatus> closed = new AtomicReference<>();
        child.onClose(closed::set);
        fixture.run();
        assertThat(child.stdout().isEnded()).isTrue();
        assertThat(child.stdout().bytesRead()).isZero();
        assertThat(closed.get().isSuccess()).isTrue();
    }

    @Test
    void anUnknownProgramFailsWithEnoent() {
        assertThatThrownBy(() -> ChildProcess.spawn(loop, "no-such-program-spindle", List.of()))
                .isInstanceOf(ChildProcessException.class)
                .satisfies(error -> assertThat(((ChildProcessException) error).code()).isEqualTo(ChildProcessException.ENOENT));
    }

    @Test
    void stdinAppliesBackpressureAndDrains() {
        ChildProcess cat = ChildProcess.spawn(loop, "cat", List.of(),
                SpawnOptions.builder().stdout(Stdio.DISCARD).highWaterMark(64 * 1024).build());
        List<String> events = new ArrayList<>();
        byte[] megabyte = new byte[1024 * 1024];
        boolean accepted = cat.stdin().write(megabyte);
        assertThat(accepted).as("1 MiB is past the 64 KiB high-water mark").isFalse();
        assertThat(cat.stdin().bufferedBytes()).isEqualTo(megabyte.length);
        cat.stdin().onDrain(() -> {
            events.add("drain, buffered " + cat.stdin().bufferedBytes());
            cat.stdin().end();
        });
        cat.onExit(status -> events.add("exit " + status));
        fixture.run();
        assertThat(events).containsExactly("drain, buffered 0", "exit exit code 0");
    }

    @Test
    void writingAfterEndIsAnError() {
        ChildProcess cat = ChildProcess.spawn(loop, "cat", List.of());
        cat.stdout().onBytes(bytes -> { });
        AtomicReference<Throwable> error = new AtomicReference<>();
        cat.stdin().onError(error::set);
        cat.stdin().end();
        assertThat(cat.stdin().write("late")).isFalse();
        fixture.run();
        assertThat(error.get()).isInstanceOf(NetException.class)
                .satisfies(e -> assertThat(((NetException) e).code()).isEqualTo(NetException.ERR_STREAM_WRITE_AFTER_END));
    }
}
