package io.alluse.ui.drilldown;

import java.util.Arrays;

/**
 * Cuts a long line down to what a plot of a given pixel width can show, without changing how it
 * looks: for every pixel column it keeps the first, lowest, highest and last point (the "M4"
 * reduction), so spikes and drawdowns survive however many days fall into one column. Ten years of
 * daily points on an 800-pixel chart become at most 3,200 points, usually far fewer.
 */
public final class Decimation {

    private Decimation() {
    }

    /** The kept points, in their original order; {@code x} as given, so drawing code maps them once. */
    public record Points(double[] x, double[] y, int size) {
    }

    /**
     * @param x       strictly increasing
     * @param y       one value per x; NaN values are skipped
     * @param xMin    the x drawn at pixel 0
     * @param xMax    the x drawn at pixel {@code columns}
     * @param columns the plot's width in pixels (at least 1)
     */
    public static Points m4(double[] x, double[] y, double xMin, double xMax, int columns) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("one y per x is needed, but there are " + x.length + " x and " + y.length + " y");
        }
        int n = x.length;
        if (n <= 4L * Math.max(1, columns)) {
            return copyWithoutNaN(x, y);
        }
        double scale = xMax > xMin ? columns / (xMax - xMin) : 0;
        double[] ox = new double[4 * (columns + 1) + 4];
        double[] oy = new double[ox.length];
        int out = 0;
        int i = 0;
        while (i < n) {
            if (Double.isNaN(y[i])) {
                i++;
                continue;
            }
            int column = column(x[i], xMin, scale, columns);
            int first = i;
            int min = i;
            int max = i;
            int last = i;
            i++;
            while (i < n && column(x[i], xMin, scale, columns) == column) {
                if (!Double.isNaN(y[i])) {
                    if (y[i] < y[min]) {
                        min = i;
                    }
                    if (y[i] > y[max]) {
                        max = i;
                    }
                    last = i;
                }
                i++;
            }
            int[] keep = sortedDistinct(first, min, max, last);
            for (int k : keep) {
                if (out == ox.length) {
                    ox = Arrays.copyOf(ox, out * 2);
                    oy = Arrays.copyOf(oy, out * 2);
                }
                ox[out] = x[k];
                oy[out] = y[k];
                out++;
            }
        }
        return new Points(ox, oy, out);
    }

    private static int column(double x, double xMin, double scale, int columns) {
        int c = (int) ((x - xMin) * scale);
        return c < 0 ? -1 : Math.min(c, columns);
    }

    private static int[] sortedDistinct(int a, int b, int c, int d) {
        int[] v = {a, b, c, d};
        Arrays.sort(v);
        int n = 1;
        for (int k = 1; k < 4; k++) {
            if (v[k] != v[n - 1]) {
                v[n++] = v[k];
            }
        }
        return n == 4 ? v : Arrays.copyOf(v, n);
    }

    private static Points copyWithoutNaN(double[] x, double[] y) {
        double[] ox = new double[x.length];
        double[] oy = new double[y.length];
        int out = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                ox[out] = x[i];
                oy[out] = y[i];
                out++;
            }
        }
        return new Points(ox, oy, out);
    }
}
