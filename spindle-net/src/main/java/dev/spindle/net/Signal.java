package dev.spindle.net;

import java.util.Optional;

/**
 * The POSIX signals a {@link ChildProcess} can be sent or die of, with the numbers that Linux,
 * macOS and the BSDs share. (Signals whose numbers differ between them, such as {@code SIGUSR1},
 * are left out; a death by one of those shows as {@link ExitStatus#signalNumber()} only.)
 */
public enum Signal {
    /** Hang-up. */
    SIGHUP(1),
    /** Interrupt, as Ctrl-C sends. */
    SIGINT(2),
    /** Quit, with a core dump. */
    SIGQUIT(3),
    /** Illegal instruction. */
    SIGILL(4),
    /** Trace trap. */
    SIGTRAP(5),
    /** Abort, as {@code abort()} raises. */
    SIGABRT(6),
    /** Arithmetic error. */
    SIGFPE(8),
    /** Kill: cannot be caught or ignored. */
    SIGKILL(9),
    /** Invalid memory access. */
    SIGSEGV(11),
    /** Write to a pipe nobody reads. */
    SIGPIPE(13),
    /** Alarm clock. */
    SIGALRM(14),
    /** Terminate: the polite request, and {@link ChildProcess#kill()}'s default. */
    SIGTERM(15);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    /** The signal's number. */
    public int number() {
        return number;
    }

    /** The name without the {@code SIG} prefix, as {@code kill -s} takes it: {@code TERM}, {@code KILL}. */
    public String shortName() {
        return name().substring(3);
    }

    /** The signal with {@code number}, if it is one of these. */
    public static Optional<Signal> of(int number) {
        for (Signal signal : values()) {
            if (signal.number == number) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }
}
