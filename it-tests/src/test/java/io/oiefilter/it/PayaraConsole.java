package io.oiefilter.it;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Payara Micro's console, which the Arquillian container copies line by line to this JVM's
 * {@code System.out}: while installed, the lines a test asks for are kept (and still printed), so
 * that it can read what the app logged. Lines arrive asynchronously, shortly after the request.
 */
final class PayaraConsole extends PrintStream implements AutoCloseable {
    private final PrintStream original;
    private final Predicate<String> keep;
    private final List<String> lines = new ArrayList<>();

    private PayaraConsole(PrintStream original, Predicate<String> keep) {
        super((OutputStream) original, true);
        this.original = original;
        this.keep = keep;
    }

    /** Starts keeping the lines that {@code keep} accepts. */
    static PayaraConsole tap(Predicate<String> keep) {
        PayaraConsole tap = new PayaraConsole(System.out, keep);
        System.setOut(tap);
        return tap;
    }

    @Override
    public void println(String x) {
        if (x != null && keep.test(x)) {
            synchronized (lines) {
                lines.add(x);
            }
        }
        super.println(x);
    }

    /** How many lines are kept so far: a mark for {@link #between}. */
    int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    List<String> between(int from, int to) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.min(from, lines.size()), Math.min(to, lines.size())));
        }
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
