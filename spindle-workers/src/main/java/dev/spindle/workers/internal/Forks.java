package dev.spindle.workers.internal;

import dev.spindle.loop.Loop;
import dev.spindle.net.ChildProcess;
import dev.spindle.net.SpawnOptions;
import dev.spindle.net.Stdio;
import dev.spindle.workers.ForkOptions;
import dev.spindle.workers.ForkedProcess;
import dev.spindle.workers.ParentChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link ForkedProcess#fork}: the child JVM's command line, and the channel on its pipes. */
public final class Forks {

    private Forks() {}

    public static ForkedProcess fork(Loop loop, Class<?> mainClass, List<String> args, ForkOptions options) {
        SpawnOptions spawn = options.spawn().toBuilder()
                .stdin(Stdio.PIPE)
                .stdout(Stdio.PIPE)
                .env(ParentChannel.FORKED_ENV, "1")
                .build();
        List<String> command = javaCommand(mainClass, options.jvmArgs());
        command.addAll(args);
        ChildProcess child = ChildProcess.spawn(loop, command.getFirst(), command.subList(1, command.size()), spawn);
        return new ForkedProcessImpl(loop, child, options.maxMessageBytes());
    }

    /**
     * The same java binary, the parent's module path and class path, then the main class: as a
     * module's main class ({@code -m module/class}) when it lives in a named module, else from the
     * class path, with the module path's modules added so it can use them.
     */
    static List<String> javaCommand(Class<?> mainClass, List<String> jvmArgs) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path", "");
        String modulePath = System.getProperty("jdk.module.path", "");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        if (!classPath.isEmpty()) {
            command.addAll(List.of("-cp", classPath));
        }
        if (!modulePath.isEmpty()) {
            command.addAll(List.of("-p", modulePath));
        }
        Module module = mainClass.getModule();
        if (module.isNamed() && !modulePath.isEmpty()) {
            command.addAll(List.of("-m", module.getName() + "/" + mainClass.getName()));
        } else {
            if (!modulePath.isEmpty()) {
                command.addAll(List.of("--add-modules", "ALL-MODULE-PATH"));
            }
            command.add(mainClass.getName());
        }
        return command;
    }
}
