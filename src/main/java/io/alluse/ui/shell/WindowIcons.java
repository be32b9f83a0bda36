package io.alluse.ui.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The app icon for window title bars, task bars and Alt-Tab, in several sizes so the window
 * manager need not scale one. Made from icons/alluse-workstation.svg by icons/generate.sh.
 */
final class WindowIcons {

    static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private WindowIcons() {
    }

    /** Every size found on the class path; none is fatal, the window then keeps the platform's icon. */
    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = WindowIcons.class.getResourceAsStream(resource(size))) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // a missing size is harmless: the window manager scales another
            }
        }
        return icons;
    }

    static String resource(int size) {
        return "/io/alluse/ui/icons/alluse-workstation-" + size + ".png";
    }
}
