package io.alluse.ui.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountDraft;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.AccountValidator;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.SymbolCatalog;
import io.alluse.domain.Validated;
import io.alluse.domain.ledger.EquitySnapshot;
import io.alluse.domain.run.AccountHealth;
import io.alluse.engine.AccountRuntime;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.shell.Themes;
import io.alluse.ui.testing.FxSteps;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The tree's row states after the switch to pseudo-classes (decision 0030): status icons, gain and
 * loss in their colours in both themes, and the rows far down a large tree are the right accounts.
 */
@ExtendWith(ApplicationExtension.class)
class PortfolioTreeViewTest {

    static final int N = 2_000;
    Stage stage;
    PortfolioTreeView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // as the app does before any window: AtlantaFX's colours are what the tree's stylesheet looks up
        Themes.apply(false);
        List<Account> accounts = accounts(N);
        PortfolioTreeViewModel model = new PortfolioTreeViewModel(() -> accounts, UiExecutor.direct());
        view = new PortfolioTreeView(model);
        List<AccountRuntime> runtime = accounts.stream().map(a -> new AccountRuntime(a.id(), a.status(),
                a.id().value().endsWith("7") ? AccountHealth.ERROR : AccountHealth.OK, "", false, Optional.of(Instant.EPOCH))).toList();
        model.attach((list, missed) -> PortfolioFigures.compute(list, closes(list), runtime, Map.of()));
        stage.setScene(new Scene(view, 460, 520));
        stage.getScene().getStylesheets().add(Themes.APP_CSS);
        stage.show();
    }

    @AfterEach
    void light() {
        Themes.apply(false);
    }

    @Test
    void statusIconsAndGainLossInBothThemes(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> Themes.apply(dark));
            ui.until("rows", () -> cell(robot, "account-7") != null);
            // account-7 fails, account-11 is paused (paused but failing shows the failure), even accounts lose
            assertThat(states(icon(cell(robot, "account-7")))).contains("error");
            assertThat(states(icon(cell(robot, "account-11")))).contains("paused");
            assertThat(states(icon(cell(robot, "account-1")))).contains("running");
            assertThat(states(icon(cell(robot, "account-1")))).doesNotContain("paused", "error");
            Label gain = pnl(cell(robot, "account-1"));
            Label loss = pnl(cell(robot, "account-2"));
            assertThat(gain.getText()).startsWith("+$");
            assertThat(loss.getText()).startsWith("-$");
            assertThat(states(gain)).contains("gain").doesNotContain("loss");
            assertThat(states(loss)).contains("loss").doesNotContain("gain");
            // the stylesheet resolves the states: green for a gain, red for a loss, in either theme
            Color g = (Color) gain.getTextFill();
            Color l = (Color) loss.getTextFill();
            assertThat(g.getGreen()).as("gain green").isGreaterThan(g.getRed());
            assertThat(l.getRed()).as("loss red").isGreaterThan(l.getGreen());
            Color paused = (Color) icon(cell(robot, "account-11")).getIconColor();
            Color error = (Color) icon(cell(robot, "account-7")).getIconColor();
            assertThat(paused).isNotEqualTo(error);
            ui.screenshot(stage.getScene(), dark ? "portfolio-tree-states-dark" : "portfolio-tree-states-light");
        }
    }

    @Test
    void rowsFarDownAreTheRightAccountsBeforeAndAfterAnExpand(FxRobot robot) {
        FxSteps ui = new FxSteps(robot);
        ui.until("rows", () -> cell(robot, "account-1") != null);
        robot.interact(() -> view.tree().scrollTo(1_500));
        ui.until("account-1500 shown", () -> cell(robot, "account-1500") != null);
        robot.interact(() -> {
            assertThat(view.tree().getTreeItem(1_500).getValue()).isInstanceOf(PortfolioNode.AccountNode.class);
            assertThat(((PortfolioNode.AccountNode) view.tree().getTreeItem(1_500).getValue()).account().id().value()).isEqualTo("account-1500");
            view.tree().getRoot().getChildren().get(1_000).setExpanded(true);
            // the three sleeves of account-1001 now sit above row 1,500
            assertThat(((PortfolioNode.AccountNode) view.tree().getTreeItem(1_503).getValue()).account().id().value()).isEqualTo("account-1500");
            assertThat(view.tree().getTreeItem(1_002).getValue()).isInstanceOf(PortfolioNode.SleeveNode.class);
            view.tree().scrollTo(998);
        });
        ui.until("account-1001's sleeves shown", () -> robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .anyMatch(c -> c.getItem() instanceof PortfolioNode.SleeveNode s && s.account().id().value().equals("account-1001")
                        && s.kind() == SleeveKind.COM));
        ui.screenshot(stage.getScene(), "portfolio-tree-expanded-far-down");
    }

    private static TreeCell<?> cell(FxRobot robot, String id) {
        return robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getItem() instanceof PortfolioNode.AccountNode a && a.account().id().value().equals(id))
                .findFirst().orElse(null);
    }

    private static FontIcon icon(TreeCell<?> cell) {
        return (FontIcon) ((Label) ((HBox) cell.getGraphic()).getChildren().getFirst()).getGraphic();
    }

    private static Label pnl(TreeCell<?> cell) {
        return (Label) ((HBox) cell.getGraphic()).getChildren().stream().filter(n -> n.getStyleClass().contains("tree-pnl")).findFirst().orElseThrow();
    }

    private static List<String> states(javafx.scene.Node node) {
        return node.getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName).toList();
    }

    static List<Account> accounts(int n) {
        Validated<NewAccount> valid = new AccountValidator(SymbolCatalog.ANY).validateNew(
                AccountDraft.defaults("account-1", "Account-1", ExecutionWindow.of("09:45", "10:15")),
                new AccountValidator.Existing(new HashSet<>(), Map.of()));
        AccountConfig config = ((Validated.Valid<NewAccount>) valid).value().config();
        List<Account> list = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            AccountId id = new AccountId("account-" + i);
            list.add(new Account(id, "Account-" + i, Money.ofDollars(500_000), i % 11 == 0 ? AccountStatus.PAUSED : AccountStatus.ACTIVE,
                    config, SleeveCapitals.split(Money.ofDollars(500_000), config), BrokerConnection.paperFor(id), Instant.EPOCH));
        }
        return list;
    }

    /** Two closes a week apart per sleeve: odd accounts gained $1,000 per sleeve, even ones lost $1,000. */
    static List<EquitySnapshot> closes(List<Account> accounts) {
        List<EquitySnapshot> out = new ArrayList<>();
        LocalDate first = LocalDate.of(2031, 3, 3);
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            long change = (i % 2 == 0 ? 1 : -1) * 100_000L;
            for (SleeveKind kind : SleeveKind.values()) {
                Money start = a.capital().of(kind);
                Money end = start.plus(Money.ofCents(change));
                out.add(new EquitySnapshot(a.id(), kind, first, start, Money.ZERO, start, Money.ZERO));
                out.add(new EquitySnapshot(a.id(), kind, first.plusDays(7), end, Money.ZERO, end, Money.ZERO));
            }
        }
        return out;
    }
}
