package io.alluse.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Theme, window size and layout, remembered in the data folder between runs. */
public final class UiSettings {

    private static final Logger log = LoggerFactory.getLogger(UiSettings.class);

    private final Path file;
    private final Properties values = new Properties();

    public UiSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                log.warn("Could not read UI settings {}: {}", file, e.getMessage());
            }
        }
    }

    public boolean darkTheme() {
        return Boolean.parseBoolean(values.getProperty("theme.dark", "false"));
    }

    public void darkTheme(boolean dark) {
        values.setProperty("theme.dark", Boolean.toString(dark));
    }

    public double number(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void setNumber(String key, double value) {
        values.setProperty(key, Double.toString(value));
    }

    public void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                values.store(out, "ALL-USE Workstation window settings");
            }
        } catch (IOException e) {
            log.warn("Could not save UI settings {}: {}", file, e.getMessage());
        }
    }
}
