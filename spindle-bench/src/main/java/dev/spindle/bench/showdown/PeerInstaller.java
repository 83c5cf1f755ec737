package dev.spindle.bench.showdown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs Bun and Deno from the npm registry into the bench's own peers folder (never globally):
 * {@code npm install --prefix DIR bun deno}. Without npm, or when it fails, the two are skipped.
 */
final class PeerInstaller {

    private static final List<String> PACKAGES = List.of("bun", "deno");

    private PeerInstaller() {}

    /** Installs what is missing of Bun and Deno into {@code peers}; says what happened. */
    static void install(Launcher launcher, Path peers, Path log, Bench bench) {
        List<String> missing = new ArrayList<>();
        for (String name : PACKAGES) {
            if (!Files.isExecutable(launcher.bin(name))) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        var npm = Executables.onPath("npm");
        if (npm.isEmpty()) {
            bench.say("npm is not on the PATH: cannot install " + String.join(" and ", missing));
            return;
        }
        List<String> command = new ArrayList<>(List.of(npm.get().toString(), "install", "--no-audit", "--no-fund",
                "--prefix", peers.toString()));
        command.addAll(missing);
        bench.say("installing " + String.join(" and ", missing) + " into " + peers + " (" + String.join(" ", command) + ")");
        try {
            Files.createDirectories(peers);
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                bench.say("npm install took over 5 minutes: stopped (see " + log + ")");
            } else if (process.exitValue() != 0) {
                bench.say("npm install failed with status " + process.exitValue() + " (see " + log + ")");
            }
        } catch (IOException e) {
            bench.say("npm install failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
