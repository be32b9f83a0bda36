package io.alluse.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WindowIconsTest {

    @Start
    void start(Stage stage) {
        // the FX toolkit must be up to decode images; no window is needed
    }

    @Test
    void everySizeDecodesAtItsOwnSizeAndShowsTheDrawing() {
        List<Image> icons = WindowIcons.load();

        assertThat(icons).extracting(i -> (int) i.getWidth()).containsExactlyElementsOf(WindowIcons.SIZES);
        assertThat(icons).allSatisfy(i -> {
            assertThat(i.isError()).isFalse();
            assertThat(i.getHeight()).isEqualTo(i.getWidth());
        });
        // the 16 px one still has the dark tile in the middle and transparent rounded corners
        PixelReader small = icons.getFirst().getPixelReader();
        assertThat(small.getColor(0, 0).getOpacity()).isLessThan(0.5);
        assertThat(small.getColor(8, 8).getOpacity()).isGreaterThan(0.9);
    }

    @Test
    void windowIconsAreTheOnesGeneratedFromTheSvg() throws Exception {
        // icons/generate.sh writes both; a hand-edited or stale copy would show a different icon in the window than in the installers
        for (int size : WindowIcons.SIZES) {
            Path generated = Path.of("icons/png/alluse-workstation-" + size + ".png");
            Path resource = Path.of("src/main/resources").resolve(WindowIcons.resource(size).substring(1));
            assertThat(Files.mismatch(generated, resource)).as("%s vs %s", generated, resource).isEqualTo(-1L);
        }
    }
}
