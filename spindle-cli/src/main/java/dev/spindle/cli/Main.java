package dev.spindle.cli;

import dev.spindle.cli.internal.DemoCommand;
import dev.spindle.cli.internal.LoadCommand;
import dev.spindle.cli.internal.ShortErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code spindle} command: parses the arguments and runs one subcommand. A new subcommand is
 * one picocli command class added to {@code subcommands} below; the launcher passes it through.
 */
@Command(
        name = "spindle",
        description = "A Node.js-style event-loop runtime for Java.",
        subcommands = {DemoCommand.class, LoadCommand.class, HelpCommand.class})
public final class Main implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private Main() {}

    /** Runs the command line and exits the JVM with its exit code: 0 ok, 1 failure, 2 usage error. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A fresh, configured command line; tests call {@link CommandLine#execute} on it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setParameterExceptionHandler(new ShortErrors());
    }

    /** Without a subcommand, print the usage, as {@code spindle --help} does. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
