package io.alluse.market.sim;

import java.nio.charset.StandardCharsets;

/**
 * Random numbers as a pure function of a counter: the draw for (seed, stream, index) is the
 * same whichever thread asks, in whatever order, however often. Built on SplitMix64's
 * finaliser, a strong 64-bit mixing function. Normal draws use Box-Muller with
 * {@link StrictMath}, whose results are specified bit for bit, so a seed reproduces the same
 * path on every JVM and processor.
 */
final class CounterRandom {

    private static final double TWO_PI = 2.0 * Math.PI;
    private static final double UNIT = 0x1.0p-53;

    private CounterRandom() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A stable 64-bit code for a name (FNV-1a); unlike hashCode it is meant to be mixed further. */
    static long code(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A standard normal draw for the counter (seed, stream, a, b). */
    static double gaussian(long seed, long stream, long a, long b) {
        long h = mix(mix(mix(mix(seed + 0x9e3779b97f4a7c15L) ^ stream) ^ a) ^ b);
        long h2 = mix(h ^ 0x632be59bd9b4e019L);
        double u1 = ((h >>> 11) + 1) * UNIT;    // (0, 1]: log never sees zero
        double u2 = (h2 >>> 11) * UNIT;         // [0, 1)
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
    }
}
