package dev.spindle.net.internal;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.net.ChildProcess;
import dev.spindle.net.ChildProcessException;
import dev.spindle.net.ExecOptions;
import dev.spindle.net.ExecResult;
import dev.spindle.net.ExitStatus;
import dev.spindle.net.NetException;
import dev.spindle.net.SpawnOptions;
import dev.spindle.net.Stdio;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link ChildProcess#spawn} and {@link ChildProcess#exec}: building the process and collecting its output. */
public final class ChildProcesses {

    /** Where a child whose stdin is discarded reads from: it sees end-of-file at once. */
    private static final ProcessBuilder.Redirect NO_INPUT =
            ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null"));

    /** The errno in the JDK's start failure: "error=2, ..." (older JDKs) or "error: 2 (...)". */
    private static final Pattern ERRNO = Pattern.compile("error[=:] ?(\\d+)");

    private ChildProcesses() {}

    public static ChildProcess spawn(Loop loop, String command, List<String> args, SpawnOptions options) {
        Threads.checkLoopThread(loop);
        Objects.requireNonNull(options, "options");
        List<String> commandLine = new ArrayList<>(args.size() + 1);
        commandLine.add(Objects.requireNonNull(command, "command"));
        commandLine.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(commandLine)
                .redirectInput(options.stdin() == Stdio.DISCARD ? NO_INPUT : redirect(options.stdin()))
                .redirectOutput(redirect(options.stdout()))
                .redirectError(redirect(options.stderr()));
        options.cwd().ifPresent(cwd -> builder.directory(cwd.toFile()));
        Map<String, String> environment = builder.environment();
        if (options.clearEnv()) {
            environment.clear();
        }
        environment.putAll(options.env());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw startFailure(commandLine, e);
        }
        ChildProcessImpl child = new ChildProcessImpl(LoopSpi.of(loop), process, commandLine, options);
        child.start();
        return child;
    }

    private static ProcessBuilder.Redirect redirect(Stdio stdio) {
        return switch (stdio) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case INHERIT -> ProcessBuilder.Redirect.INHERIT;
            case DISCARD -> ProcessBuilder.Redirect.DISCARD;
        };
    }

    /** Maps the JDK's errno (2: no such file, 13: permission denied) to Node's codes. */
    private static ChildProcessException startFailure(List<String> commandLine, IOException e) {
        String message = String.valueOf(e.getMessage());
        Matcher errno = ERRNO.matcher(message);
        String code = !errno.find() ? NetException.UNKNOWN : switch (errno.group(1)) {
            case "2" -> ChildProcessException.ENOENT;
            case "13" -> ChildProcessException.EACCES;
            default -> NetException.UNKNOWN;
        };
        return new ChildProcessException(code, "spawn " + commandLine.getFirst() + " " + code + ": " + message,
                null, null, null, e);
    }

    public static Promise<ExecResult> exec(Loop loop, String command, List<String> args, ExecOptions options) {
        Threads.checkLoopThread(loop);
        Promise<ExecResult> promise = loop.promise();
        SpawnOptions piped = options.spawn().toBuilder().stdin(Stdio.PIPE).stdout(Stdio.PIPE).stderr(Stdio.PIPE).build();
        ChildProcess child;
        try {
            child = spawn(loop, command, args, piped);
        } catch (ChildProcessException e) {
            promise.reject(e);
            return promise;
        }
        new Collector(child, options, promise).start();
        return promise;
    }

    /** Collects one child's output up to the max buffer, and settles exec's promise on {@code close}. */
    private static final class Collector {
        private final ChildProcess child;
        private final ExecOptions options;
        private final Promise<ExecResult> promise;
        private final BoundedBuffer stdout;
        private final BoundedBuffer stderr;
        private String overflowed;

        Collector(ChildProcess child, ExecOptions options, Promise<ExecResult> promise) {
            this.child = child;
            this.options = options;
            this.promise = promise;
            this.stdout = new BoundedBuffer(options.maxBuffer());
            this.stderr = new BoundedBuffer(options.maxBuffer());
        }

        void start() {
            child.stdout().onData(data -> collect(stdout, data, "stdout"));
            child.stderr().onData(data -> collect(stderr, data, "stderr"));
            child.stdin().onError(error -> { }); // a child that exits without reading its input is no error here
            byte[] input = options.input();
            if (input.length > 0) {
                child.stdin().write(input);
            }
            child.stdin().end();
            child.onClose(status -> settle());
        }

        private void collect(BoundedBuffer buffer, ByteBuffer data, String stream) {
            if (!buffer.add(data) && overflowed == null) {
                overflowed = stream;
                child.kill(options.spawn().killSignal());
            }
        }

        private void settle() {
            ExitStatus status = child.exitStatus().orElseThrow();
            String line = String.join(" ", child.command());
            if (overflowed != null) {
                promise.reject(new ChildProcessException(ChildProcessException.ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
                        line + ": " + overflowed + " maxBuffer length exceeded (" + options.maxBuffer() + " bytes); the child was killed",
                        status, stdout.bytes(), stderr.bytes(), null));
            } else if (child.timedOut()) {
                promise.reject(new ChildProcessException(ChildProcessException.ETIMEDOUT,
                        line + ": timed out after " + options.spawn().timeout().toMillis() + " ms and was killed (" + status + ")",
                        status, stdout.bytes(), stderr.bytes(), null));
            } else if (!status.isSuccess()) {
                promise.reject(new ChildProcessException(ChildProcessException.ERR_CHILD_PROCESS_FAILED,
                        "Command failed (" + status + "): " + line + stderrSuffix(),
                        status, stdout.bytes(), stderr.bytes(), null));
            } else {
                promise.resolve(new ExecResult(status, stdout.bytes(), stderr.bytes()));
            }
        }

        private String stderrSuffix() {
            String text = new String(stderr.bytes(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : "\n" + text;
        }
    }
}
