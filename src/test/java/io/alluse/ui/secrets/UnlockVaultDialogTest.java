package io.alluse.ui.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.alpaca.AlpacaMode;
import io.alluse.broker.alpaca.FakeAlpaca;
import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.domain.Account;
import io.alluse.domain.run.AccountHealth;
import io.alluse.domain.Money;
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
import io.alluse.secrets.KdfParameters;
import io.alluse.secrets.Secret;
import io.alluse.secrets.SecretVault;
import io.alluse.store.AccountRepository;
import io.alluse.store.Backups;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import io.alluse.store.SnapshotRepository;
import io.alluse.ui.WorkstationServices;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.shell.MainWindow;
import io.alluse.ui.shell.Themes;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * After a restart the credential vault is locked, so an Alpaca account (served here by the loopback
 * FakeAlpaca) is in error; the start-up dialog unlocks the vault and the account recovers at once.
 */
@ExtendWith(ApplicationExtension.class)
class UnlockVaultDialogTest {

    static final String PASS = "the right vault passphrase";
    static final KdfParameters FAST = new KdfParameters(1024, 1, 1);

    @TempDir
    static Path dir;
    FakeAlpaca alpaca;
    Database database;
    SimulatedClock clock;
    SimulatedMarket market;
    Engine engine;
    SecretVault vault;
    Account account;
    FxUiExecutor executor;
    Scene scene;

    @BeforeAll
    static void warmUp() {
        Database.open(dir.resolve("warm-up")).close();
        SimulatedMarket.withDefaults(new SimulatedClock(UiTestServices.START), 7);
    }

    AllBrokerages brokerages;

    private AccountService service(SecretVault v, PaperBrokerages paper) {
        brokerages = new AllBrokerages(paper, new AlpacaBrokerages(v, market, mode -> alpaca.base()));
        return new AccountService(new AccountRepository(database), UiTestServices.PAPER_MARKET, clock::now,
                s -> Optional.of(Money.ofDollars(100)), brokerages);
    }

    @Start
    void start(Stage stage) {
        Path data = dir.resolve("data-" + System.nanoTime());
        alpaca = new FakeAlpaca().healthyAccount();
        database = Database.open(data);
        clock = new SimulatedClock(UiTestServices.START);
        market = SimulatedMarket.withDefaults(clock, 7);
        PaperBrokerages paper = new PaperBrokerages(new PaperBrokerage(database.dataSource(), market));
        Path vaultFile = data.resolve("credentials.vault");

        // the previous session: the vault was opened and the account's keys went into it
        SecretVault before = SecretVault.at(vaultFile, FAST);
        before.unlock(PASS.toCharArray());
        AccountService previous = service(before, paper);
        account = previous.create(previous.newAccountDraft(),
                new BrokerSetup.Alpaca(AlpacaMode.PAPER, Secret.of("PKUNLOCKTEST0001"), Secret.of("unlock-test-secret"), false));

        // this session: same files, vault locked
        vault = SecretVault.at(vaultFile, FAST);
        AccountService accounts = service(vault, paper);
        TimeControl.Simulated time = TimeControl.simulated(clock, Double.POSITIVE_INFINITY);
        LedgerStore ledgers = new LedgerStore(database);
        EngineSettings settings = EngineSettings.DEFAULT.withBackoff(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 2));
        engine = new Engine(accounts, ledgers, brokerages, time,
                new CycleSchedule(market.calendar(), Duration.ofMinutes(15)), settings);
        engine.load();
        for (int i = 0; i < 2; i++) {
            try {
                engine.retryNow(account.id()).join();
            } catch (RuntimeException expected) {
                // the vault is locked: each try fails, and the second one puts the account in error
            }
        }
        WorkstationServices services = new WorkstationServices("ALL-USE Workstation", "test", data, data.resolve("logs"),
                data.resolve("ui.properties"), accounts, ledgers, new BackupService(database, new Backups(data, 3), clock::now), engine, time,
                paper, new SnapshotRepository(database), market, new io.alluse.analytics.Exports(new io.alluse.store.AccountRepository(database), ledgers),
                new io.alluse.analytics.PortfolioAnalytics(new io.alluse.store.AccountRepository(database), new SnapshotRepository(database), ledgers),
                new io.alluse.store.NotificationLog(database));
        Themes.apply(false);
        executor = new FxUiExecutor();
        scene = new Scene(new MainWindow(services, executor, () -> { }, () -> { }), 1100, 700);
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        engine.close();
        database.close();
        alpaca.close();
    }

    private AccountHealth health() {
        return engine.runtime(account.id()).orElseThrow().health();
    }

    @Test
    void unlockingAtStartUpBringsTheAlpacaAccountBack(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        assertThat(health()).as("locked vault after the restart").isEqualTo(AccountHealth.ERROR);
        assertThat(engine.runtime(account.id()).orElseThrow().lastError()).contains("vault is locked");
        ui.until("the unlock dialog is offered", () -> robot.lookup("#unlock-passphrase").tryQuery().isPresent());

        robot.clickOn("#unlock-passphrase").write("not the passphrase");
        robot.clickOn("#unlock-vault");
        ui.until("the refusal", () -> !robot.lookup("#unlock-message").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#unlock-message").queryAs(Label.class).getText())
                .isEqualTo(VaultUnlockViewModel.WRONG).doesNotContain("not the passphrase");
        assertThat(vault.isUnlocked()).isFalse();
        assertThat(health()).isEqualTo(AccountHealth.ERROR);
        Scene dialog = robot.lookup("#unlock-vault-dialog").queryAs(Node.class).getScene();
        ui.screenshot(dialog, "unlock-vault-wrong-passphrase");

        robot.clickOn("#unlock-passphrase").write(PASS);
        robot.clickOn("#unlock-vault");
        ui.until("the dialog closes", () -> robot.lookup("#unlock-passphrase").tryQuery().isEmpty());
        assertThat(vault.isUnlocked()).isTrue();
        ui.until("the account is healthy again", () -> health() == AccountHealth.OK);
        assertThat(robot.lookup("#status-text").queryAs(Label.class).getText()).contains("Credential vault unlocked");
        ui.screenshot(scene, "unlock-vault-recovered");
    }
    @Test
    void cancellingLeavesTheVaultLockedAndSaysWhatThatMeans_theFileMenuOffersItAgain(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("the unlock dialog is offered", () -> robot.lookup("#unlock-passphrase").tryQuery().isPresent());
        robot.clickOn("#unlock-cancel");
        ui.until("the dialog closes", () -> robot.lookup("#unlock-passphrase").tryQuery().isEmpty());
        assertThat(vault.isUnlocked()).isFalse();
        assertThat(health()).isEqualTo(AccountHealth.ERROR);
        assertThat(robot.lookup("#status-text").queryAs(Label.class).getText())
                .isEqualTo(UnlockVaultDialog.STILL_LOCKED).contains("stay in error until you unlock");

        robot.clickOn("File");
        robot.clickOn("#menu-unlock-vault");
        ui.until("the dialog again", () -> robot.lookup("#unlock-passphrase").tryQuery().isPresent());
        robot.clickOn("#unlock-passphrase").write(PASS).type(javafx.scene.input.KeyCode.ENTER);
        ui.until("the account is healthy again", () -> vault.isUnlocked() && health() == AccountHealth.OK);
    }
}
