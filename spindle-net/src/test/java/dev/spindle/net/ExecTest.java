package dev.spindle.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Loop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ChildProcess#exec}: output collected up to the max buffer, failures with what was collected. */
class ExecTest {

    private final NetFixture fixture = new NetFixture();
    private final Loop loop = fixture.loop;

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private <T> T await(dev.spindle.loop.Promise<T> promise, AtomicReference<Throwable> error) {
        AtomicReference<T> value = new AtomicReference<>();
        promise.then(value::set).onFailure(error::set);
        fixture.run();
        return value.get();
    }

    @Test
    void collectsStdoutAndStderr() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        ExecResult result = await(ChildProcess.exec(loop, "sh", List.of("-c", "echo out; echo err >&2")), error);
        assertThat(error.get()).isNull();
        assertThat(result.stdoutText()).isEqualTo("out\n");
        assertThat(result.stderrText()).isEqualTo("err\n");
        assertThat(result.status().isSuccess()).isTrue();
    }

    @Test
    void feedsTheInputToStdin() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        ExecResult result = await(ChildProcess.exec(loop, "cat", List.of(),
                ExecOptions.DEFAULTS.withInput("from the parent".getBytes(StandardCharsets.UTF_8))), error);
        assertThat(result.stdoutText()).isEqualTo("from the parent");
    }

    @Test
    void moreOutputThanTheMaxBufferKillsTheChildAndRejects() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        // 10 MB cannot fit in the pipe and the parent's buffers, so the child is still writing when killed.
        await(ChildProcess.exec(loop, "head", List.of("-c", "10000000", "/dev/zero"), ExecOptions.ofMaxBuffer(1000)), error);
        assertThat(error.get()).isInstanceOf(ChildProcessException.class).hasMessageContaining("stdout maxBuffer length exceeded");
        ChildProcessException failure = (ChildProcessException) error.get();
        assertThat(failure.code()).isEqualTo(ChildProcessException.ERR_CHILD_PROCESS_STDIO_MAXBUFFER);
        assertThat(failure.stdout()).hasSize(1000);
        assertThat(failure.status().orElseThrow().signal()).contains(Signal.SIGTERM);
    }

    @Test
    void outputUpToTheMaxBufferIsFine() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        ExecResult result = await(ChildProcess.exec(loop, "head", List.of("-c", "1000", "/dev/zero"), ExecOptions.ofMaxBuffer(1000)), error);
        assertThat(error.get()).isNull();
        assertThat(result.stdout()).hasSize(1000);
    }

    @Test
    void aNonZeroExitRejectsWithTheChildsStderr() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        await(ChildProcess.exec(loop, "sh", List.of("-c", "echo partial; echo 'no such thing' >&2; exit 2")), error);
        ChildProcessException failure = (ChildProcessException) error.get();
        assertThat(failure.code()).isEqualTo(ChildProcessException.ERR_CHILD_PROCESS_FAILED);
        assertThat(failure).hasMessageContaining("exit code 2").hasMessageContaining("no such thing");
        assertThat(failure.status().orElseThrow().code()).hasValue(2);
        assertThat(new String(failure.stdout(), StandardCharsets.UTF_8)).isEqualTo("partial\n");
    }

    @Test
    void theTimeoutKillsAndRejects() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        await(ChildProcess.exec(loop, "sleep", List.of("30"), ExecOptions.DEFAULTS.withSpawn(
                SpawnOptions.builder().timeout(Duration.ofMillis(50)).killSignal(Signal.SIGKILL).build())), error);
        ChildProcessException failure = (ChildProcessException) error.get();
        assertThat(failure.code()).isEqualTo(ChildProcessException.ETIMEDOUT);
        assertThat(failure.status().orElseThrow().signal()).contains(Signal.SIGKILL);
    }

    @Test
    void anUnknownProgramRejectsWithEnoent() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        await(ChildProcess.exec(loop, "no-such-program-spindle", List.of()), error);
        assertThat(((ChildProcessException) error.get()).code()).isEqualTo(ChildProcessException.ENOENT);
    }
}
