package dev.spindle.bench.showdown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the showdown ran on: cores, the open-files limit, the CPU, the kernel's TCP settings that matter here. */
final class Machine {

    private Machine() {}

    /** The machine's online CPUs, whatever this process is pinned to. */
    static int cores() {
        String online = read(Path.of("/sys/devices/system/cpu/online"));
        if (online.isEmpty()) {
            return Runtime.getRuntime().availableProcessors();
        }
        int count = 0;
        for (String range : online.split(",")) {
            String[] ends = range.split("-");
            count += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return count;
    }

    /** The soft limit of open files of this process (servers started from it inherit it); -1 when unknown. */
    static long openFilesLimit() {
        for (String line : read(Path.of("/proc/self/limits")).split("\n")) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return -1;
    }

    /** The facts for the report. */
    static Map<String, Object> describe() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cores", cores());
        facts.put("cpu", cpuModel());
        facts.put("kernel", read(Path.of("/proc/sys/kernel/osrelease")));
        facts.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        facts.put("openFilesLimit", openFilesLimit());
        facts.put("somaxconn", read(Path.of("/proc/sys/net/core/somaxconn")));
        facts.put("tcpAbortOnOverflow", read(Path.of("/proc/sys/net/ipv4/tcp_abort_on_overflow")));
        facts.put("tcpSynRetries", read(Path.of("/proc/sys/net/ipv4/tcp_syn_retries")));
        facts.put("jvmFlags", String.join(" ", Launcher.JVM_FLAGS));
        return facts;
    }

    private static String cpuModel() {
        for (String line : read(Path.of("/proc/cpuinfo")).split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    static String read(Path file) {
        try {
            // Not Files.readString: /proc and /sys files report a size that is no guide to their length.
            return String.join("\n", Files.readAllLines(file)).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Lines of {@code file}, or none when it cannot be read. */
    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
