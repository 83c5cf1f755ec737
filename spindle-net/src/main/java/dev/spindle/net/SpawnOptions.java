package dev.spindle.net;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable settings of a {@link ChildProcess}; build with {@link #builder()}. Any thread may build them.
 *
 * @param cwd the child's working directory; empty for the parent's
 * @param env variables added to (or, with {@code clearEnv}, making up) the child's environment
 * @param clearEnv start the child's environment empty instead of from the parent's
 * @param stdin where the child's stdin comes from
 * @param stdout where the child's stdout goes
 * @param stderr where the child's stderr goes
 * @param timeout kill the child with {@code killSignal} if it runs longer; {@link Duration#ZERO} for never
 * @param killSignal the signal the timeout sends
 * @param highWaterMark bytes each output pipe holds in the parent before its pump stops reading,
 *     and bytes queued for stdin beyond which {@link WritablePipe#write} returns false
 */
public record SpawnOptions(
        Optional<Path> cwd,
        Map<String, String> env,
        boolean clearEnv,
        Stdio stdin,
        Stdio stdout,
        Stdio stderr,
        Duration timeout,
        Signal killSignal,
        int highWaterMark) {

    /** Bytes held per pipe before reading pauses, as Node's stream default: 64 KiB. */
    public static final int DEFAULT_HIGH_WATER_MARK = 64 * 1024;

    /** No timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ZERO;

    /** The timeout sends {@link Signal#SIGTERM}, as Node's {@code killSignal} default. */
    public static final Signal DEFAULT_KILL_SIGNAL = Signal.SIGTERM;

    /** Every setting at its default: all three streams piped, the parent's directory and environment. */
    public static final SpawnOptions DEFAULTS = builder().build();

    /** Checks the values; see the record's parameters. */
    public SpawnOptions {
        Objects.requireNonNull(cwd, "cwd");
        env = Map.copyOf(env);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(killSignal, "killSignal");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        if (highWaterMark < 4) {
            throw new IllegalArgumentException("highWaterMark must be >= 4, was " + highWaterMark);
        }
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder().clearEnv(clearEnv).stdin(stdin).stdout(stdout).stderr(stderr)
                .timeout(timeout).killSignal(killSignal).highWaterMark(highWaterMark);
        builder.cwd = cwd;
        builder.env.putAll(env);
        return builder;
    }

    /** Builds {@link SpawnOptions}; every field starts at its default. */
    public static final class Builder {
        private Optional<Path> cwd = Optional.empty();
        private final Map<String, String> env = new TreeMap<>();
        private boolean clearEnv;
        private Stdio stdin = Stdio.PIPE;
        private Stdio stdout = Stdio.PIPE;
        private Stdio stderr = Stdio.PIPE;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Signal killSignal = DEFAULT_KILL_SIGNAL;
        private int highWaterMark = DEFAULT_HIGH_WATER_MARK;

        private Builder() {}

        /** The child's working directory. */
        public Builder cwd(Path cwd) {
            this.cwd = Optional.of(cwd);
            return this;
        }

        /** Sets one environment variable for the child. */
        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets several environment variables for the child. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** Start from an empty environment instead of the parent's. */
        public Builder clearEnv(boolean clearEnv) {
            this.clearEnv = clearEnv;
            return this;
        }

        /** Where stdin comes from. */
        public Builder stdin(Stdio stdin) {
            this.stdin = stdin;
            return this;
        }

        /** Where stdout goes. */
        public Builder stdout(Stdio stdout) {
            this.stdout = stdout;
            return this;
        }

        /** Where stderr goes. */
        public Builder stderr(Stdio stderr) {
            this.stderr = stderr;
            return this;
        }

        /** Kill the child with the kill signal after this long; zero for never. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The signal the timeout sends. */
        public Builder killSignal(Signal killSignal) {
            this.killSignal = killSignal;
            return this;
        }

        /** Bytes held per pipe; see the record's parameters. */
        public Builder highWaterMark(int bytes) {
            this.highWaterMark = bytes;
            return this;
        }

        public SpawnOptions build() {
            return new SpawnOptions(cwd, env, clearEnv, stdin, stdout, stderr, timeout, killSignal, highWaterMark);
        }
    }
}
