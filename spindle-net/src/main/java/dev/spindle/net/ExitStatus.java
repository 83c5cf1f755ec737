package dev.spindle.net;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a child process ended: with an exit code, or killed by a signal (Node's {@code code} and
 * {@code signal} of the {@code exit} event).
 *
 * <p>Java's {@link Process} reports a death by signal N as the exit value 128 + N, the shells'
 * convention ({@code $?} is 137 after {@code kill -9}). This record reads it the same way: values
 * 129 to 192 mean a signal. A process that itself calls {@code exit(137)} is therefore reported as
 * killed by {@code SIGKILL}; no JDK API can tell the two apart.
 *
 * @param exitValue the value {@link Process#exitValue()} returned
 */
public record ExitStatus(int exitValue) {

    private static final int SIGNAL_BASE = 128;
    private static final int LAST_SIGNAL = 64;

    /** Whether a signal ended the process. */
    public boolean isSignal() {
        return exitValue > SIGNAL_BASE && exitValue <= SIGNAL_BASE + LAST_SIGNAL;
    }

    /** The exit code, unless a signal ended the process. */
    public OptionalInt code() {
        return isSignal() ? OptionalInt.empty() : OptionalInt.of(exitValue);
    }

    /** The number of the signal that ended the process, if one did. */
    public OptionalInt signalNumber() {
        return isSignal() ? OptionalInt.of(exitValue - SIGNAL_BASE) : OptionalInt.empty();
    }

    /** The signal that ended the process, if one did and it is a {@link Signal} this enum names. */
    public Optional<Signal> signal() {
        return isSignal() ? Signal.of(exitValue - SIGNAL_BASE) : Optional.empty();
    }

    /** Whether the process exited with code 0. */
    public boolean isSuccess() {
        return exitValue == 0;
    }

    @Override
    public String toString() {
        if (isSignal()) {
            return "killed by " + signal().map(Signal::name).orElse("signal " + (exitValue - SIGNAL_BASE));
        }
        return "exit code " + exitValue;
    }
}
