package io.alluse.bench;

/**
 * @param quick fewer iterations and smaller sizes: for checking that the benchmarks run, not for figures
 */
public record BenchOptions(boolean quick) {
}
