package dev.spindle.bench.showdown;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's server running in a process of its own: started pinned to CPU 0 with {@code taskset}
 * when the machine has two cores or more, ready once it prints {@code <model> listening on <PORT>
 * pid <PID>}, its output kept in a log file, stopped with SIGTERM (then SIGKILL after 5 s).
 * Every server still running when this JVM exits (Ctrl-C included) is stopped by a shutdown hook.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("(\\S+) listening on (\\d+) pid (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<ServerProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ServerProcess::close), "showdown-cleanup"));
    }

    private final String model;
    private final Process process;
    private final int port;
    private final long pid;

    private ServerProcess(String model, Process process, int port, long pid) {
        this.model = model;
        this.process = process;
        this.port = port;
        this.pid = pid;
    }

    /**
     * Starts {@code command} and waits until it listens.
     *
     * @param log where the server's output goes
     * @throws IOException when it cannot start, exits, or says nothing within a minute
     */
    static ServerProcess start(String model, List<String> command, Path log) throws IOException {
        List<String> pinned = new ArrayList<>();
        if (Machine.cores() >= 2 && Executables.onPath("taskset").isPresent()) {
            pinned.addAll(List.of("taskset", "-c", "0"));
        }
        pinned.addAll(command);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(pinned).redirectErrorStream(true).start();
        CompletableFuture<Matcher> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("showdown-" + model + "-output").start(() -> copyOutput(process, log, listening));
        try {
            Matcher line = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            ServerProcess server = new ServerProcess(model, process, Integer.parseInt(line.group(2)),
                    Long.parseLong(line.group(3)));
            LIVE.add(server);
            return server;
        } catch (ExecutionException | TimeoutException e) {
            stop(process);
            throw new IOException(model + " did not say it was listening (command: " + String.join(" ", pinned)
                    + "; its output is in " + log + ")", e);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + model + " started", e);
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<Matcher> listening) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintStream out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(line);
                Matcher matcher = LISTENING.matcher(line);
                if (!listening.isDone() && matcher.find()) {
                    listening.complete(matcher);
                }
            }
            listening.completeExceptionally(new IOException("the server exited with status " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            listening.completeExceptionally(e);
        }
    }

    int port() {
        return port;
    }

    /** The server's own PID, as it printed it (a launcher script's child, for instance). */
    long pid() {
        return pid;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server and whatever it started: SIGTERM, and SIGKILL for what is left after 5 s. */
    @Override
    public void close() {
        LIVE.remove(this);
        stop(process);
    }

    private static void stop(Process process) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.addFirst(process.toHandle());
        family.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle handle : family) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return model + " (pid " + pid + ", port " + port + ")";
    }
}
