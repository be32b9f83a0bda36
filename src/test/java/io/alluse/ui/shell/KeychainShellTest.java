package io.alluse.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.alpaca.AlpacaMode;
import io.alluse.broker.alpaca.FakeAlpaca;
import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.domain.Account;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.Money;
import io.alluse.domain.run.AccountHealth;
import io.alluse.engine.AccountService;
import io.alluse.engine.AllBrokerages;
import io.alluse.engine.AlpacaBrokerages;
import io.alluse.engine.Backoff;
import io.alluse.engine.BackupService;
import io.alluse.engine.BrokerSetup;
import io.alluse.engine.CycleSchedule;
import io.alluse.engine.Engine;
import io.alluse.engine.EngineSettings;
import io.alluse.engine.PaperBrokerages;
import io.alluse.engine.TimeControl;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.secrets.CredentialStore;
import io.alluse.secrets.KdfParameters;
import io.alluse.secrets.KeychainTesting;
import io.alluse.secrets.Secret;
import io.alluse.secrets.SecretVault;
import io.alluse.store.AccountRepository;
import io.alluse.store.Backups;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import io.alluse.store.SnapshotRepository;
import io.alluse.ui.WorkstationServices;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import io.alluse.ui.wizard.AccountWizardView;
import io.alluse.ui.wizard.AccountWizardViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With the OS keychain as the credential store there is no vault passphrase anywhere: no unlock
 * dialog at start-up although an Alpaca account exists, no File -> Unlock item, no passphrase field
 * in the wizard; Help -> About and the wizard say where the keys are kept. The keychain object is
 * this OS's real one; this test JVM has no Secret Service session (the real keychain round trips
 * are LinuxSecretServiceTest's), so the Alpaca account finds no keys there and says so.
 */
@ExtendWith(ApplicationExtension.class)
class KeychainShellTest {

    @TempDir
    static Path dir;
    FakeAlpaca alpaca;
    Database database;
    Engine engine;
    Account account;
    FxUiExecutor executor;
    Scene scene;
    WorkstationServices services;
    CredentialStore keychain;

    @BeforeAll
    static void warmUp() {
        Database.open(dir.resolve("warm-up")).close();
        SimulatedMarket.withDefaults(new SimulatedClock(UiTestServices.START), 7);
    }

    @Start
    void start(Stage stage) throws Exception {
        Path data = dir.resolve("data-" + System.nanoTime());
        alpaca = new FakeAlpaca().healthyAccount();
        database = Database.open(data);
        SimulatedClock clock = new SimulatedClock(UiTestServices.START);
        SimulatedMarket market = SimulatedMarket.withDefaults(clock, 7);
        PaperBrokerages paper = new PaperBrokerages(new PaperBrokerage(database.dataSource(), market));

        // an Alpaca account made earlier (its keys went to a vault that is gone: this folder now uses the keychain)
        Path vaultFile = data.resolve("credentials.vault");
        SecretVault before = SecretVault.at(vaultFile, new KdfParameters(1024, 1, 1));
        before.unlock("an earlier vault passphrase".toCharArray());
        AccountService previous = service(before, paper, market, clock);
        account = previous.create(previous.newAccountDraft(),
                new BrokerSetup.Alpaca(AlpacaMode.PAPER, Secret.of("PKKEYCHAINUI0001"), Secret.of("keychain-ui-secret"), false));
        Files.delete(vaultFile);

        keychain = KeychainTesting.keychainFor(data);
        AccountService accounts = service(keychain, paper, market, clock);
        TimeControl.Simulated time = TimeControl.simulated(clock, Double.POSITIVE_INFINITY);
        LedgerStore ledgers = new LedgerStore(database);
        engine = new Engine(accounts, ledgers, brokerages, time, new CycleSchedule(market.calendar(), Duration.ofMinutes(15)),
                EngineSettings.DEFAULT.withBackoff(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 2)));
        engine.load();
        for (int i = 0; i < 2; i++) {
            try {
                engine.retryNow(account.id()).join();
            } catch (RuntimeException expected) {
                // no keys for it in this keychain: each try fails, the second puts the account in error
            }
        }
        services = new WorkstationServices("ALL-USE Workstation", "test", data, data.resolve("logs"), data.resolve("ui.properties"),
                accounts, ledgers, new BackupService(database, new Backups(data, 3), clock::now), engine, time, paper,
                new SnapshotRepository(database), market, new io.alluse.analytics.Exports(new AccountRepository(database), ledgers),
                new io.alluse.analytics.PortfolioAnalytics(new AccountRepository(database), new SnapshotRepository(database), ledgers),
                new io.alluse.store.NotificationLog(database));
        Themes.apply(false);
        executor = new FxUiExecutor();
        scene = new Scene(new MainWindow(services, executor, () -> { }, () -> { }), 1100, 700);
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.show();
    }

    AllBrokerages brokerages;

    private AccountService service(CredentialStore store, PaperBrokerages paper, SimulatedMarket market, SimulatedClock clock) {
        brokerages = new AllBrokerages(paper, new AlpacaBrokerages(store, market, mode -> alpaca.base()));
        return new AccountService(new AccountRepository(database), UiTestServices.PAPER_MARKET, clock::now,
                s -> Optional.of(Money.ofDollars(100)), brokerages);
    }

    @AfterEach
    void close() {
        executor.close();
        engine.close();
        database.close();
        alpaca.close();
    }

    @Test
    void noPassphraseIsAskedAndTheKeychainIsNamed(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("the main window", () -> robot.lookup("#status-text").tryQuery().isPresent());
        // the start-up offer runs one pulse after the window shows: let it (not) happen
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(robot.lookup("#unlock-passphrase").tryQuery()).as("no unlock dialog with the keychain").isEmpty();
        MenuItem unlock = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(m -> "menu-unlock-vault".equals(m.getId())).findFirst().orElseThrow();
        assertThat(unlock.isVisible()).as("File -> Unlock credential vault is not shown").isFalse();

        String where = keychain.where();
        assertThat(where).contains(dir.toString());
        assertThat(AboutDialog.text(services)).contains("Credentials: " + where);
        assertThat(engine.runtime(account.id()).orElseThrow().health()).isEqualTo(AccountHealth.ERROR);
        assertThat(engine.runtime(account.id()).orElseThrow().lastError()).as("the account names the keychain, not a vault")
                .containsAnyOf("Secret Service", "Keychain", "Credential Manager").doesNotContain("vault is locked");

        // the wizard's brokerage page: Alpaca asks for the keys only, and says where they go
        AccountWizardViewModel model = new AccountWizardViewModel(services.accounts(), executor);
        Stage[] wizard = new Stage[1];
        robot.interact(() -> {
            wizard[0] = new Stage();
            Scene s = new Scene(new AccountWizardView(model), 980, 700);
            s.getStylesheets().add(Themes.APP_CSS);
            wizard[0].setScene(s);
            wizard[0].show();
            model.load();
        });
        ui.until("the suggested draft", () -> model.stepProperty().get() != null && robot.lookup("#wizard-next").tryQuery().isPresent()
                && !robot.lookup("#wizard-next").queryButton().isDisabled());
        robot.clickOn("#wizard-next");
        robot.interact(() -> model.broker().kindProperty().set(BrokerKind.ALPACA_PAPER));
        ui.until("the Alpaca fields", () -> robot.lookup("#alpaca-key-id").tryQuery().isPresent());
        assertThat(robot.lookup("#vault-passphrase").tryQuery()).as("no vault passphrase field").isEmpty();
        assertThat(robot.lookup("#vault-state").queryAs(Label.class).getText()).contains("The keys will be stored in " + where)
                .contains("unlocks with your login");
        ui.screenshot(wizard[0].getScene(), "wizard-2-brokerage-alpaca-keychain");
        robot.interact(wizard[0]::close);
    }
}
