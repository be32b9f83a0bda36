package io.alluse.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.SleeveKind;
import io.alluse.engine.AccountService;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.shell.Themes;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every bad input of the wizard, typed into its field: its message appears right under it and Next goes grey. */
@ExtendWith(ApplicationExtension.class)
class AccountWizardValidationViewTest {

    @TempDir
    static Path dir;
    static UiTestServices fixture;
    static AccountService service;
    AccountWizardViewModel model;

    @BeforeAll
    static void store() {
        fixture = new UiTestServices(dir, UiTestServices.PAPER_MARKET);
        service = fixture.services.accounts();
        service.ensureFirstAccount(); // account-1, 09:45-10:15; nothing here writes, so one store serves all cases
    }

    @AfterAll
    static void closeStore() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        Themes.apply(false);
        model = new AccountWizardViewModel(service, UiExecutor.direct());
        Scene scene = new Scene(new AccountWizardView(model), 980, 700);
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.show();
        model.load();
    }

    static Stream<InvalidInput> invalidInputs() {
        return InvalidInput.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void showsTheMessageUnderTheFieldAndDisablesNext(InvalidInput input, FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        while (model.stepProperty().get() != input.step()) {
            robot.clickOn("#wizard-next");
        }
        if (input.customAllocation()) {
            robot.clickOn("#allocation-custom");
        }
        for (Map.Entry<String, String> typed : input.typedInOrder()) {
            String key = typed.getKey();
            if (input.step() == WizardStep.SLEEVES) {
                robot.clickOn("#tab-" + key.substring(0, key.indexOf('.')));
            }
            ui.type(key, typed.getValue());
        }

        ui.assertMessageUnder(input.messageField(), anchor(ui, robot, input.messageField()), input.phrase());
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).as("Next disabled").isTrue();
        if (List.of("capital too large", "allocations not summing to 100", "unknown symbol", "overlapping window").contains(input.name())) {
            ui.screenshot(robot.lookup("#account-wizard").query().getScene(), "wizard-invalid-" + input.name().replace(' ', '-'));
        }
    }

    /** The control a message sits under: its own field, or for messages about several fields the last of them. */
    private static Node anchor(FxSteps ui, FxRobot robot, String key) {
        return switch (key) {
            case "allocation" -> ui.field(SleeveKind.COM.key() + ".target");
            case "window" -> robot.lookup("#field-allowOverlap").query();
            default -> key.endsWith("Max") ? ui.field(key.replace("Max", "Min")) : ui.field(key);
        };
    }
}
