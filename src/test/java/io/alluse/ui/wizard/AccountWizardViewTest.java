package io.alluse.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
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

/** The wizard on screen (headless), end to end against a real H2 store; photographs every page. */
@ExtendWith(ApplicationExtension.class)
class AccountWizardViewTest {

    @TempDir
    static Path dir;
    UiTestServices fixture;
    AccountService service;
    FxUiExecutor executor;
    AccountWizardViewModel model;
    Scene scene;

    @Start
    void start(Stage stage) {
        fixture = new UiTestServices(dir.resolve("data-" + System.nanoTime()), UiTestServices.PAPER_MARKET);
        service = fixture.services.accounts();
        service.ensureFirstAccount();
        Themes.apply(false);
        executor = new FxUiExecutor();
        model = new AccountWizardViewModel(service, executor);
        scene = new Scene(new AccountWizardView(model), 980, 700);
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
    void createsAnAccountFromTheKeyboardAndMouseAlone(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("the suggested draft is shown", () -> "Account-2".equals(ui.field("name").getText()));
        assertThat(ui.field("name").isFocused()).as("the name has the first focus").isTrue();
        assertThat(ui.field("capital").getText()).isEqualTo("500000");
        ui.screenshot(scene, "wizard-1-basics");

        ui.type("name", "Income");
        ui.type("id", "income");
        ui.type("capital", "750k");
        robot.type(KeyCode.ENTER); // Enter = Next while the page is valid
        ui.until("the brokerage page", () -> model.stepProperty().get() == WizardStep.BROKERAGE);
        assertThat(title(robot)).isEqualTo("Brokerage");

        robot.clickOn("#test-connection");
        ui.until("the connection result", () -> robot.lookup("#connection-summary").tryQuery().isPresent());
        assertThat(robot.lookup("#connection-summary").queryAs(Label.class).getText()).isEqualTo("Paper broker ready");
        assertThat(robot.lookup("#connection-result .connection-detail").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).contains("PAPER-INCOME"));
        ui.screenshot(scene, "wizard-2-brokerage");

        robot.clickOn("#wizard-next");
        ui.until("the allocation page", () -> model.stepProperty().get() == WizardStep.ALLOCATION);
        robot.clickOn("#allocation-custom");
        ui.type("gen.target", "50");
        ui.type("rev.target", "25");
        ui.until("the sum check", () -> robot.lookup("#allocation-sum").queryAs(Label.class).getText().contains("105%"));
        assertThat(robot.lookup("#allocation-sum").queryAs(Label.class).getText()).isEqualTo("Adds up to 105% \u2013 must be 100%");
        ui.assertMessageUnder("allocation", ui.field("com.target"), "Allocations add up to 105%");
        assertThat(next(robot).isDisabled()).isTrue();
        ui.screenshot(scene, "wizard-3-allocation-invalid");
        ui.type("com.target", "25");
        ui.until("the sum is 100%", () -> robot.lookup("#allocation-sum").queryAs(Label.class).getText().equals("Adds up to 100%"));
        assertThat(robot.lookup("#preview-gen-capital").queryAs(Label.class).getText()).isEqualTo("$375,000");
        assertThat(robot.lookup("#preview-gen-deployable").queryAs(Label.class).getText()).isEqualTo("$356,250");
        assertThat(message(robot, "allocation").isVisible()).isFalse();
        ui.screenshot(scene, "wizard-3-allocation");

        robot.clickOn("#wizard-next");
        ui.until("the sleeves page", () -> model.stepProperty().get() == WizardStep.SLEEVES);
        ui.type("gen.deltaMin", "45");
        ui.assertMessageUnder("gen.deltaMin", ui.field("gen.deltaMin"), "Gen-Acc minimum delta 45 is outside (0, 1)");
        assertThat(next(robot).isDisabled()).isTrue();
        ui.screenshot(scene, "wizard-4-sleeves-invalid");
        ui.type("gen.deltaMin", "0.45");
        robot.clickOn("#tab-rev");
        ui.type("rev.profitTake", "50");
        assertThat(next(robot).isDisabled()).isFalse();
        ui.screenshot(scene, "wizard-4-sleeves");

        robot.clickOn("#wizard-next");
        ui.until("the window page", () -> model.stepProperty().get() == WizardStep.WINDOW);
        assertThat(ui.field("window.start").getText()).isEqualTo("10:15");
        assertThat(robot.lookup("#other-windows").queryAs(Label.class).getText()).contains("account-1 09:45-10:15");
        ui.screenshot(scene, "wizard-5-window");

        robot.clickOn("#wizard-next");
        ui.until("the review page", () -> model.stepProperty().get() == WizardStep.REVIEW);
        assertThat(robot.lookup("#review .summary-value").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Income", "income", "$750,000.00", "50%  \u00b7  $375,000  \u00b7  deployable $356,250", "10:15-10:45 New York");
        ui.screenshot(scene, "wizard-6-review");

        robot.type(KeyCode.ENTER); // Enter = Create on the last page
        ui.until("the account is created", () -> model.createdProperty().get() != null);
        Account stored = service.get(new AccountId("income"));
        assertThat(stored.initialCapital()).isEqualTo(Money.ofDollars(750_000));
        assertThat(stored.config().target(SleeveKind.GEN).toString()).isEqualTo("50%");
        assertThat(stored.config().sleeve(SleeveKind.GEN).parameters().delta().min()).isEqualTo(0.45);
        assertThat(stored.config().sleeve(SleeveKind.REV).parameters().profitTake().toString()).isEqualTo("50%");
    }

    @Test
    void backKeepsTheEntriesAndEscapeCancelsWithoutATrace(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("loaded", () -> "Account-2".equals(ui.field("name").getText()));
        List<Account> before = service.accounts();
        ui.type("name", "Scratch");
        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT); // Alt+N = Next
        ui.until("the brokerage page", () -> model.stepProperty().get() == WizardStep.BROKERAGE);
        robot.clickOn("#wizard-next");
        ui.until("the allocation page", () -> model.stepProperty().get() == WizardStep.ALLOCATION);
        robot.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT); // Alt+B = Back
        ui.until("the brokerage page again", () -> model.stepProperty().get() == WizardStep.BROKERAGE);
        robot.clickOn("#wizard-back");
        ui.until("the basics page", () -> model.stepProperty().get() == WizardStep.BASICS);
        assertThat(ui.field("name").getText()).isEqualTo("Scratch");

        robot.clickOn(ui.field("capital"));
        robot.type(KeyCode.ESCAPE);
        ui.until("cancelled", () -> model.finishedProperty().get());
        assertThat(model.createdProperty().get()).isNull();
        assertThat(service.accounts()).isEqualTo(before);
    }

    @Test
    void anIdTakenWhileTheWizardWasOpenIsShownOnTheBasicsPage(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("loaded", () -> "Account-2".equals(ui.field("name").getText()));
        for (int i = 0; i < WizardStep.values().length - 1; i++) {
            robot.clickOn("#wizard-next");
        }
        ui.until("the review page", () -> model.stepProperty().get() == WizardStep.REVIEW);
        service.create(service.newAccountDraft()); // account-2, from elsewhere
        robot.clickOn("#wizard-create");
        ui.until("back on the basics page", () -> model.stepProperty().get() == WizardStep.BASICS);
        ui.assertMessageUnder("id", ui.field("id"), "Account id 'account-2' is already used by another account");
        assertThat(robot.lookup("#wizard-problem").queryAs(Label.class).getText()).contains("not created");
        assertThat(next(robot).isDisabled()).isTrue();
        ui.screenshot(scene, "wizard-1-basics-id-taken");
        assertThat(service.accounts()).hasSize(2);
    }

    @Test
    void looksRightInTheDarkTheme(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        robot.interact(() -> Themes.apply(true));
        ui.until("loaded", () -> "Account-2".equals(ui.field("name").getText()));
        robot.clickOn("#wizard-next");
        robot.clickOn("#test-connection");
        ui.until("the connection result", () -> robot.lookup("#connection-summary").tryQuery().isPresent());
        ui.screenshot(scene, "wizard-2-brokerage-dark");
        robot.clickOn("#wizard-next");
        robot.clickOn("#allocation-custom");
        ui.type("gen.target", "45");
        ui.screenshot(scene, "wizard-3-allocation-dark");
        ui.type("gen.target", "40");
        robot.clickOn("#wizard-next");
        ui.type("gen.symbols", "TSLA, ZZZZ");
        ui.screenshot(scene, "wizard-4-sleeves-dark");
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#wizard-title").queryAs(Label.class).getText();
    }

    private static Button next(FxRobot robot) {
        return robot.lookup("#wizard-next").queryButton();
    }

    private static Label message(FxRobot robot, String key) {
        return new FxSteps(robot).message(key);
    }
}
