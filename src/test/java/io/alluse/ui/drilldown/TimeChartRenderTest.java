package io.alluse.ui.drilldown;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The chart drawn for real (headless JavaFX): what reaches the screen is exactly what the chart
 * computed (the raster mode's pixels go through a shared buffer, not a copy), the grid stays one
 * pixel sharp, the legend's labels are reused, and a theme change repaints the axis.
 */
@ExtendWith(ApplicationExtension.class)
class TimeChartRenderTest {

    private TimeChart chart;
    private Scene scene;

    @Start
    void start(Stage stage) {
        chart = new TimeChart(TimeChart.Scale.MONEY, "no data");
        scene = new Scene(new StackPane(chart), 1000, 380);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theScreenShowsExactlyTheRasterisedPixels(FxRobot robot) {
        List<TimeChart.Line> lines = walks(100, 700, 11);
        WritableImage shot = drawAndSnapshot(robot, lines);
        AtomicReference<int[]> computed = new AtomicReference<>();
        int[] width = new int[1];
        robot.interact(() -> {
            computed.set(chart.rasterPixels());
            width[0] = chart.rasterWidth();
        });
        int[] expected = computed.get();
        assertThat(expected).as("100 lines are drawn as pixels").isNotNull();
        int w = width[0];
        int h = expected.length / w;
        Set<Integer> palette = new HashSet<>();
        for (Color c : TimeChart.PALETTE) {
            palette.add(argb(c));
        }
        PixelReader r = shot.getPixelReader();
        int lit = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int shown = r.getArgb((int) TimeChart.LEFT + x, (int) TimeChart.TOP + y);
                int want = expected[y * w + x];
                if (want != 0) {
                    assertThat(Integer.toHexString(shown)).as("pixel %d,%d", x, y).isEqualTo(Integer.toHexString(want));
                    lit++;
                } else {
                    assertThat(palette).as("pixel %d,%d is no line's", x, y).doesNotContain(shown);
                }
            }
        }
        assertThat(lit).as("lines were drawn").isGreaterThan(10_000);
    }

    @Test
    void gridLinesAreOnePixelWideAndEven(FxRobot robot) {
        // one close: a dot mid-plot and the grid everywhere else
        TimeChart.Line one = TimeChart.Line.solid("new", new int[] {20_000}, new double[] {500_000});
        WritableImage shot = drawAndSnapshot(robot, List.of(one));
        int width = (int) shot.getWidth();
        int height = (int) shot.getHeight();
        double plotW = width - TimeChart.LEFT - 14;
        double plotH = height - TimeChart.TOP - 24;
        int cx = (int) (TimeChart.LEFT + plotW / 2);
        int cy = (int) (TimeChart.TOP + plotH / 2);
        PixelReader r = shot.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        int gridRows = 0;
        for (int y = (int) TimeChart.TOP + 2; y < TimeChart.TOP + plotH - 2; y++) {
            boolean fullRow = true;
            for (int x = (int) TimeChart.LEFT + 2; x < TimeChart.LEFT + plotW - 2; x++) {
                if (Math.abs(x - cx) < 8 && Math.abs(y - cy) < 8) {
                    continue;
                }
                int c = r.getArgb(x, y);
                if (c != 0xffffffff) {
                    colours.add(c);
                } else {
                    fullRow = false;
                }
            }
            gridRows += fullRow ? 1 : 0;
        }
        assertThat(gridRows).as("horizontal grid lines").isGreaterThanOrEqualTo(2);
        // the grid colour, and the darker crossing of two grid lines: no half-covered, blurred pixels
        assertThat(colours).hasSizeBetween(1, 2);
    }

    @Test
    void aRefreshReusesTheLegendsLabels(FxRobot robot) {
        robot.interact(() -> chart.setLines(walks(100, 50, 1)));
        List<Node> before = legendEntries();
        assertThat(before).hasSize(13);
        assertThat(((Label) before.get(12)).getText()).isEqualTo("and 88 more");

        List<TimeChart.Line> renamed = new ArrayList<>(walks(100, 50, 2));
        renamed.set(0, new TimeChart.Line("SPY", renamed.get(0).epochDays(), renamed.get(0).values(), true));
        robot.interact(() -> chart.setLines(renamed));
        List<Node> after = legendEntries();
        for (int i = 0; i < 13; i++) {
            assertThat(after.get(i)).as("entry %d is the same label", i).isSameAs(before.get(i));
        }
        assertThat(((Label) after.get(0)).getText()).isEqualTo("SPY");
        assertThat(((Rectangle) ((Label) after.get(0)).getGraphic()).getFill()).isEqualTo(TimeChart.REFERENCE);
        assertThat(((Rectangle) ((Label) after.get(1)).getGraphic()).getFill()).isEqualTo(TimeChart.colour(1));

        robot.interact(() -> chart.setLines(walks(3, 50, 3)));
        List<Node> three = legendEntries();
        assertThat(three).extracting(n -> ((Label) n).getText()).containsExactly("line 1", "line 2", "line 3");
        assertThat(three).allSatisfy(n -> assertThat(((Label) n).getGraphic()).isInstanceOf(Rectangle.class));
        robot.interact(() -> chart.setLines(walks(14, 50, 4)));
        assertThat(legendEntries()).hasSize(13);
        assertThat(((Label) legendEntries().get(12)).getText()).isEqualTo("and 2 more");
        assertThat(((Label) legendEntries().get(12)).getGraphic()).isNull();
    }

    @Test
    void aThemeChangeRepaintsTheAxisInItsColours(FxRobot robot) {
        robot.interact(() -> scene.getStylesheets().setAll(css(".time-chart-axis { -fx-text-fill: #ff0000; }")));
        WritableImage red = drawAndSnapshot(robot, walks(2, 300, 5));
        assertThat(pixelsNear(red, Color.RED)).as("red axis labels").isGreaterThan(20);

        robot.interact(() -> scene.getStylesheets().setAll(css(".time-chart-axis { -fx-text-fill: #00ff00; }")));
        AtomicReference<WritableImage> green = new AtomicReference<>();
        robot.interact(() -> green.set(canvas().snapshot(null, null)));
        assertThat(pixelsNear(green.get(), Color.LIME)).as("green axis labels after the change").isGreaterThan(20);
        assertThat(pixelsNear(green.get(), Color.RED)).as("no red left").isZero();
    }

    private WritableImage drawAndSnapshot(FxRobot robot, List<TimeChart.Line> lines) {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> {
            chart.setLines(lines);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            shot.set(canvas().snapshot(null, null));
        });
        return shot.get();
    }

    private Canvas canvas() {
        return (Canvas) chart.getChildrenUnmodifiable().stream().filter(Canvas.class::isInstance).findFirst().orElseThrow();
    }

    private List<Node> legendEntries() {
        javafx.scene.layout.FlowPane legend = (javafx.scene.layout.FlowPane) chart.getChildrenUnmodifiable().stream()
                .filter(javafx.scene.layout.FlowPane.class::isInstance).findFirst().orElseThrow();
        return List.copyOf(legend.getChildren());
    }

    private static List<TimeChart.Line> walks(int count, int days, long seed) {
        Random random = new Random(seed);
        List<TimeChart.Line> out = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            int[] d = new int[days];
            double[] v = new double[days];
            double value = 500_000;
            for (int i = 0; i < days; i++) {
                d[i] = 19_000 + i;
                value *= 1 + random.nextGaussian() * 0.01;
                v[i] = value;
            }
            out.add(TimeChart.Line.solid("line " + (l + 1), d, v));
        }
        return out;
    }

    private static int pixelsNear(WritableImage image, Color colour) {
        PixelReader r = image.getPixelReader();
        int count = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                Color c = r.getColor(x, y);
                if (Math.abs(c.getRed() - colour.getRed()) < 0.08 && Math.abs(c.getGreen() - colour.getGreen()) < 0.08
                        && Math.abs(c.getBlue() - colour.getBlue()) < 0.08) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String css(String text) {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
