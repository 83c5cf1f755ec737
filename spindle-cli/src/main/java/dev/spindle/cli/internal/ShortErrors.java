package dev.spindle.cli.internal;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a usage error in one line plus a hint, instead of picocli's full usage dump, and exits
 * with the usage-error code (2).
 */
public final class ShortErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("spindle: " + describe(error, command));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String describe(ParameterException error, CommandLine command) {
        if (error instanceof UnmatchedArgumentException unmatched
                && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            List<String> names = List.copyOf(command.getSubcommands().keySet());
            return "unknown command '" + unmatched.getUnmatched().getFirst() + "' (commands: "
                    + String.join(", ", names) + ")";
        }
        return error.getMessage();
    }
}
