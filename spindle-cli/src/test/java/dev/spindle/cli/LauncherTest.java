package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code spindle} launcher script with bash. Only commands that need no build run here
 * (help, errors, the JDK lookup); the JDK lookup is pointed at fake JDKs through PATH, JAVA_HOME and
 * SPINDLE_JDK_SEARCH_PATH, so no real JDK on the machine changes the outcome.
 */
class LauncherTest {

    private static final String NO_JDK = "spindle: needs a JDK 25 or newer (newest found: 17.0.9); install one"
            + " (e.g. apt-get install openjdk-25-jdk or Temurin 25) or set JAVA_HOME";

    @TempDir
    Path scratch;

    @Test
    void helpListsEveryCommandOnItsOwnLine() throws Exception {
        for (String help : new String[] {"--help", "-h", "help", null}) {
            ChildProcess run = help == null ? launch(env -> {}) : launch(env -> {}, help);

            assertThat(run.exitCode()).as(help).isZero();
            assertThat(run.out().lines()).as(help)
                    .anyMatch(line -> line.startsWith("  test "))
                    .anyMatch(line -> line.startsWith("  demo [--port N] "))
                    .anyMatch(line -> line.startsWith("  load URL [options] "))
                    .anyMatch(line -> line.startsWith("  jdk "))
                    .anyMatch(line -> line.startsWith("  help "));
        }
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        ChildProcess run = launch(env -> {}, "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("spindle: unknown option '--frobnicate'; see ./spindle --help");
    }

    @Test
    void withoutAJdk25SaysWhatToInstallInOneLine() throws Exception {
        Path oldHome = fakeJdk("jdk-17", "17.0.9");
        fakeJdk("jdk-11", "11.0.2");
        Path bin = fakePathJava(oldHome, "17.0.9");

        ChildProcess run = launch(env -> {
            env.put("JAVA_HOME", oldHome.toString());
            env.put("PATH", bin.toString());
            env.put("SPINDLE_JDK_SEARCH_PATH", scratch.resolve("jdks") + "/*");
        }, "demo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(NO_JDK);
    }

    @Test
    void searchPicksTheNewestJdk25OrLater() throws Exception {
        fakeJdk("jdk-17", "17.0.9");
        fakeJdk("jdk-25.0.9", "25.0.9");
        Path newest = fakeJdk("jdk-25.0.10", "25.0.10");
        Path bin = fakePathJava(scratch.resolve("jdks/jdk-17"), "17.0.9");

        ChildProcess run = launch(env -> {
            env.remove("JAVA_HOME");
            env.put("PATH", bin.toString());
            env.put("SPINDLE_JDK_SEARCH_PATH", "/nonexistent/*:" + scratch.resolve("jdks") + "/jdk-*");
        }, "jdk");

        assertThat(run.errLines()).isEmpty();
        assertThat(run.out()).isEqualTo(newest + " (java 25.0.10)\n");
    }

    @Test
    void javaHomeComesFirstThenJavaOnPath() throws Exception {
        fakeJdk("jdk-26", "26");
        Path home25 = fakeJdk("jdk-25", "25");
        Path pathHome = fakeJdk("path-jdk", "25.0.1");
        Path bin = fakePathJava(pathHome, "25.0.1");
        Consumer<Map<String, String>> fakes = env -> {
            env.put("PATH", bin.toString());
            env.put("SPINDLE_JDK_SEARCH_PATH", scratch.resolve("jdks") + "/*");
        };

        ChildProcess withHome = launch(fakes.andThen(env -> env.put("JAVA_HOME", home25.toString())), "jdk");
        ChildProcess withoutHome = launch(fakes.andThen(env -> env.remove("JAVA_HOME")), "jdk");

        assertThat(withHome.out()).isEqualTo(home25 + " (java 25)\n");
        assertThat(withoutHome.out()).isEqualTo(pathHome + " (java 25.0.1)\n");
    }

    private ChildProcess launch(Consumer<Map<String, String>> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bash(), launcher().toString()));
        command.addAll(List.of(args));
        return ChildProcess.run(scratch, command, environment);
    }

    /** A folder that looks like a JDK home to the launcher: an executable bin/java and a release file. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = scratch.resolve("jdks").resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\n");
        executable(home.resolve("bin/java"), "#!/bin/sh\nexit 0\n");
        return home;
    }

    /** A PATH folder whose java reports {@code home} and {@code version} as a real one does. */
    private Path fakePathJava(Path home, String version) throws IOException {
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        executable(bin.resolve("java"), "#!/bin/sh\n"
                + "echo 'Property settings:' >&2\n"
                + "echo '    java.home = " + home + "' >&2\n"
                + "echo '    java.version = " + version + "' >&2\n");
        return bin;
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The launcher at the repository root, found from the module folder the tests run in. */
    private static Path launcher() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("spindle")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolve("spindle");
            }
        }
        throw new IllegalStateException("no spindle launcher above " + Path.of("").toAbsolutePath());
    }

    /** bash by absolute path, since the tests give the launcher a PATH without it. */
    private static String bash() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "bash"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("bash not found on PATH"))
                .toString();
    }
}
