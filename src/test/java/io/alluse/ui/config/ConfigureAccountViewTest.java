package io.alluse.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.AuditEvent;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.engine.AccountService;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.shell.Themes;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The configuration dialog on screen (headless) over a real H2 store: sizing before/after, Apply, Cancel. */
@ExtendWith(ApplicationExtension.class)
class ConfigureAccountViewTest {

    static final AccountId TWO = new AccountId("account-2");

    @TempDir
    static Path dir;
    UiTestServices fixture;
    AccountService service;
    FxUiExecutor executor;
    ConfigureAccountViewModel model;
    Scene scene;

    @Start
    void start(Stage stage) {
        fixture = new UiTestServices(dir.resolve("data-" + System.nanoTime()), UiTestServices.PAPER_MARKET);
        service = fixture.services.accounts();
        service.ensureFirstAccount();
        service.create(service.newAccountDraft().withCapital("750000"));
        Themes.apply(false);
        executor = new FxUiExecutor();
        model = new ConfigureAccountViewModel(service, executor, TWO);
        scene = new Scene(new ConfigureAccountView(model), 1180, 780);
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.show();
        model.load();
    }

    @AfterEach
    void close() {
        Themes.apply(false);
        executor.close();
        fixture.close();
    }

    @Test
    void showsSizingBeforeAndAfterAndAppliesTheChangeWithAnAuditLine(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("loaded", () -> model.loadedProperty().get());
        assertThat(robot.lookup("#config-title").queryAs(Label.class).getText()).isEqualTo("Configure Account-2");
        assertThat(apply(robot).isDisabled()).as("nothing changed yet").isTrue();
        assertThat(robot.lookup("#config-unchanged").queryAs(Label.class).isVisible()).isTrue();
        assertThat(sizingText(robot, "gen-tsla", "before")).isEqualTo("3 contracts, $120,000");

        robot.clickOn("#allocation-custom");
        ui.type("gen.target", "50");
        ui.type("rev.target", "25");
        assertThat(apply(robot).isDisabled()).as("105% is not valid").isTrue();
        ui.type("com.target", "25");
        ui.until("the new sizing", () -> sizingText(robot, "gen-tsla", "after").equals("4 contracts, $160,000"));
        assertThat(sizing(robot, "gen-tsla").getStyleClass()).contains("sizing-changed");
        assertThat(sizing(robot, "gen-deployable").getText()).isEqualTo("$356,250");
        assertThat(sizing(robot, "com-amzn").getStyleClass()).doesNotContain("sizing-changed");
        assertThat(apply(robot).isDisabled()).isFalse();
        ui.screenshot(scene, "config-dialog");

        robot.clickOn("#config-tab-sleeves");
        robot.clickOn("#tab-rev");
        ui.type("rev.symbols", "AAPL, MSFT");
        ui.until("the symbol change reaches the sizing", () -> sizing(robot, "rev-amzn").getText().equals("not traded"));
        ui.screenshot(scene, "config-dialog-sleeves");

        robot.type(KeyCode.ENTER); // Enter = Apply
        ui.until("applied", () -> model.finishedProperty().get());
        AccountConfig stored = service.get(TWO).config();
        assertThat(stored.target(SleeveKind.GEN).toString()).isEqualTo("50%");
        assertThat(stored.sleeve(SleeveKind.REV).parameters().symbols()).extracting(s -> s.value()).containsExactly("AAPL", "MSFT");
        assertThat(service.get(TWO).capital().of(SleeveKind.GEN)).isEqualTo(Money.ofDollars(375_000));
        List<AuditEvent> audit = fixture.services.ledgers().forAccount(TWO).audit();
        assertThat(audit.getLast().kind()).isEqualTo(AuditKind.CONFIG_CHANGED);
        assertThat(audit.getLast().summary()).contains("Gen-Acc target 40% -> 50%");
    }

    @Test
    void anInvalidEntryMarksItsFieldAndTabAndDisablesApply(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("loaded", () -> model.loadedProperty().get());
        robot.clickOn("#config-tab-sleeves");
        robot.clickOn("#tab-rev");
        ui.type("rev.profitTake", "50");
        assertThat(apply(robot).isDisabled()).isFalse();
        ui.type("rev.deltaMax", "1.2");
        ui.assertMessageUnder("rev.deltaMax", ui.field("rev.deltaMin"), "Rev-Acc maximum delta 1.2 is outside (0, 1)");
        assertThat(apply(robot).isDisabled()).isTrue();
        ui.until("the sizing says why it has no after column",
                () -> robot.lookup("#sizing-table .field-message").tryQuery().isPresent());
        assertThat(sizing(robot, "rev-deployable").getText()).isEqualTo("\u2013");
        ui.screenshot(scene, "config-dialog-invalid");

        robot.clickOn("#config-tab-window");
        ui.type("window.start", "16:30");
        ui.assertMessageUnder("window.start", ui.field("window.start"), "Window start 16:30 is outside regular trading hours");
    }

    @Test
    void escapeLeavesTheAccountAsItWas(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("loaded", () -> model.loadedProperty().get());
        AccountConfig before = service.get(TWO).config();
        int audit = fixture.services.ledgers().forAccount(TWO).audit().size();
        robot.clickOn("#config-tab-window");
        ui.type("window.start", "11:00");
        ui.type("window.end", "11:30");
        robot.type(KeyCode.ESCAPE);
        ui.until("closed", () -> model.finishedProperty().get());
        assertThat(model.appliedProperty().get()).isNull();
        assertThat(service.get(TWO).config()).isEqualTo(before);
        assertThat(fixture.services.ledgers().forAccount(TWO).audit()).hasSize(audit);
    }

    @Test
    void looksRightInTheDarkTheme(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        robot.interact(() -> Themes.apply(true));
        ui.until("loaded", () -> model.loadedProperty().get());
        robot.clickOn("#allocation-custom");
        ui.type("gen.target", "45");
        ui.type("com.target", "25");
        ui.until("the new sizing", () -> sizing(robot, "gen-capital").getText().equals("$337,500"));
        ui.screenshot(scene, "config-dialog-dark");
    }

    private static Button apply(FxRobot robot) {
        return robot.lookup("#config-apply").queryButton();
    }

    /** The "after" amount of a sizing line, e.g. {@code gen-tsla}. */
    private static Label sizing(FxRobot robot, String id) {
        return robot.lookup("#sizing-" + id + "-after").queryAs(Label.class);
    }

    /** A side of a sizing line as one phrase: "4 contracts, $160,000". */
    private static String sizingText(FxRobot robot, String id, String side) {
        String contracts = robot.lookup("#sizing-" + id + "-" + side + "-contracts").queryAs(Label.class).getText();
        String amount = robot.lookup("#sizing-" + id + "-" + side).queryAs(Label.class).getText();
        return new SizingComparison.Cell(contracts, amount).text();
    }
}
