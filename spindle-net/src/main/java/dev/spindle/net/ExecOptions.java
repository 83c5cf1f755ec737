package dev.spindle.net;

import java.util.Objects;

/**
 * Settings of {@link ChildProcess#exec}: how to spawn the child, what to feed its stdin, and how
 * much output to collect. Any thread may build them.
 *
 * @param spawn the spawn settings; the streams are always piped, whatever these say
 * @param input bytes written to the child's stdin before it is closed (empty: stdin closes at once)
 * @param maxBuffer bytes collected from stdout, and separately from stderr; past it the child is
 *     killed with the kill signal and the promise rejects with
 *     {@value ChildProcessException#ERR_CHILD_PROCESS_STDIO_MAXBUFFER}
 */
public record ExecOptions(SpawnOptions spawn, byte[] input, int maxBuffer) {

    /** Output collected per stream, as Node's {@code execFile}: 1 MiB. */
    public static final int DEFAULT_MAX_BUFFER = 1024 * 1024;

    /** Default spawn settings, no input, 1 MiB per stream. */
    public static final ExecOptions DEFAULTS = new ExecOptions(SpawnOptions.DEFAULTS, new byte[0], DEFAULT_MAX_BUFFER);

    /** Checks the values; see the record's parameters. */
    public ExecOptions {
        Objects.requireNonNull(spawn, "spawn");
        input = input.clone();
        if (maxBuffer < 0) {
            throw new IllegalArgumentException("maxBuffer must be >= 0, was " + maxBuffer);
        }
    }

    /** The defaults with another max buffer. */
    public static ExecOptions ofMaxBuffer(int maxBuffer) {
        return new ExecOptions(SpawnOptions.DEFAULTS, new byte[0], maxBuffer);
    }

    /** These options with other spawn settings. */
    public ExecOptions withSpawn(SpawnOptions spawn) {
        return new ExecOptions(spawn, input, maxBuffer);
    }

    /** These options with bytes for the child's stdin. */
    public ExecOptions withInput(byte[] input) {
        return new ExecOptions(spawn, input, maxBuffer);
    }

    /** These options with another max buffer. */
    public ExecOptions withMaxBuffer(int maxBuffer) {
        return new ExecOptions(spawn, input, maxBuffer);
    }

    @Override
    public byte[] input() {
        return input.clone();
    }
}
