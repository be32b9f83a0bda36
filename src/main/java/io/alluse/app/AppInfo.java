package io.alluse.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's name and version, filled in by Maven. */
public record AppInfo(String name, String version) {

    public static AppInfo load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall through to the defaults
        }
        return new AppInfo(p.getProperty("name", "ALL-USE Workstation"), p.getProperty("version", "dev"));
    }
}
