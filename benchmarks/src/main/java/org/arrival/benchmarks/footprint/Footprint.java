package org.arrival.benchmarks.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrival.local.LocalStack;

/**
 * Resident memory and CPU time of each part of the stack, read from {@code /proc}. Memory: VmRSS of every process of
 * the part, summed, and its proportional set size (Pss, from {@code smaps_rollup}), which counts memory shared
 * between processes (PostgreSQL's shared buffers, the JDK's shared archive) once across them rather than once per
 * process; the stack's total is the sum of Pss. CPU: user plus system time of the part's processes (and, for
 * PostgreSQL, of the connections that ended, which its server process collects).
 */
public final class Footprint {

    /** The harness's own JVM: the launcher, the mail catcher, PostgreSQL's starter and the load driver. */
    public static final String HARNESS = "harness JVM (launcher, mail catcher, load driver)";

    public static final String POSTGRES = "postgres (all processes)";

    private Footprint() {}

    /** Memory of one part, in KiB. */
    public record Memory(long rssKib, long pssKib, int processes) {
        Memory plus(Memory other) {
            return new Memory(rssKib + other.rssKib, pssKib + other.pssKib, processes + other.processes);
        }

        public Memory max(Memory other) {
            return new Memory(
                    Math.max(rssKib, other.rssKib),
                    Math.max(pssKib, other.pssKib),
                    Math.max(processes, other.processes));
        }
    }

    /** Every part's memory now, in the order the stack starts them. */
    public static Map<String, Memory> of(LocalStack stack) {
        Map<String, Memory> parts = new LinkedHashMap<>();
        processes(stack).forEach((name, pids) -> parts.put(name, read(pids)));
        return parts;
    }

    /** CPU time every part has used so far, in nanoseconds. */
    public static Map<String, Long> cpu(LocalStack stack) {
        Map<String, Long> parts = new LinkedHashMap<>();
        processes(stack).forEach((name, pids) -> {
            long ticks = 0;
            for (long pid : pids) {
                long[] t = cpuTicks(pid);
                ticks += t[0] + (name.equals(POSTGRES) ? t[1] : 0);
            }
            parts.put(name, ticks * 1_000_000_000L / TICKS_PER_SECOND);
        });
        return parts;
    }

    /** CPU time of each part between two readings. */
    public static Map<String, Long> cpuSince(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new LinkedHashMap<>();
        after.forEach((k, v) -> used.put(k, Math.max(0, v - before.getOrDefault(k, 0L))));
        return used;
    }

    /** Process ids of every part: the harness, PostgreSQL (its processes run the stack's own binaries), the rest. */
    static Map<String, List<Long>> processes(LocalStack stack) {
        Map<String, List<Long>> parts = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        parts.put(HARNESS, List.of(self));
        String binaries = stack.settings().dataDir().resolve("postgres").toString();
        List<Long> postgres = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.startsWith(binaries)).orElse(false))
                .forEach(p -> postgres.add(p.pid()));
        parts.put(POSTGRES, postgres);
        stack.processIds().forEach((name, pids) -> {
            if (!pids.contains(self)) {
                parts.put(name, pids);
            }
        });
        return parts;
    }

    /** The Linux kernel's USER_HZ, the unit of the times in /proc/<pid>/stat: 100 on every common platform. */
    static final long TICKS_PER_SECOND = 100;

    /** {utime + stime, cutime + cstime} of a process in clock ticks; zeros if it is gone. */
    static long[] cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): utime, stime, cutime, cstime are fields 14 to 17
            return new long[] {
                Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])
            };
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The sum of Pss over every part: the stack's memory. */
    public static long totalPssKib(Map<String, Memory> parts, boolean withHarness) {
        return parts.entrySet().stream()
                .filter(e -> withHarness || !e.getKey().equals(HARNESS))
                .mapToLong(e -> e.getValue().pssKib())
                .sum();
    }

    /** The larger of each part's figures in two samples. */
    public static Map<String, Memory> max(Map<String, Memory> a, Map<String, Memory> b) {
        Map<String, Memory> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Memory::max));
        return out;
    }

    static Memory read(List<Long> pids) {
        Memory total = new Memory(0, 0, 0);
        for (long pid : pids) {
            Path proc = Path.of("/proc", Long.toString(pid));
            long rss = field(proc.resolve("status"), "VmRSS:");
            if (rss < 0) {
                continue; // gone, or a kernel thread
            }
            long pss = field(proc.resolve("smaps_rollup"), "Pss:");
            total = total.plus(new Memory(rss, Math.max(pss, 0), 1));
        }
        return total;
    }

    /** A "Name:   123 kB" line of a /proc file, in KiB; -1 if absent or unreadable. */
    static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return parseKib(line.substring(name.length()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static long parseKib(String value) {
        String v = value.strip();
        if (v.endsWith("kB")) {
            v = v.substring(0, v.length() - 2).strip();
        }
        return Long.parseLong(v);
    }
}
