package dev.spindle.net.internal;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Timer;
import dev.spindle.loop.spi.HandleBase;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.net.ChildProcess;
import dev.spindle.net.ExitStatus;
import dev.spindle.net.ReadablePipe;
import dev.spindle.net.Signal;
import dev.spindle.net.SpawnOptions;
import dev.spindle.net.Stdio;
import dev.spindle.net.WritablePipe;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A started child process on the loop. Its end arrives from the JDK's process reaper through
 * {@link Loop#execute}; {@code close} waits for that and for both output pipes to end. The
 * handle bookkeeping (active, ref, close phase) is a private {@link HandleBase}, so this class can
 * give {@link #close()} the meaning a process needs: kill, then close once it has exited.
 */
final class ChildProcessImpl implements ChildProcess {

    private final LoopSpi loop;
    private final Process process;
    private final List<String> command;
    private final SpawnOptions options;
    private final PipeWriter stdin;
    private final PipeReader stdout;
    private final PipeReader stderr;
    private final Lifetime lifetime;

    private Consumer<ExitStatus> exitListener;
    private Consumer<ExitStatus> closeListener;
    private Consumer<Throwable> errorListener;
    private ExitStatus status;
    private Timer timeoutTimer;
    private boolean timedOut;

    /** The handle's state; closing it runs the close listener in the close phase. */
    private final class Lifetime extends HandleBase {
        Lifetime(LoopSpi loop) {
            super(loop);
        }

        void start() {
            activate();
        }

        @Override
        protected void onClosed() {
            if (closeListener != null) {
                loop.dispatch("child close", () -> closeListener.accept(status));
            }
        }
    }

    ChildProcessImpl(LoopSpi loop, Process process, List<String> command, SpawnOptions options) {
        this.loop = loop;
        this.process = process;
        this.command = List.copyOf(command);
        this.options = options;
        this.lifetime = new Lifetime(loop);
        String prefix = "spindle-child-" + process.pid() + "-";
        this.stdin = new PipeWriter(loop, options.stdin() == Stdio.PIPE ? process.getOutputStream() : null,
                prefix + "stdin", options.highWaterMark(), this::emitError);
        this.stdout = reader(Stdio.PIPE == options.stdout(), "stdout", prefix);
        this.stderr = reader(Stdio.PIPE == options.stderr(), "stderr", prefix);
    }

    private PipeReader reader(boolean piped, String label, String prefix) {
        if (!piped) {
            return PipeReader.notPiped(loop, label);
        }
        PipeReader reader = new PipeReader(loop, label, options.highWaterMark(), this::maybeClose);
        reader.start(label.equals("stdout") ? process.getInputStream() : process.getErrorStream(), prefix + label);
        return reader;
    }

    /** Starts watching for the exit and arms the timeout. */
    void start() {
        lifetime.start();
        process.onExit().whenComplete((ended, error) -> loop.loop().execute(this::exited));
        if (!options.timeout().isZero()) {
            timeoutTimer = loop.loop().setTimeout(() -> {
                timedOut = true;
                kill(options.killSignal());
            }, Math.max(1, options.timeout().toMillis())).unref(); // the process itself keeps the loop alive
        }
    }

    private void exited() {
        status = new ExitStatus(process.exitValue());
        if (timeoutTimer != null) {
            timeoutTimer.close();
        }
        if (exitListener != null) {
            loop.dispatch("child exit", () -> exitListener.accept(status));
        }
        maybeClose();
    }

    private void maybeClose() {
        if (status != null && stdout.isDone() && stderr.isDone() && !lifetime.isClosed()) {
            stdin.stop();
            stdout.stop();
            stderr.stop();
            lifetime.close();
        }
    }

    private void emitError(Throwable error) {
        if (errorListener != null) {
            loop.dispatch("child error", () -> errorListener.accept(error));
        } else {
            loop.reportUncaught(error);
        }
    }

    // ---------------------------------------------------------------- ChildProcess

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public WritablePipe stdin() {
        return stdin;
    }

    @Override
    public ReadablePipe stdout() {
        return stdout;
    }

    @Override
    public ReadablePipe stderr() {
        return stderr;
    }

    @Override
    public ChildProcess onExit(Consumer<ExitStatus> listener) {
        Threads.checkLoopThread(loop.loop());
        this.exitListener = listener;
        if (status != null) {
            ExitStatus ended = status;
            loop.loop().nextTick(() -> listener.accept(ended));
        }
        return this;
    }

    @Override
    public ChildProcess onClose(Consumer<ExitStatus> listener) {
        this.closeListener = listener;
        return this;
    }

    @Override
    public ChildProcess onError(Consumer<Throwable> listener) {
        this.errorListener = listener;
        return this;
    }

    @Override
    public boolean kill(Signal signal) {
        Threads.checkLoopThread(loop.loop());
        if (status != null || !process.isAlive()) {
            return false;
        }
        switch (signal) {
            // Through the ProcessHandle: Process.destroy() would also close the pipes, losing what the
            // child writes while it shuts down.
            case SIGTERM -> process.toHandle().destroy();
            case SIGKILL -> process.toHandle().destroyForcibly();
            default -> {
                long pid = process.pid();
                loop.loop().offload(() -> new ProcessBuilder("kill", "-s", signal.shortName(), Long.toString(pid))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor())
                        .onFailure(error -> emitError(new IOException("sending " + signal + " to " + pid + " failed", error)));
            }
        }
        return true;
    }

    @Override
    public Optional<ExitStatus> exitStatus() {
        return Optional.ofNullable(status);
    }

    @Override
    public boolean timedOut() {
        return timedOut;
    }

    @Override
    public List<String> command() {
        return command;
    }

    @Override
    public void close() {
        Threads.checkLoopThread(loop.loop());
        if (status == null) {
            process.toHandle().destroyForcibly();
        }
        stdout.discard();
        stderr.discard();
    }

    // ---------------------------------------------------------------- Handle

    @Override
    public boolean isActive() {
        return lifetime.isActive();
    }

    @Override
    public ChildProcess ref() {
        lifetime.ref();
        return this;
    }

    @Override
    public ChildProcess unref() {
        lifetime.unref();
        return this;
    }

    @Override
    public boolean hasRef() {
        return lifetime.hasRef();
    }

    @Override
    public boolean isClosed() {
        return lifetime.isClosed();
    }

    @Override
    public String toString() {
        return "ChildProcess[pid " + process.pid() + ", " + String.join(" ", command)
                + (status == null ? ", running" : ", " + status) + "]";
    }
}
