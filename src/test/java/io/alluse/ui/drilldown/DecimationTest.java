package io.alluse.ui.drilldown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DecimationTest {

    /** The reference: each pixel column's min and max straight from the raw points, computed without the M4 code. */
    @Property(tries = 200)
    void keepsEveryColumnsExtremesAndOrderAndNoMoreThanFourPointsPerColumn(@ForAll @IntRange(min = 1, max = 5000) int n,
                                                                           @ForAll @IntRange(min = 1, max = 400) int columns,
                                                                           @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double walk = 100;
        for (int i = 0; i < n; i++) {
            x[i] = i * 1.0 + (i > 0 && random.nextInt(5) == 0 ? 3 : 0) + (i > 0 ? x[i - 1] - (i - 1) : 0);
            walk += random.nextGaussian();
            y[i] = walk;
        }
        double xMin = x[0];
        double xMax = x[n - 1];
        Decimation.Points p = Decimation.m4(x, y, xMin, xMax, columns);

        assertThat(p.size()).isLessThanOrEqualTo(Math.min(n, 4 * (columns + 1)));
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.x()[i]).as("original order").isGreaterThan(p.x()[i - 1]);
        }
        double[] min = new double[columns + 1];
        double[] max = new double[columns + 1];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double scale = xMax > xMin ? columns / (xMax - xMin) : 0;
        for (int i = 0; i < n; i++) {
            int c = Math.min(columns, (int) ((x[i] - xMin) * scale));
            min[c] = Math.min(min[c], y[i]);
            max[c] = Math.max(max[c], y[i]);
        }
        double[] keptMin = new double[columns + 1];
        double[] keptMax = new double[columns + 1];
        java.util.Arrays.fill(keptMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(keptMax, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < p.size(); i++) {
            int c = Math.min(columns, (int) ((p.x()[i] - xMin) * scale));
            keptMin[c] = Math.min(keptMin[c], p.y()[i]);
            keptMax[c] = Math.max(keptMax[c], p.y()[i]);
        }
        assertThat(keptMin).containsExactly(min);
        assertThat(keptMax).containsExactly(max);
        // the line still starts and ends where the data does
        assertThat(p.x()[0]).isEqualTo(x[0]);
        assertThat(p.x()[p.size() - 1]).isEqualTo(x[n - 1]);
    }

    /**
     * The same brute-force reference with gaps (NaN values) and a view narrower than the data (points
     * left of it share one bin, points right of it the last column): every column's lowest and highest
     * value survive exactly, no NaN is kept, and the first and last values present are kept.
     */
    @Property(tries = 200)
    void keepsExtremesWithGapsAndPointsOutsideTheView(@ForAll @IntRange(min = 1, max = 4000) int n,
                                                      @ForAll @IntRange(min = 1, max = 300) int columns,
                                                      @ForAll @IntRange(min = 0, max = 60) int nanPercent,
                                                      @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double walk = 0;
        for (int i = 0; i < n; i++) {
            x[i] = (i == 0 ? 0 : x[i - 1]) + 1 + random.nextInt(3);
            walk += random.nextGaussian();
            y[i] = random.nextInt(100) < nanPercent ? Double.NaN : walk;
        }
        double xMin = x[0] + random.nextDouble() * (x[n - 1] - x[0]) / 3;
        double xMax = x[n - 1] - random.nextDouble() * (x[n - 1] - x[0]) / 3;
        Decimation.Points p = Decimation.m4(x, y, xMin, xMax, columns);

        double scale = xMax > xMin ? columns / (xMax - xMin) : 0;
        // index 0 is "left of the view", index c + 1 is column c
        double[] min = new double[columns + 2];
        double[] max = new double[columns + 2];
        double[] keptMin = new double[columns + 2];
        double[] keptMax = new double[columns + 2];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(keptMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(keptMax, Double.NEGATIVE_INFINITY);
        int firstPresent = -1;
        int lastPresent = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            firstPresent = firstPresent < 0 ? i : firstPresent;
            lastPresent = i;
            int c = slot(x[i], xMin, scale, columns);
            min[c] = Math.min(min[c], y[i]);
            max[c] = Math.max(max[c], y[i]);
        }
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.y()[i]).as("no gap is drawn as a point").isNotNaN();
            int c = slot(p.x()[i], xMin, scale, columns);
            keptMin[c] = Math.min(keptMin[c], p.y()[i]);
            keptMax[c] = Math.max(keptMax[c], p.y()[i]);
        }
        assertThat(keptMin).containsExactly(min);
        assertThat(keptMax).containsExactly(max);
        if (firstPresent < 0) {
            assertThat(p.size()).isZero();
        } else {
            assertThat(p.x()[0]).isEqualTo(x[firstPresent]);
            assertThat(p.x()[p.size() - 1]).isEqualTo(x[lastPresent]);
        }
    }

    private static int slot(double x, double xMin, double scale, int columns) {
        int c = (int) ((x - xMin) * scale);
        return c < 0 ? 0 : Math.min(columns, c) + 1;
    }

    @Test
    void tenYearsOnEightHundredPixelsBecomeAtMostFourPointsAPixel() {
        int n = 2520;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 7.0) * 1000 + i;
        }
        Decimation.Points p = Decimation.m4(x, y, 0, n - 1, 300);
        assertThat(p.size()).isBetween(300, 4 * 301);
    }

    @Test
    void skipsMissingValuesAndRefusesMismatchedArrays() {
        Decimation.Points p = Decimation.m4(new double[] {1, 2, 3}, new double[] {5, Double.NaN, 7}, 1, 3, 100);
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.y()[1]).isEqualTo(7);
        assertThatThrownBy(() -> Decimation.m4(new double[] {1, 2}, new double[] {1}, 1, 2, 10))
                .hasMessageContaining("2 x and 1 y");
    }
}
