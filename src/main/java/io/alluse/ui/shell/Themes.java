package io.alluse.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** AtlantaFX themes as the user-agent stylesheet (TOOLCHAIN-NOTES: not on the scene), plus ours on top. */
public final class Themes {

    public static final String APP_CSS = Themes.class.getResource("/io/alluse/ui/workstation.css").toExternalForm();

    private Themes() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
