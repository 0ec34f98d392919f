package org.arrival.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the figures were taken on, and how busy it was. */
final class Machine {

    private Machine() {}

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryGiB(memory) + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** The 1-minute load average: runnable processes, to compare with the number of cores. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String memoryGiB(String memTotal) {
        try {
            return Long.toString(
                    Math.round(Long.parseLong(memTotal.replace("kB", "").strip()) / 1024.0 / 1024.0));
        } catch (NumberFormatException e) {
            return "?";
        }
    }
}
