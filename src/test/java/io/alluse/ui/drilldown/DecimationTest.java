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
