package io.alluse.bench;

/**
 * One group of measurements in the {@code bench} command (pricing, backtest, engine, ...).
 * Targets live here, never in unit tests: these machines are shared and noisy, so a section
 * reports figures and ratios measured in the same run and says whether each met its target.
 */
public interface BenchSection {

    /** Short name used to select the section on the command line, e.g. {@code pricing}. */
    String name();

    void run(BenchReport report, BenchOptions options) throws Exception;
}
