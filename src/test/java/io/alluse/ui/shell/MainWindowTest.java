package io.alluse.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.SleeveKind;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.common.Screenshots;
import io.alluse.ui.portfolio.PortfolioNode;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path dir;
    UiTestServices fixture;
    FxUiExecutor executor;
    MainWindow window;

    @Start
    void start(Stage stage) {
        fixture = new UiTestServices(dir.resolve("data-" + System.nanoTime()));
        fixture.services.accounts().ensureFirstAccount();
        fixture.services.accounts().create(fixture.services.accounts().newAccountDraft().withCapital("750000"));
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
    }

    @Test
    void showsPortfolioAccountsAndTheirSleevesWithCapitalAndTarget(FxRobot robot) throws Exception {
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);

        TreeItem<PortfolioNode> root = tree.getRoot();
        assertThat(root.getValue()).isInstanceOf(PortfolioNode.Portfolio.class);
        assertThat(root.getValue().capital().formatWhole()).isEqualTo("$1,250,000");
        TreeItem<PortfolioNode> first = root.getChildren().getFirst();
        assertThat(first.getValue().label()).isEqualTo("Account-1");
        assertThat(first.getChildren()).extracting(i -> i.getValue().label()).containsExactly("Gen-Acc", "Rev-Acc", "Com-Acc");
        PortfolioNode.SleeveNode gen = (PortfolioNode.SleeveNode) first.getChildren().getFirst().getValue();
        assertThat(gen.kind()).isEqualTo(SleeveKind.GEN);
        assertThat(gen.capital().formatWhole()).isEqualTo("$200,000");
        assertThat(gen.target().toString()).isEqualTo("40%");
        PortfolioNode.SleeveNode com2 = (PortfolioNode.SleeveNode) root.getChildren().get(1).getChildren().get(2).getValue();
        assertThat(com2.capital().formatWhole()).isEqualTo("$225,000");

        // what the user reads in the cells, not just the model
        assertThat(robot.lookup(".tree-cell").queryAll()).anySatisfy(cell ->
                assertThat(((javafx.scene.control.TreeCell<?>) cell).getGraphic()).isNotNull());
        assertThat(robot.lookup(".tree-capital").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).contains("$500,000", "$200,000", "$150,000", "$750,000");

        robot.interact(() -> tree.getSelectionModel().select(first));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".title-3").queryLabeled().getText()).contains("Account-1");

        Path png = UiTestServices.screenshot("main-window");
        robot.interact(() -> {
            try {
                Screenshots.write(window.getScene(), png);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void filterKeepsOnlyMatchingAccounts(FxRobot robot) throws Exception {
        TreeView<PortfolioNode> tree = robot.lookup("#portfolio-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);
        robot.clickOn("#portfolio-filter").write("account-2");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tree.getRoot().getChildren().size() == 1);
        assertThat(tree.getRoot().getChildren().getFirst().getValue().label()).isEqualTo("Account-2");
    }
}
