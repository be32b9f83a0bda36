package io.alluse.ui.drilldown;

import java.nio.IntBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A line chart over dates drawn on one canvas: equity curves, normalised overlays, drawdowns.
 * JavaFX's XYChart keeps a node per data point and lays them all out, which takes seconds for 100
 * accounts of ten years; this chart keeps the lines as arrays and draws only what the pixel width
 * can show ({@link Decimation}), so the cost depends on the width, not on the years (DR 0014).
 * Axis and legend text take their colours from the theme through CSS (the legend is made of
 * labels, the axis colour is read from a hidden styled label), so light and dark both read well.
 */
public final class TimeChart extends Region {

    /** How the y axis labels its values. */
    public enum Scale {
        MONEY, INDEX, PERCENT;

        /** {@code v} as an axis label, with as many decimals as ticks {@code step} apart need to differ. */
        public String format(double v, double step) {
            return switch (this) {
                case MONEY -> compactMoney(v);
                case INDEX -> String.format(Locale.ROOT, "%." + decimals(step) + "f", v);
                case PERCENT -> String.format(Locale.ROOT, "%." + decimals(step * 100) + "f%%", v * 100);
            };
        }

        static int decimals(double step) {
            for (int d = 0; d < 4; d++) {
                double scaled = step * Math.pow(10, d);
                if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                    return d;
                }
            }
            return 4;
        }
    }

    /**
     * One line: {@code epochDays} strictly increasing, one value per day.
     *
     * @param dashed for reference lines such as a benchmark
     */
    public record Line(String name, int[] epochDays, double[] values, boolean dashed) {
        public Line {
            Objects.requireNonNull(name, "name");
            if (epochDays.length != values.length) {
                throw new IllegalArgumentException(name + ": one value per day is needed, but there are " + epochDays.length
                        + " days and " + values.length + " values");
            }
        }

        public static Line solid(String name, int[] epochDays, double[] values) {
            return new Line(name, epochDays, values, false);
        }
    }

    /** Distinct on white and on near-black alike. */
    static final Color[] PALETTE = {
            Color.web("#3b82f6"), Color.web("#f59e0b"), Color.web("#10b981"), Color.web("#ef4444"), Color.web("#8b5cf6"),
            Color.web("#06b6d4"), Color.web("#ec4899"), Color.web("#84cc16"), Color.web("#f97316"), Color.web("#6366f1"),
            Color.web("#14b8a6"), Color.web("#eab308")};
    /** Reference lines (benchmarks): a neutral grey that reads on light and dark backgrounds. */
    static final Color REFERENCE = Color.web("#8b949e");
    private static final int LEGEND_ENTRIES = 12;
    /** Above this many points after decimation, lines are drawn as pixels rather than stroked paths. */
    static final int VECTOR_LIMIT = 12_000;
    static final double LEFT = 70;
    private static final double RIGHT = 14;
    static final double TOP = 8;
    private static final double BOTTOM = 24;

    private final Canvas canvas = new Canvas();
    private final FlowPane legend = new FlowPane(14, 4);
    private final Label themeProbe = new Label();
    private final Label empty = new Label();
    private final Scale scale;
    private final Font font = Font.font(11);
    private List<Line> lines = List.of();
    private boolean zeroLine;
    private int drawnPoints;
    private boolean rasterised;
    private double drawnWidth = -1;
    private double drawnHeight = -1;
    /** The raster mode's pixels and the image showing them, kept between paints of the same size (FX thread only). */
    private int[] pixels;
    private PixelBuffer<IntBuffer> pixelBuffer;
    private WritableImage image;

    public TimeChart(Scale scale, String emptyText) {
        this.scale = scale;
        getStyleClass().add("time-chart");
        legend.getStyleClass().add("time-chart-legend");
        legend.setPadding(new Insets(0, 0, 4, LEFT));
        themeProbe.getStyleClass().add("time-chart-axis");
        themeProbe.setManaged(false);
        themeProbe.setVisible(false);
        // a theme switch restyles the probe: repaint, so the axis text and grid follow at once
        themeProbe.textFillProperty().addListener((o, was, now) -> invalidate());
        empty.setText(emptyText);
        empty.getStyleClass().add("time-chart-empty");
        empty.setManaged(false);
        getChildren().addAll(canvas, legend, themeProbe, empty);
        setMinHeight(160);
        setPrefHeight(280);
        setPrefWidth(600);
    }

    /** Draws a line at zero (drawdown charts). */
    public void setZeroLine(boolean show) {
        zeroLine = show;
        invalidate();
    }

    public void setLines(List<Line> lines) {
        this.lines = List.copyOf(lines);
        updateLegend();
        empty.setVisible(this.lines.stream().allMatch(l -> l.values().length == 0));
        invalidate();
    }

    /**
     * Keeps the legend's labels and only changes their text and swatch: a refresh of the same accounts
     * (the usual case) then creates no node and needs no new CSS pass or skin.
     */
    private void updateLegend() {
        int shown = Math.min(lines.size(), LEGEND_ENTRIES);
        boolean more = lines.size() > LEGEND_ENTRIES;
        List<javafx.scene.Node> entries = legend.getChildren();
        int wanted = shown + (more ? 1 : 0);
        if (entries.size() > wanted) {
            entries.subList(wanted, entries.size()).clear();
        }
        while (entries.size() < wanted) {
            Label entry = new Label();
            entry.getStyleClass().add("time-chart-legend-entry");
            entries.add(entry);
        }
        for (int i = 0; i < shown; i++) {
            Label entry = (Label) entries.get(i);
            entry.setText(lines.get(i).name());
            Color fill = lines.get(i).dashed() ? REFERENCE : colour(i);
            if (entry.getGraphic() instanceof Rectangle swatch) {
                swatch.setFill(fill);
            } else {
                entry.setGraphic(new Rectangle(14, 3, fill));
            }
        }
        if (more) {
            Label entry = (Label) entries.get(shown);
            entry.setGraphic(null);
            entry.setText("and " + (lines.size() - LEGEND_ENTRIES) + " more");
        }
    }

    public List<Line> lines() {
        return lines;
    }

    /** Points actually drawn in the last paint (after decimation): for tests and the bench. */
    public int drawnPoints() {
        return drawnPoints;
    }

    /** Whether the last paint drew the lines as pixels (many lines) rather than stroked paths. */
    public boolean rasterised() {
        return rasterised;
    }

    /** The raster mode's pixels as last painted (ARGB, plot width x height), or null if none: for tests. */
    int[] rasterPixels() {
        return rasterised && pixels != null ? pixels.clone() : null;
    }

    /** The width of {@link #rasterPixels()}' rows. */
    int rasterWidth() {
        return image == null ? 0 : (int) image.getWidth();
    }

    private void invalidate() {
        drawnWidth = -1;
        requestLayout();
    }

    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double legendHeight = legend.getChildren().isEmpty() ? 0 : legend.prefHeight(w);
        legend.resizeRelocate(x0, y0, w, legendHeight);
        double ch = Math.max(0, h - legendHeight);
        canvas.relocate(x0, y0 + legendHeight);
        empty.autosize();
        empty.relocate(x0 + (w - empty.getWidth()) / 2, y0 + legendHeight + (ch - empty.getHeight()) / 2);
        if (canvas.getWidth() != w || canvas.getHeight() != ch || drawnWidth != w || drawnHeight != ch) {
            canvas.setWidth(w);
            canvas.setHeight(ch);
            paint();
            drawnWidth = w;
            drawnHeight = ch;
        }
    }

    /** Draws everything now at the current size; layout calls it, the bench calls it directly. */
    void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        drawnPoints = 0;
        rasterised = false;
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        if (plotW < 10 || plotH < 10) {
            return;
        }
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Line line : lines) {
            int[] d = line.epochDays();
            if (d.length == 0) {
                continue;
            }
            xMin = Math.min(xMin, d[0]);
            xMax = Math.max(xMax, d[d.length - 1]);
            for (double v : line.values()) {
                if (v < yMin) {
                    yMin = v;
                }
                if (v > yMax) {
                    yMax = v;
                }
            }
        }
        if (xMin == Double.POSITIVE_INFINITY || yMin == Double.POSITIVE_INFINITY) {
            return;
        }
        if (zeroLine) {
            yMin = Math.min(yMin, 0);
            yMax = Math.max(yMax, 0);
        }
        if (xMax == xMin) {
            // one day (a brand-new account's first close): a week around it, so the point sits mid-plot under its date
            xMin -= 3;
            xMax += 3;
        }
        double[] ticks = Ticks.nice(yMin, yMax, Math.max(2, (int) (plotH / 50)));
        yMin = Math.min(yMin, ticks[0]);
        yMax = Math.max(yMax, ticks[ticks.length - 1]);
        if (yMax == yMin) {
            yMax = yMin + 1;
        }
        Paint text = themeProbe.getTextFill() == null ? Color.GRAY : themeProbe.getTextFill();
        Color grid = text instanceof Color c ? c.deriveColor(0, 1, 1, 0.22) : Color.gray(0.5, 0.22);
        g.setFont(font);
        g.setLineWidth(1);
        g.setLineDashes();
        // grid lines are one-pixel rectangles, not stroked lines: the software pipeline fills an
        // axis-aligned rectangle directly, while a stroke goes through its anti-aliasing rasteriser
        // row by row (most of the render thread's time for a full-height line, docs/performance.md)
        // horizontal grid and y labels
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : ticks) {
            double y = snap(TOP + plotH - (t - yMin) / (yMax - yMin) * plotH);
            g.setFill(grid);
            g.fillRect(LEFT, y - 0.5, plotW, 1);
            g.setFill(text);
            g.fillText(scale.format(t, ticks.length > 1 ? ticks[1] - ticks[0] : 1), LEFT - 6, y);
        }
        if (zeroLine) {
            double y = snap(TOP + plotH - (0 - yMin) / (yMax - yMin) * plotH);
            g.setFill(text);
            g.fillRect(LEFT, y - 0.5, plotW, 1);
        }
        // x labels
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (Ticks.DateTick t : Ticks.dates((int) xMin, (int) xMax, Math.max(2, (int) (plotW / 90)))) {
            double x = snap(LEFT + (t.epochDay() - xMin) / (xMax - xMin) * plotW);
            g.setFill(grid);
            g.fillRect(x - 0.5, TOP, 1, plotH);
            g.setFill(text);
            // a tick at the plot's right edge would have half its label cut off by the canvas
            g.setTextAlign(x > LEFT + plotW - 25 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(t.label(), x > LEFT + plotW - 25 ? Math.min(w - 2, x + RIGHT) : x, TOP + plotH + 5);
        }
        // lines, the first drawn last so it stays on top
        int columns = (int) Math.ceil(plotW);
        double sx = plotW / (xMax - xMin);
        double sy = plotH / (yMax - yMin);
        // at most what M4 keeps: decides the drawing mode before any line is reduced
        long atMost = 0;
        for (Line line : lines) {
            atMost += Math.min(line.epochDays().length, 4L * (columns + 1));
        }
        if (atMost > VECTOR_LIMIT) {
            drawnPoints = raster(g, xMin, yMin, sx, sy, plotW, plotH);
            rasterised = true;
            drawnPoints += dots(g, xMin, yMin, sx, sy, plotH);
            return;
        }
        Decimation.Points[] reduced = new Decimation.Points[lines.size()];
        int total = 0;
        for (int li = 0; li < lines.size(); li++) {
            Line line = lines.get(li);
            int n = line.epochDays().length;
            double[] xs = new double[n];
            int[] d = line.epochDays();
            for (int i = 0; i < n; i++) {
                xs[i] = d[i];
            }
            reduced[li] = Decimation.m4(xs, line.values(), xMin, xMax, columns);
            total += reduced[li].size();
        }
        drawnPoints = total;
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP - 1, plotW, plotH + 2);
        g.clip();
        g.setLineWidth(1.5);
        for (int li = lines.size() - 1; li >= 0; li--) {
            Decimation.Points p = reduced[li];
            if (p.size() == 0) {
                continue;
            }
            boolean dashed = lines.get(li).dashed();
            g.setStroke(dashed ? REFERENCE : colour(li));
            if (dashed) {
                g.setLineDashes(6, 4);
            } else {
                g.setLineDashes();
            }
            g.beginPath();
            for (int i = 0; i < p.size(); i++) {
                double x = LEFT + (p.x()[i] - xMin) * sx;
                double y = TOP + plotH - (p.y()[i] - yMin) * sy;
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
        g.restore();
        dots(g, xMin, yMin, sx, sy, plotH);
    }

    /**
     * A line of one point strokes nothing: each such line gets a dot instead, so a brand-new account's
     * first close shows. Returns how many dots were drawn.
     */
    private int dots(GraphicsContext g, double xMin, double yMin, double sx, double sy, double plotH) {
        int drawn = 0;
        g.setLineDashes();
        for (int li = lines.size() - 1; li >= 0; li--) {
            Line line = lines.get(li);
            int only = onlyPoint(line.values());
            if (only < 0) {
                continue;
            }
            double x = LEFT + (line.epochDays()[only] - xMin) * sx;
            double y = TOP + plotH - (line.values()[only] - yMin) * sy;
            double r = line.dashed() ? 3 : 4;
            g.setFill(line.dashed() ? REFERENCE : colour(li));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            drawn++;
        }
        return drawn;
    }

    /** The index of the line's one value if it has exactly one that is not NaN, else -1 (stops at the second). */
    static int onlyPoint(double[] values) {
        int found = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /**
     * Many lines (a portfolio of accounts): one-pixel lines written straight into an image and drawn
     * once. Stroking tens of thousands of anti-aliased segments costs the renderer far more than the
     * frame has (see docs/performance.md); at that density anti-aliasing would not be seen anyway.
     * One pass over each line's points, no per-point allocation: points falling into the same pixel
     * column only widen that column's vertical span (its min and max), and a segment joins each
     * column's last point to the next column's first, which draws exactly the pixels the one-pixel
     * polyline through all the points would.
     *
     * @return the vertices drawn: one or two (min and max) per pixel column a line touches
     */
    private int raster(GraphicsContext g, double xMin, double yMin, double sx, double sy, double plotW, double plotH) {
        int w = (int) Math.ceil(plotW);
        int h = (int) Math.ceil(plotH) + 1;
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            pixels = new int[w * h];
            // the image reads the array itself (opaque colours are the same in ARGB and premultiplied
            // ARGB): no copy or format conversion on this thread, and one image per size, not per paint
            pixelBuffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixelBuffer);
        } else {
            java.util.Arrays.fill(pixels, 0);
        }
        int vertices = rasterise(lines, pixels, w, h, xMin, yMin, sx, sy, plotH);
        pixelBuffer.updateBuffer(b -> null);
        g.drawImage(image, LEFT, TOP);
        return vertices;
    }

    /**
     * Writes {@code lines} (the first on top) as one-pixel lines into {@code pixels} ({@code w} x
     * {@code h}, row by row, already cleared); x in epoch days maps to {@code (x - xMin) * sx}, y to
     * {@code plotH - (y - yMin) * sy}. Returns the vertices drawn.
     */
    static int rasterise(List<Line> lines, int[] pixels, int w, int h, double xMin, double yMin, double sx, double sy, double plotH) {
        int vertices = 0;
        for (int li = lines.size() - 1; li >= 0; li--) {
            Line line = lines.get(li);
            int[] days = line.epochDays();
            double[] values = line.values();
            int argb = line.dashed() ? argb(REFERENCE) : argb(colour(li));
            boolean started = false;
            int column = 0;
            int low = 0;
            int high = 0;
            int last = 0;
            for (int i = 0; i < days.length; i++) {
                double v = values[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                int x = (int) Math.round((days[i] - xMin) * sx);
                int y = (int) Math.round(plotH - (v - yMin) * sy);
                if (started && x == column) {
                    low = Math.min(low, y);
                    high = Math.max(high, y);
                    last = y;
                    continue;
                }
                if (started) {
                    span(pixels, w, h, column, low, high, argb);
                    vertices += low == high ? 1 : 2;
                    segment(pixels, w, h, column, last, x, y, argb);
                }
                started = true;
                column = x;
                low = y;
                high = y;
                last = y;
            }
            if (started) {
                span(pixels, w, h, column, low, high, argb);
                vertices += low == high ? 1 : 2;
            }
        }
        return vertices;
    }

    /** The pixels of column {@code x} from {@code y0} to {@code y1}, clipped to the image. */
    private static void span(int[] pixels, int w, int h, int x, int y0, int y1, int argb) {
        if (x < 0 || x >= w) {
            return;
        }
        for (int y = Math.max(0, y0), end = Math.min(h - 1, y1); y <= end; y++) {
            pixels[y * w + x] = argb;
        }
    }

    private static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /** Bresenham: every pixel of the segment, clipped to the image. */
    private static void segment(int[] pixels, int w, int h, int x0, int y0, int x1, int y1, int argb) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int stepX = x0 < x1 ? 1 : -1;
        int stepY = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        while (true) {
            if (x0 >= 0 && x0 < w && y0 >= 0 && y0 < h) {
                pixels[y0 * w + x0] = argb;
            }
            if (x0 == x1 && y0 == y1) {
                return;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x0 += stepX;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += stepY;
            }
        }
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    /** {@code $1.25M}, {@code $750K}, {@code -$12K}: axis labels stay short. */
    static String compactMoney(double dollars) {
        double a = Math.abs(dollars);
        String sign = dollars < 0 ? "-" : "";
        if (a >= 1e9) {
            return sign + "$" + trim(a / 1e9) + "B";
        }
        if (a >= 1e6) {
            return sign + "$" + trim(a / 1e6) + "M";
        }
        if (a >= 1e3) {
            return sign + "$" + trim(a / 1e3) + "K";
        }
        return sign + "$" + trim(a);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Axis tick positions. */
    static final class Ticks {

        record DateTick(int epochDay, String label) {
        }

        private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60};
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);
        private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ROOT);
        private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

        private Ticks() {
        }

        /** Round values (1, 2, 2.5, 5 x 10^k apart) covering [min, max] with about {@code count} steps. */
        static double[] nice(double min, double max, int count) {
            if (max <= min) {
                double pad = Math.abs(min) > 0 ? Math.abs(min) * 0.01 : 1;
                min -= pad;
                max += pad;
            }
            double raw = (max - min) / count;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = mag;
            for (double f : new double[] {1, 2, 2.5, 5, 10}) {
                step = f * mag;
                if (step >= raw) {
                    break;
                }
            }
            double first = Math.floor(min / step) * step;
            double last = Math.ceil(max / step) * step;
            int k = (int) Math.round((last - first) / step);
            double[] ticks = new double[k + 1];
            for (int i = 0; i <= k; i++) {
                ticks[i] = first + i * step;
            }
            return ticks;
        }

        /** Month (or week) starts between the two days, at most {@code max} of them. */
        static List<DateTick> dates(int fromDay, int toDay, int max) {
            List<DateTick> out = new ArrayList<>();
            LocalDate from = LocalDate.ofEpochDay(fromDay);
            LocalDate to = LocalDate.ofEpochDay(toDay);
            long span = toDay - fromDay;
            if (span <= 14) {
                // a few days (a new account): day by day, so the one close present has its date under it
                int stepDays = (int) Math.max(1, Math.ceil((double) (span + 1) / max));
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(stepDays)) {
                    out.add(new DateTick((int) d.toEpochDay(), DAY.format(d)));
                }
                return out;
            }
            if (span <= 75) {
                int stepDays = 7 * (int) Math.max(1, Math.ceil(span / 7.0 / max));
                LocalDate d = from.plusDays((8 - from.getDayOfWeek().getValue()) % 7);
                for (; !d.isAfter(to); d = d.plusDays(stepDays)) {
                    out.add(new DateTick((int) d.toEpochDay(), DAY.format(d)));
                }
                return out;
            }
            long months = span / 30;
            int step = MONTH_STEPS[MONTH_STEPS.length - 1];
            for (int s : MONTH_STEPS) {
                if (months / s <= max) {
                    step = s;
                    break;
                }
            }
            DateTimeFormatter f = step >= 12 ? YEAR : MONTH;
            LocalDate d = from.withDayOfMonth(1).plusMonths(1);
            if (step >= 12) {
                d = LocalDate.of(from.getYear() + 1, 1, 1);
            } else {
                while ((d.getMonthValue() - 1) % step != 0) {
                    d = d.plusMonths(1);
                }
            }
            for (; !d.isAfter(to); d = d.plusMonths(step)) {
                out.add(new DateTick((int) d.toEpochDay(), f.format(d)));
            }
            return out;
        }
    }
}
