/**
 * The {@code spindle} command line: one picocli command per subcommand ({@code demo}, {@code load};
 * bench and worker later). The launcher script at the repository root runs it on the module path.
 */
module dev.spindle.cli {
    requires dev.spindle.loop;
    requires dev.spindle.http;
    requires dev.spindle.workers;
    requires dev.spindle.monitor;
    requires dev.spindle.jobs;
    requires dev.spindle.load;
    requires info.picocli;

    // An application, not a library: nothing is exported; java -m runs Main all the same.
    // picocli injects options and instantiates subcommands by reflection.
    opens dev.spindle.cli to info.picocli;
    opens dev.spindle.cli.internal to info.picocli;
    // Jackson writes the demo's records.
    opens dev.spindle.cli.internal.demo to com.fasterxml.jackson.databind;
}
