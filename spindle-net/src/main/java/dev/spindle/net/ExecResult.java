package dev.spindle.net;

import java.nio.charset.StandardCharsets;

/**
 * What {@link ChildProcess#exec} collected from a child that exited with code 0.
 *
 * @param status how the child ended
 * @param stdout everything it wrote to stdout
 * @param stderr everything it wrote to stderr
 */
public record ExecResult(ExitStatus status, byte[] stdout, byte[] stderr) {

    /** stdout as UTF-8 text. */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** stderr as UTF-8 text. */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
