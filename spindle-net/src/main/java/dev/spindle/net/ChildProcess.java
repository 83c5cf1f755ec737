package dev.spindle.net;

import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.net.internal.ChildProcesses;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A child process on a loop: Node's {@code child_process.spawn}, with its stdin, stdout and stderr
 * as loop streams with backpressure, and {@code exit} and {@code close} events. A handle: active,
 * keeping the loop alive, until {@code close}; {@link #unref()} lets the loop end without it.
 *
 * <p>The program runs directly, with no shell in between (Node's {@code execFile}): arguments
 * need no quoting. For a shell, spawn {@code sh} with {@code -c} and the command line.
 *
 * <p><b>Events.</b> {@code exit} fires once the process has ended, with its {@link ExitStatus};
 * its piped output may still be arriving. {@code close} fires after {@code exit} and after every
 * piped output stream has emitted {@code end}: the point where everything is known. So an output
 * stream that is piped but never read (no data listener, or paused for good) holds {@code close}
 * back, and the child itself blocks once the pipe is full: read it, or use {@link Stdio#DISCARD}
 * or {@link Stdio#INHERIT}.
 *
 * <p><b>Threads.</b> Java's process pipes are blocking streams, so each piped stream has a
 * dedicated daemon thread, never the loop's blocking pool, which a long-lived child would starve.
 * Everything they read or write crosses to the loop through {@link Loop#execute}. Loop thread only:
 * every method is called on the loop's thread, and every listener runs there.
 */
public interface ChildProcess extends Handle {

    /**
     * Starts {@code command} with {@code args}. The program is looked up on the PATH as
     * {@link ProcessBuilder} does.
     *
     * @throws ChildProcessException with {@value ChildProcessException#ENOENT} when the program is
     *     not found, {@value ChildProcessException#EACCES} when it may not be run, else
     *     {@value NetException#UNKNOWN}
     */
    static ChildProcess spawn(Loop loop, String command, List<String> args, SpawnOptions options) {
        return ChildProcesses.spawn(loop, command, args, options);
    }

    /** {@link #spawn(Loop, String, List, SpawnOptions)} with the default options. */
    static ChildProcess spawn(Loop loop, String command, List<String> args) {
        return spawn(loop, command, args, SpawnOptions.DEFAULTS);
    }

    /**
     * Runs {@code command} to its end and collects its output (Node's {@code execFile}). Resolves
     * when it exits with code 0; rejects with a {@link ChildProcessException} when it cannot start,
     * exits otherwise, runs past its timeout, or writes more than {@link ExecOptions#maxBuffer()}
     * to either stream (it is then killed). The exception carries what was collected.
     */
    static Promise<ExecResult> exec(Loop loop, String command, List<String> args, ExecOptions options) {
        return ChildProcesses.exec(loop, command, args, options);
    }

    /** {@link #exec(Loop, String, List, ExecOptions)} with the default options. */
    static Promise<ExecResult> exec(Loop loop, String command, List<String> args) {
        return exec(loop, command, args, ExecOptions.DEFAULTS);
    }

    /** The operating system's process id. */
    long pid();

    /** The child's stdin; writes to a stream that is not {@link Stdio#PIPE}d fail with {@value NetException#ERR_STREAM_DESTROYED}. */
    WritablePipe stdin();

    /** The child's stdout; one that is not {@link Stdio#PIPE}d ends at once, with no data. */
    ReadablePipe stdout();

    /** The child's stderr; one that is not {@link Stdio#PIPE}d ends at once, with no data. */
    ReadablePipe stderr();

    /** Sets the listener for {@code exit}: the process ended. Called at once if it already has. */
    ChildProcess onExit(Consumer<ExitStatus> listener);

    /**
     * Sets the listener for {@code close}: the process ended and its piped output has all been
     * delivered. Runs in the close phase.
     */
    ChildProcess onClose(Consumer<ExitStatus> listener);

    /** Sets the listener for errors that belong to no stream, and for stdin's when it has none. */
    ChildProcess onError(Consumer<Throwable> listener);

    /** Sends {@link Signal#SIGTERM}; see {@link #kill(Signal)}. */
    default boolean kill() {
        return kill(Signal.SIGTERM);
    }

    /**
     * Sends {@code signal} to the process; false if it has already exited. {@code SIGTERM} and
     * {@code SIGKILL} go through {@link ProcessHandle#destroy()} and {@link ProcessHandle#destroyForcibly()};
     * any other signal is sent by running {@code kill -s NAME pid} on the loop's blocking pool.
     */
    boolean kill(Signal signal);

    /** How the process ended, once it has. */
    Optional<ExitStatus> exitStatus();

    /** Whether the timeout killed the process. */
    boolean timedOut();

    /** The command and its arguments, as started. */
    List<String> command();

    /**
     * Kills the process ({@code SIGKILL}) if it is still running and stops reading its output;
     * {@code close} follows once it has exited. Idempotent.
     */
    @Override
    void close();

    @Override
    ChildProcess ref();

    @Override
    ChildProcess unref();
}
