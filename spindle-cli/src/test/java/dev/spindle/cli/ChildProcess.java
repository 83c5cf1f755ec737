package dev.spindle.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a child process to completion with its output in files, for tests; never sleeps. */
public record ChildProcess(int exitCode, String out, String err) {

    private static final long TIMEOUT_SECONDS = 60;

    /** Runs {@code command} in {@code scratch}, after {@code environment} edited the inherited variables. */
    public static ChildProcess run(Path scratch, List<String> command, Consumer<Map<String, String>> environment)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.accept(builder.environment());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not finish within %d s", command, TIMEOUT_SECONDS);
        }
        return new ChildProcess(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The lines of standard error. */
    public List<String> errLines() {
        return err.lines().toList();
    }
}
