package io.alluse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The version users see (Help -> About, --version, the installers) is the pom's. */
class AppInfoTest {

    @TempDir
    Path dir;

    @Test
    void versionIsThePomVersion() throws Exception {
        String pomVersion = pomVersion();
        assertThat(pomVersion).matches("\\d+\\.\\d+\\.\\d+.*");

        assertThat(AppInfo.load().version()).isEqualTo(pomVersion);
        assertThat(AppInfo.load().name()).isEqualTo("ALL-USE Workstation");
        CliRunner.Result version = new CliRunner(dir).run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("ALL-USE Workstation " + pomVersion);
    }

    /** Read from pom.xml itself, not through Maven's resource filtering that the app relies on. */
    private static String pomVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
        for (var node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("pom.xml has no <version>");
    }
}
