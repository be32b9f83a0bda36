package io.alluse.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.alpaca.FakeAlpaca;
import io.alluse.broker.alpaca.FakeAlpaca.Reply;
import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.domain.Account;
import io.alluse.domain.BrokerKind;
import io.alluse.engine.AccountService;
import io.alluse.engine.AllBrokerages;
import io.alluse.engine.AlpacaBrokerages;
import io.alluse.engine.PaperBrokerages;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.secrets.KdfParameters;
import io.alluse.secrets.SecretVault;
import io.alluse.store.AccountRepository;
import io.alluse.store.Database;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.shell.Themes;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The wizard's brokerage page with Alpaca, against a loopback server shaped like Alpaca's API. */
@ExtendWith(ApplicationExtension.class)
class AlpacaBrokerStepViewTest {

    static final String KEY_ID = "PKWIZARDTEST00AB12";
    static final String SECRET = "wizard-secret-key-value-123";

    @TempDir
    static Path dir;
    FakeAlpaca alpaca;
    Database database;
    SecretVault vault;
    AccountService service;
    FxUiExecutor executor;
    AccountWizardViewModel model;
    Scene scene;

    /** Loads Hibernate, Flyway and the market once, outside TestFX's setup timeout (this machine is shared and slow). */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        Database.open(dir.resolve("warm-up")).close();
        SimulatedMarket.withDefaults(new SimulatedClock(UiTestServices.START), 7);
    }

    @Start
    void start(Stage stage) {
        Path data = dir.resolve("data-" + System.nanoTime());
        alpaca = new FakeAlpaca().healthyAccount();
        database = Database.open(data);
        SimulatedClock clock = new SimulatedClock(UiTestServices.START);
        SimulatedMarket market = SimulatedMarket.withDefaults(clock, 7);
        vault = SecretVault.at(data.resolve("credentials.vault"), new KdfParameters(1024, 1, 1));
        AllBrokerages brokerages = new AllBrokerages(new PaperBrokerages(new PaperBrokerage(database.dataSource(), market)),
                new AlpacaBrokerages(vault, market, mode -> alpaca.base()));
        service = new AccountService(new AccountRepository(database), UiTestServices.PAPER_MARKET, clock::now,
                s -> java.util.Optional.of(io.alluse.domain.Money.ofDollars(100)), brokerages);
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
        executor.close();
        database.close();
        alpaca.close();
    }

    @Test
    void connectsAnAlpacaPaperAccountWithKeysInTheVault(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("the suggested draft is shown", () -> "Account-1".equals(ui.field("name").getText()));
        robot.clickOn("#wizard-next");
        ui.until("the brokerage page", () -> model.stepProperty().get() == WizardStep.BROKERAGE);
        robot.interact(() -> model.broker().kindProperty().set(BrokerKind.ALPACA_PAPER));
        ui.until("the Alpaca fields", () -> robot.lookup("#alpaca-key-id").tryQuery().isPresent());
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).as("Next waits for a successful test").isTrue();

        scrollDown(robot);
        robot.clickOn("#test-connection");
        ui.until("a result", () -> robot.lookup("#connection-summary").tryQuery().isPresent());
        assertThat(details(robot)).anySatisfy(t -> assertThat(t).contains("Enter the Alpaca API key id"));

        robot.clickOn("#alpaca-key-id").write(KEY_ID);
        robot.clickOn("#alpaca-secret").write(SECRET);
        robot.clickOn("#vault-passphrase").write("a good vault passphrase");
        assertThat((Object) robot.lookup("#alpaca-secret").queryAs(javafx.scene.Node.class)).isInstanceOf(PasswordField.class);
        assertThat((Object) robot.lookup("#alpaca-key-id").queryAs(javafx.scene.Node.class)).isInstanceOf(PasswordField.class);
        scrollDown(robot);
        robot.clickOn("#test-connection");
        ui.until("the connection result", () -> robot.lookup("#connection-summary").tryQuery().isPresent()
                && !model.broker().testingProperty().get());
        assertThat(summary(robot)).isEqualTo("Alpaca paper account PA3TESTACCT1: ACTIVE");
        assertThat(details(robot)).anySatisfy(t -> assertThat(t).startsWith("Options approved"))
                .anySatisfy(t -> assertThat(t).contains("$500,000.12"));
        assertThat(vault.isUnlocked()).as("the test opened (created) the vault").isTrue();
        assertThat(robot.lookup("#vault-passphrase").queryAs(PasswordField.class).getText()).isEmpty();
        assertThat(robot.lookup("#vault-state").queryAs(Label.class).getText()).contains("open for this session");
        scrollDown(robot); // the result sits below the fields
        ui.screenshot(scene, "wizard-2-brokerage-alpaca");

        for (int i = 0; i < WizardStep.values().length - 2; i++) {
            robot.clickOn("#wizard-next");
        }
        ui.until("the review page", () -> model.stepProperty().get() == WizardStep.REVIEW);
        robot.clickOn("#wizard-create");
        ui.until("the account is created", () -> model.createdProperty().get() != null);
        Account created = model.createdProperty().get();
        assertThat(created.broker().kind()).isEqualTo(BrokerKind.ALPACA_PAPER);
        assertThat(created.broker().externalAccountId()).isEqualTo("PA3TESTACCT1");
        assertThat(vault.get(AlpacaBrokerages.secretName(created.id()))).get().extracting(s -> s.reveal()).isEqualTo(SECRET);
        assertThat(vault.get(AlpacaBrokerages.keyIdName(created.id()))).get().extracting(s -> s.reveal()).isEqualTo(KEY_ID);
    }

    @Test
    void badKeysAndUnconfirmedLiveTradingAreClearlyRefused(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("loaded", () -> "Account-1".equals(ui.field("name").getText()));
        robot.clickOn("#wizard-next");
        robot.interact(() -> model.broker().kindProperty().set(BrokerKind.ALPACA_PAPER));
        ui.until("the Alpaca fields", () -> robot.lookup("#alpaca-key-id").tryQuery().isPresent());
        alpaca.on("GET", "/v2/account", Reply.error(401, 40110000, "request is not authorized"));
        robot.clickOn("#alpaca-key-id").write("PKWRONG");
        robot.clickOn("#alpaca-secret").write("wrong-secret");
        robot.clickOn("#vault-passphrase").write("a good vault passphrase");
        scrollDown(robot);
        robot.clickOn("#test-connection");
        ui.until("the failure", () -> robot.lookup("#connection-summary").tryQuery().isPresent() && !model.broker().testingProperty().get());
        assertThat(summary(robot)).isEqualTo("Connection to Alpaca failed");
        assertThat(details(robot)).anySatisfy(t -> assertThat(t).contains("refused the API keys (401").doesNotContain("wrong-secret"));
        assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue();
        scrollDown(robot);
        ui.screenshot(scene, "wizard-2-brokerage-alpaca-401");

        robot.interact(() -> model.broker().kindProperty().set(BrokerKind.ALPACA_LIVE));
        ui.until("the live confirmation", () -> robot.lookup("#alpaca-live-confirm").tryQuery().isPresent());
        scrollDown(robot);
        robot.clickOn("#test-connection");
        ui.until("a result", () -> robot.lookup("#connection-summary").tryQuery().isPresent());
        assertThat(details(robot)).anySatisfy(t -> assertThat(t).contains("real money").contains("tick the confirmation"));
        ui.screenshot(scene, "wizard-2-brokerage-alpaca-live");
        assertThat(service.accounts()).isEmpty();
    }

    private static void scrollDown(FxRobot robot) {
        robot.interact(() -> robot.lookup(".scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class).forEach(p -> p.setVvalue(1.0)));
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#connection-summary").queryAs(Label.class).getText();
    }

    private static List<String> details(FxRobot robot) {
        return robot.lookup("#connection-result .connection-detail").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
