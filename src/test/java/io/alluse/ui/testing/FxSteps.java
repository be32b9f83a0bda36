package io.alluse.ui.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.ui.common.Form;
import io.alluse.ui.common.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the UI tests do over and over: type into a field by validator key, wait, look at messages, photograph. */
public final class FxSteps {

    private final FxRobot robot;

    public FxSteps(FxRobot robot) {
        this.robot = robot;
    }

    public TextField field(String key) {
        return robot.lookup("#" + Form.fieldId(key)).queryAs(TextField.class);
    }

    public Label message(String key) {
        return robot.lookup("#" + Form.messageId(key)).queryAs(Label.class);
    }

    /** Replaces the field's text key by key, as a person would (click, select all, type or delete). */
    public void type(String key, String text) {
        TextField f = field(key);
        robot.clickOn(f);
        robot.interact(f::selectAll);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(f.getText()).as("text of " + key).isEqualTo(text);
    }

    public void until(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /** The portfolio tree's status icons shown in pseudo-class {@code state} ("waiting", "closed", ...): the icon colours are pseudo-classes. */
    public static java.util.Set<Node> treeIcons(FxRobot robot, String state) {
        javafx.css.PseudoClass p = javafx.css.PseudoClass.getPseudoClass(state);
        return robot.lookup(".tree-icon").match((Node n) -> n.getPseudoClassStates().contains(p)).queryAll();
    }

    public static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    /**
     * Asserts the message of {@code key} shows {@code phrase} right under {@code anchor}: below it,
     * at most a line or two further down, starting where the input starts.
     */
    public void assertMessageUnder(String key, Node anchor, String phrase) {
        Label msg = message(key);
        assertThat(msg.isVisible()).as("message of " + key + " visible").isTrue();
        assertThat(msg.getText()).contains(phrase);
        Bounds m = inScene(msg);
        Bounds a = inScene(anchor);
        assertThat(m.getMinY()).as("message of " + key + " below its field").isGreaterThanOrEqualTo(a.getMaxY() - 1);
        assertThat(m.getMinY() - a.getMaxY()).as("message of " + key + " close under its field").isLessThan(45);
        assertThat(m.getMinX()).as("message of " + key + " starts under its field").isBetween(a.getMinX() - 4, a.getMinX() + 4);
        assertThat(m.getHeight()).as("message of " + key + " not clipped").isGreaterThanOrEqualTo(msg.prefHeight(msg.getWidth()) - 1);
    }

    public Path screenshot(Scene scene, String name) {
        Path png = UiTestServices.screenshot(name);
        robot.interact(() -> {
            try {
                Screenshots.write(scene, png);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(Files.size(png)).isGreaterThan(5_000);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return png;
    }
}
