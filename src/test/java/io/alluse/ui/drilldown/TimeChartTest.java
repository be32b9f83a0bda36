package io.alluse.ui.drilldown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeChartTest {

    @Test
    void niceTicksCoverTheRangeInRoundSteps() {
        double[] t = TimeChart.Ticks.nice(99.4, 101.3, 5);
        assertThat(t[0]).isLessThanOrEqualTo(99.4);
        assertThat(t[t.length - 1]).isGreaterThanOrEqualTo(101.3);
        assertThat(t[1] - t[0]).isEqualTo(0.5);
    }

    @Test
    void axisLabelsHaveTheDecimalsTheirStepNeeds() {
        assertThat(TimeChart.Scale.INDEX.format(100.5, 0.5)).isEqualTo("100.5");
        assertThat(TimeChart.Scale.INDEX.format(100, 0.25)).isEqualTo("100.00");
        assertThat(TimeChart.Scale.INDEX.format(120, 10)).isEqualTo("120");
        assertThat(TimeChart.Scale.PERCENT.format(-0.025, 0.005)).isEqualTo("-2.5%");
        assertThat(TimeChart.Scale.MONEY.format(1_250_000, 250_000)).isEqualTo("$1.25M");
        assertThat(TimeChart.Scale.MONEY.format(-12_000, 1000)).isEqualTo("-$12K");
    }

    @Test
    void dateTicksAreMonthStartsOverMonthsAndYearsOverADecade() {
        List<TimeChart.Ticks.DateTick> months = TimeChart.Ticks.dates((int) LocalDate.of(2031, 1, 15).toEpochDay(),
                (int) LocalDate.of(2031, 7, 20).toEpochDay(), 8);
        assertThat(months).extracting(TimeChart.Ticks.DateTick::label).containsExactly("Feb 31", "Mar 31", "Apr 31", "May 31", "Jun 31", "Jul 31");
        List<TimeChart.Ticks.DateTick> years = TimeChart.Ticks.dates((int) LocalDate.of(2021, 3, 1).toEpochDay(),
                (int) LocalDate.of(2031, 3, 1).toEpochDay(), 8);
        assertThat(years).extracting(TimeChart.Ticks.DateTick::label).startsWith("2022", "2024").hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void aFewDaysAreTickedDayByDaySoASingleCloseHasItsDate() {
        int day = (int) LocalDate.of(2031, 3, 3).toEpochDay();
        assertThat(TimeChart.Ticks.dates(day - 3, day + 3, 11)).extracting(TimeChart.Ticks.DateTick::label)
                .containsExactly("28 Feb", "1 Mar", "2 Mar", "3 Mar", "4 Mar", "5 Mar", "6 Mar");
        assertThat(TimeChart.Ticks.dates(day - 3, day + 3, 3)).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void onlyALineWithExactlyOneValueGetsADot() {
        assertThat(TimeChart.onlyPoint(new double[] {5})).isZero();
        assertThat(TimeChart.onlyPoint(new double[] {Double.NaN, 5, Double.NaN})).isEqualTo(1);
        assertThat(TimeChart.onlyPoint(new double[] {5, 6})).isEqualTo(-1);
        assertThat(TimeChart.onlyPoint(new double[] {})).isEqualTo(-1);
    }

    /**
     * The raster mode keeps only each pixel column's span per line; it must light exactly the
     * pixels a one-pixel polyline through every point would. Reference: a plain Bresenham over
     * every segment, written here independently.
     */
    @Test
    void rasterisedLinesLightTheSamePixelsAsEverySegmentDrawn() {
        java.util.Random random = new java.util.Random(7);
        int w = 300;
        int h = 120;
        List<TimeChart.Line> lines = new java.util.ArrayList<>();
        for (int l = 0; l < 6; l++) {
            int n = 200 + 400 * l;
            int[] days = new int[n];
            double[] values = new double[n];
            double v = 50;
            for (int i = 0; i < n; i++) {
                days[i] = 1000 + i;
                v = Math.max(0, Math.min(100, v + random.nextGaussian() * 3));
                values[i] = i % 97 == 5 ? Double.NaN : v;
            }
            lines.add(TimeChart.Line.solid("line " + l, days, values));
        }
        double sx = (w - 1) / 2200.0;
        double sy = (h - 1) / 100.0;
        int[] actual = new int[w * h];
        int vertices = TimeChart.rasterise(lines, actual, w, h, 1000, 0, sx, sy, h - 1);

        int[] expected = new int[w * h];
        for (int li = lines.size() - 1; li >= 0; li--) {
            TimeChart.Line line = lines.get(li);
            int colour = li + 1;
            int px = -1;
            int py = -1;
            for (int i = 0; i < line.values().length; i++) {
                if (Double.isNaN(line.values()[i])) {
                    continue;
                }
                int x = (int) Math.round((line.epochDays()[i] - 1000) * sx);
                int y = (int) Math.round(h - 1 - line.values()[i] * sy);
                if (px < 0) {
                    plot(expected, w, x, y, colour);
                } else {
                    bresenham(expected, w, px, py, x, y, colour);
                }
                px = x;
                py = y;
            }
        }
        // compare which line owns each pixel: map the chart's colours back to line numbers
        int[] actualOwners = new int[actual.length];
        for (int i = 0; i < actual.length; i++) {
            actualOwners[i] = actual[i] == 0 ? 0 : lineOf(actual[i], lines.size());
        }
        assertThat(actualOwners).isEqualTo(expected);
        assertThat(vertices).isPositive().isLessThanOrEqualTo(2 * w * lines.size());
    }

    private static int lineOf(int argb, int lines) {
        for (int li = 0; li < lines; li++) {
            javafx.scene.paint.Color c = TimeChart.colour(li);
            int expected = 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                    | (int) Math.round(c.getBlue() * 255);
            if (expected == argb) {
                return li + 1;
            }
        }
        return -1;
    }

    private static void plot(int[] pixels, int w, int x, int y, int colour) {
        pixels[y * w + x] = colour;
    }

    private static void bresenham(int[] pixels, int w, int x0, int y0, int x1, int y1, int colour) {
        int dx = Math.abs(x1 - x0);
        int dy = Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx - dy;
        plot(pixels, w, x0, y0, colour);
        while (x0 != x1 || y0 != y1) {
            int e2 = 2 * err;
            if (e2 >= -dy) {
                err -= dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += sy;
            }
            plot(pixels, w, x0, y0, colour);
        }
    }
}
