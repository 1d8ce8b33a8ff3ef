package io.oiefilter.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a process from /proc: the whole process (utime + stime of /proc/PID/stat), and its request threads
 * (Payara's "http-thread-pool::..." workers, "http-thread-poo" in /proc's 15-character thread names, and any thread
 * whose name holds "oie", should the filter hand work to threads of its own), each thread's from
 * /proc/PID/task/TID/schedstat (nanoseconds) where the kernel keeps it, else from its stat ticks.
 */
final class ProcessCpu {
    private static final String REQUEST_THREADS = "http-thread-poo";
    private final long pid;
    private final long nanosPerTick;

    ProcessCpu(long pid) {
        this.pid = pid;
        this.nanosPerTick = 1_000_000_000L / clockTicks();
    }

    /** Nanoseconds of CPU the whole process used so far. */
    long process() throws IOException {
        return ticks(Path.of("/proc", String.valueOf(pid), "stat")) * nanosPerTick;
    }

    /** Nanoseconds of CPU its live request threads used so far. */
    long requestThreads() throws IOException {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (isRequestThread(Files.readString(task.resolve("comm")).trim())) {
                        sum += threadNanos(task);
                    }
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return sum;
    }

    /** Payara's request threads, and the filter's own if it has any. */
    static boolean isRequestThread(String name) {
        return name.startsWith(REQUEST_THREADS) || name.toLowerCase(java.util.Locale.ROOT).contains("oie");
    }

    private long threadNanos(Path task) throws IOException {
        Path schedstat = task.resolve("schedstat");
        if (Files.isReadable(schedstat)) {
            return Long.parseLong(Files.readString(schedstat).trim().split("\\s+")[0]);
        }
        return ticks(task.resolve("stat")) * nanosPerTick;
    }

    /** utime + stime: fields 14 and 15, counted after the command name (which may hold spaces) ends with ')'. */
    private static long ticks(Path stat) throws IOException {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100; // Linux's USER_HZ almost everywhere
        }
    }
}
