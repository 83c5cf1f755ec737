package dev.spindle.workers;

import dev.spindle.net.SpawnOptions;
import dev.spindle.net.Stdio;
import java.util.List;
import java.util.Objects;

/**
 * Settings of {@link ForkedProcess#fork}; build with {@link #builder()}. Any thread may build them.
 *
 * @param jvmArgs options for the child JVM, before the main class (e.g. {@code -Xmx256m})
 * @param spawn environment, working directory, timeout and high-water mark of the child; its
 *     stdin and stdout are always piped (they carry the messages), its stderr is inherited by default
 * @param maxMessageBytes the longest message line accepted from the child; a longer one is
 *     dropped with an error
 */
public record ForkOptions(List<String> jvmArgs, SpawnOptions spawn, int maxMessageBytes) {

    /** The longest message line, by default: 16 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /** No JVM options; the child's stderr goes to the parent's. */
    public static final ForkOptions DEFAULTS = builder().build();

    /** Checks the values; see the record's parameters. */
    public ForkOptions {
        jvmArgs = List.copyOf(jvmArgs);
        Objects.requireNonNull(spawn, "spawn");
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be >= 1, was " + maxMessageBytes);
        }
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ForkOptions}; every field starts at its default. */
    public static final class Builder {
        private List<String> jvmArgs = List.of();
        private SpawnOptions spawn = SpawnOptions.builder().stderr(Stdio.INHERIT).build();
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

        private Builder() {}

        /** Options for the child JVM. */
        public Builder jvmArgs(List<String> jvmArgs) {
            this.jvmArgs = jvmArgs;
            return this;
        }

        /** Environment, working directory, timeout and high-water mark; stdin and stdout are always piped. */
        public Builder spawn(SpawnOptions spawn) {
            this.spawn = spawn;
            return this;
        }

        /** The longest message line accepted from the child. */
        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        public ForkOptions build() {
            return new ForkOptions(jvmArgs, spawn, maxMessageBytes);
        }
    }
}
