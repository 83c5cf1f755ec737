package dev.spindle.net;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A child process failed as {@link ChildProcess#exec} sees it: it exited with a non-zero code or
 * died of a signal, ran past its timeout, or wrote more than the max buffer. Carries whatever
 * output was collected, so the caller can report the child's own error message.
 */
public class ChildProcessException extends NetException {

    /** The child exited with a non-zero code, or a signal killed it. */
    public static final String ERR_CHILD_PROCESS_FAILED = "ERR_CHILD_PROCESS_FAILED";
    /** The child wrote more than the max buffer to stdout or stderr and was killed (Node's code). */
    public static final String ERR_CHILD_PROCESS_STDIO_MAXBUFFER = "ERR_CHILD_PROCESS_STDIO_MAXBUFFER";
    /** The child ran past its timeout and was killed. */
    public static final String ETIMEDOUT = "ETIMEDOUT";
    /** The program was not found. */
    public static final String ENOENT = "ENOENT";
    /** The program may not be executed. */
    public static final String EACCES = "EACCES";

    private final transient ExitStatus status;
    private final byte[] stdout;
    private final byte[] stderr;

    /** An error with a code, the exit status if the child has exited, and the output collected. */
    public ChildProcessException(String code, String message, ExitStatus status, byte[] stdout, byte[] stderr, Throwable cause) {
        super(code, message, cause);
        this.status = status;
        this.stdout = stdout == null ? new byte[0] : stdout.clone();
        this.stderr = stderr == null ? new byte[0] : stderr.clone();
    }

    /** How the child ended, if it had when the error was raised. */
    public Optional<ExitStatus> status() {
        return Optional.ofNullable(status);
    }

    /** The stdout collected before the failure (up to the max buffer). */
    public byte[] stdout() {
        return stdout.clone();
    }

    /** The stderr collected before the failure (up to the max buffer). */
    public byte[] stderr() {
        return stderr.clone();
    }

    /** The collected stderr as UTF-8 text. */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
