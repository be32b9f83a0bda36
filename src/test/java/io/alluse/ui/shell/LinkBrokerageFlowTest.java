package io.alluse.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.broker.alpaca.FakeAlpaca;
import io.alluse.broker.alpaca.FakeAlpaca.Reply;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.Money;
import io.alluse.domain.SymbolCatalog;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.domain.fork.LineageState;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.engine.AlpacaBrokerages;
import io.alluse.secrets.KdfParameters;
import io.alluse.secrets.SecretVault;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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

/**
 * Linking a fork that waits for its brokerage account, end to end (docs/decisions/0020): the
 * account view's Link button opens the wizard's brokerage step; the test against a loopback server
 * shaped like Alpaca's API weighs the new account's cash against the amount to transfer; Link puts
 * the keys in the vault and the engine manages the account at once.
 */
@ExtendWith(ApplicationExtension.class)
class LinkBrokerageFlowTest {

    static final AccountId PARENT = new AccountId("account-1");
    static final AccountId CHILD = new AccountId("account-1-f1");
    static final String KEY_ID = "PKLINKTEST00AB12";
    static final String SECRET = "link-secret-key-value-456";
    static final Money AMOUNT = Money.ofDollars(52_000);

    @TempDir
    static Path dir;
    FakeAlpaca alpaca;
    SecretVault vault;
    UiTestServices fixture;
    FxUiExecutor executor;
    MainWindow window;

    private static String account(String cash) {
        return FakeAlpaca.fixture("account.json").replace("\"cash\": \"500000.12\"", "\"cash\": \"" + cash + "\"");
    }

    @Start
    void start(Stage stage) {
        Path data = dir.resolve("data-" + System.nanoTime());
        alpaca = new FakeAlpaca().healthyAccount();
        // the user has moved only part of the amount so far
        alpaca.on("GET", "/v2/account", Reply.json(200, account("20000.00")));
        vault = SecretVault.at(data.resolve("credentials.vault"), new KdfParameters(1024, 1, 1));
        var market = io.alluse.market.sim.SimulatedMarket.withDefaults(new io.alluse.market.clock.SimulatedClock(UiTestServices.START), 7);
        fixture = new UiTestServices(data, SymbolCatalog.ANY, new AlpacaBrokerages(vault, market, mode -> alpaca.base()));
        fixture.services.accounts().ensureFirstAccount();
        fixture.realBroker.add(PARENT);
        fixture.forkNow(PARENT, AMOUNT);
        fixture.engine.load();
        Themes.apply(false);
        executor = new FxUiExecutor();
        window = new MainWindow(fixture.services, executor, () -> { }, () -> { });
        Scene scene = new Scene(window, 1200, 720);
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        fixture.close();
        alpaca.close();
    }

    @Test
    void theLinkButtonTestsTheNewAlpacaAccountsCashAndLinksTheForkOnce(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("the waiting fork in the tree", () -> window.portfolio().lineageProperty().get().waiting(CHILD));
        robot.interact(() -> window.tree().select(CHILD));
        ui.until("its Link button", () -> robot.lookup("#lineage-link").tryQuery().isPresent());
        robot.clickOn("#lineage-link");
        ui.until("the link dialog", () -> robot.lookup("#link-brokerage").tryQuery().isPresent());
        Scene dialog = robot.lookup("#link-brokerage").query().getScene();
        assertThat(robot.lookup("#link-amount").queryAs(Label.class).getText()).contains("$52,000.00");
        assertThat(robot.lookup("#broker-kind").queryComboBox().getItems()).containsExactly(BrokerKind.ALPACA_PAPER, BrokerKind.ALPACA_LIVE);
        assertThat(robot.lookup("#link-finish").queryAs(Button.class).isDisabled()).as("Link waits for a successful test").isTrue();

        robot.clickOn("#alpaca-key-id").write(KEY_ID);
        robot.clickOn("#alpaca-secret").write(SECRET);
        robot.clickOn("#vault-passphrase").write("a good vault passphrase");
        assertThat((Object) robot.lookup("#alpaca-key-id").queryAs(javafx.scene.Node.class)).isInstanceOf(PasswordField.class);
        assertThat((Object) robot.lookup("#alpaca-secret").queryAs(javafx.scene.Node.class)).isInstanceOf(PasswordField.class);
        scrollDown(robot);
        robot.clickOn("#test-connection");
        ui.until("the result", () -> robot.lookup("#connection-summary").tryQuery().isPresent() && !testing(robot));
        assertThat(details(robot)).first().asString().contains("Cash $20,000.00 is less than the $52,000.00 to transfer").contains("$32,000.00 more");
        assertThat(robot.lookup("#link-finish").queryAs(Button.class).isDisabled()).isTrue();
        ui.screenshot(dialog, "lineage-link-short");

        // the rest of the transfer arrives: the test passes and Link links
        alpaca.on("GET", "/v2/account", Reply.json(200, account("52000.00")));
        robot.clickOn("#test-connection");
        ui.until("the new result", () -> robot.lookup("#connection-summary").tryQuery().isPresent() && !testing(robot)
                && details(robot).getFirst().contains("covers"));
        assertThat(summary(robot)).isEqualTo("Alpaca paper account PA3TESTACCT1: ACTIVE");
        assertThat(details(robot).getFirst()).isEqualTo("Cash $52,000.00 covers the $52,000.00 to transfer from account-1.");
        assertThat(details(robot)).noneMatch(d -> d.contains(SECRET) || d.contains(KEY_ID));
        ui.until("Link enabled", () -> !robot.lookup("#link-finish").queryAs(Button.class).isDisabled());
        scrollDown(robot);
        ui.screenshot(dialog, "lineage-link-tested");
        robot.clickOn("#link-finish");
        ui.until("the dialog closes", () -> !dialog.getWindow().isShowing());

        Account linked = fixture.services.accounts().get(CHILD);
        assertThat(linked.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(linked.broker().kind()).isEqualTo(BrokerKind.ALPACA_PAPER);
        assertThat(linked.broker().externalAccountId()).isEqualTo("PA3TESTACCT1");
        assertThat(vault.get(AlpacaBrokerages.keyIdName(CHILD))).get().extracting(s -> s.reveal()).isEqualTo(KEY_ID);
        assertThat(vault.get(AlpacaBrokerages.secretName(CHILD))).get().extracting(s -> s.reveal()).isEqualTo(SECRET);
        var store = fixture.engine.forking().orElseThrow().store();
        assertThat(store.lineage(CHILD).state()).isEqualTo(LineageState.ACTIVE);
        // the parent's transfer out has not shown up at its broker yet: linked, the surplus still reserved there
        assertThat(store.records(PARENT).getFirst().state()).isEqualTo(ForkRecord.State.LINKED);
        assertThat(store.reserved(PARENT)).isEqualTo(AMOUNT);
        assertThat(fixture.services.ledgers().forAccount(CHILD).cashFlows()).singleElement()
                .satisfies(c -> assertThat(c.flow().amount()).isEqualTo(AMOUNT));
        assertThat(fixture.services.ledgers().forAccount(CHILD).audit()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.FORK);
            assertThat(e.summary()).contains("Linked to").contains("PA3TESTACCT1");
        });
        assertThat(fixture.engine.runtime(CHILD)).as("managed at once").isPresent();
        ui.until("the tree shows it linked and selected", () -> !window.portfolio().lineageProperty().get().waiting(CHILD)
                && window.portfolio().selectedProperty().get() instanceof PortfolioNode.AccountNode a && a.account().id().equals(CHILD)
                && FxSteps.treeIcons(robot, "waiting").isEmpty());
        ui.until("the view no longer offers a link", () -> robot.lookup("#lineage-parent").tryQuery().isPresent()
                && robot.lookup("#lineage-link").tryQuery().isEmpty());
        ui.screenshot(window.getScene(), "lineage-linked");
    }

    private static boolean testing(FxRobot robot) {
        return robot.lookup("#test-connection").queryAs(Button.class).isDisabled();
    }

    private static void scrollDown(FxRobot robot) {
        robot.interact(() -> robot.lookup("#link-brokerage .scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class).forEach(p -> p.setVvalue(1.0)));
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#connection-summary").queryAs(Label.class).getText();
    }

    private static List<String> details(FxRobot robot) {
        return robot.lookup("#connection-result .connection-detail").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
