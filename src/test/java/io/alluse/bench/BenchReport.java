package io.alluse.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects figures as they are measured, prints each at once and a summary table at the end. */
public final class BenchReport {

    /** One measured figure; {@code target} is null when the figure is informational. */
    public record Figure(String section, String name, double value, String unit, Target target) {
        public boolean met() {
            return target == null || target.isMet(value);
        }
    }

    /** A bound on a figure: {@code value <= limit} or {@code value >= limit}. */
    public record Target(boolean atMost, double limit) {
        public static Target atMost(double limit) {
            return new Target(true, limit);
        }

        public static Target atLeast(double limit) {
            return new Target(false, limit);
        }

        boolean isMet(double value) {
            return atMost ? value <= limit : value >= limit;
        }

        @Override
        public String toString() {
            return (atMost ? "<= " : ">= ") + format(limit);
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final PrintStream out;
    private String section = "";

    public BenchReport(PrintStream out) {
        this.out = out;
    }

    void beginSection(String name) {
        section = name;
        out.println();
        out.println("== " + name);
    }

    public void figure(String name, double value, String unit) {
        add(new Figure(section, name, value, unit, null));
    }

    public void figure(String name, double value, String unit, Target target) {
        add(new Figure(section, name, value, unit, target));
    }

    public void note(String text) {
        out.println("   " + text);
    }

    private void add(Figure f) {
        figures.add(f);
        out.printf(Locale.ROOT, "   %-58s %14s %-10s %s%n", f.name(), format(f.value()), f.unit(),
                f.target() == null ? "" : (f.met() ? "ok   (target " : "MISS (target ") + f.target() + ")");
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    void printSummary() {
        long missed = figures.stream().filter(f -> !f.met()).count();
        long targeted = figures.stream().filter(f -> f.target() != null).count();
        out.println();
        out.printf(Locale.ROOT, "== summary: %d figures, %d with targets, %d missed%n", figures.size(), targeted, missed);
        figures.stream().filter(f -> !f.met()).forEach(f ->
                out.printf(Locale.ROOT, "   MISS %s / %s: %s %s (target %s)%n", f.section(), f.name(), format(f.value()), f.unit(), f.target()));
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.1f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
