package dev.spindle.bench.showdown.servers;

/**
 * A model server's command line, {@code PORT [--backlog N]}: the port (0 picks a free one) and the
 * listen backlog ({@value ShowdownRoutes#DEFAULT_BACKLOG} unless given).
 */
public record ShowdownArgs(int port, int backlog) {

    /** Parses {@code args}; throws {@link IllegalArgumentException} with the usage on anything else. */
    public static ShowdownArgs parse(String[] args) {
        int port = 0;
        int backlog = ShowdownRoutes.DEFAULT_BACKLOG;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--backlog") && i + 1 < args.length) {
                    backlog = Integer.parseInt(args[++i]);
                } else if (i == 0) {
                    port = Integer.parseInt(args[i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument: " + args[i]);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("usage: PORT [--backlog N]: " + e.getMessage(), e);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("--backlog must be >= 1, was " + backlog);
        }
        return new ShowdownArgs(port, backlog);
    }
}
