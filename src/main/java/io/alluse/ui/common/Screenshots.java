package io.alluse.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes what a scene shows to a PNG: for the smoke test of an installation and for UI tests. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Must run on the FX thread. */
    public static Path write(Scene scene, Path png) throws IOException {
        WritableImage image = scene.snapshot(null);
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
        return png;
    }
}
