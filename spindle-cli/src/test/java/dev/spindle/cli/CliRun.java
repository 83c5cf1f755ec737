package dev.spindle.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The outcome of one in-process run of the {@code spindle} command line, for tests. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@link Main#commandLine()} with {@code args}, capturing both output streams. */
    public static CliRun execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
