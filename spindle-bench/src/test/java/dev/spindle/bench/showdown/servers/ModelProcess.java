package dev.spindle.bench.showdown.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model server started as the orchestrator starts it, in its own process: reads its one
 * {@code <model> listening on <PORT> pid <PID>} line and ends it with SIGTERM.
 */
final class ModelProcess implements AutoCloseable {

    private final String model;
    private final Process process;

    private ModelProcess(String model, Process process) {
        this.model = model;
        this.process = process;
    }

    /** Starts {@code command}, whose listening line names {@code model}. */
    static ModelProcess start(String model, List<String> command) throws IOException {
        return new ModelProcess(model, new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** Starts the Java model {@code mainClass} of this package on an ephemeral port with {@code --backlog backlog}. */
    static ModelProcess startJava(String model, String mainClass, int backlog) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return start(model, List.of(java, "-cp", System.getProperty("java.class.path"),
                ModelProcess.class.getPackageName() + "." + mainClass, "0", "--backlog", String.valueOf(backlog)));
    }

    /** Reads the listening line, checks it names the model and this process, and returns the port. */
    int awaitListening() throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher listening = Pattern.compile(Pattern.quote(model) + " listening on (\\d+) pid (\\d+)").matcher(String.valueOf(line));
        assertThat(listening.matches()).as("the first line of " + model + ": " + line).isTrue();
        assertThat(Long.parseLong(listening.group(2))).as("the pid it prints").isEqualTo(process.pid());
        return Integer.parseInt(listening.group(1));
    }

    /** Sends SIGTERM (not closing the pipes first, as {@link Process#destroy} would) and returns the exit code. */
    int terminate() throws InterruptedException {
        assertThat(process.toHandle().destroy()).as("SIGTERM sent to " + model).isTrue();
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).as(model + " ended on SIGTERM").isTrue();
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
