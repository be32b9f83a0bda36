package io.alluse.ui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.alluse.analytics.export.ExportFile;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.ui.common.FxUiExecutor;
import io.alluse.ui.shell.Themes;
import io.alluse.ui.testing.FxSteps;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The export dialog over real ledgers (a week and a day of the real engine): the file it writes is
 * exactly the analytics export, a bad year blocks Export with its message, and a folder that cannot
 * be written shows an error next to the file field and leaves no file behind.
 */
@ExtendWith(ApplicationExtension.class)
class ExportViewTest {

    @TempDir
    static Path dir;
    UiTestServices fixture;
    FxUiExecutor executor;
    Stage owner;
    final List<String> reported = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        fixture = new UiTestServices(dir.resolve("data-" + System.nanoTime()));
        fixture.services.accounts().ensureFirstAccount();
        fixture.services.accounts().create(fixture.services.accounts().newAccountDraft());
        Themes.apply(false);
        executor = new FxUiExecutor();
        owner = stage;
        Scene scene = new Scene(new StackPane(), 400, 300);
        scene.getStylesheets().add(Themes.APP_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        fixture.close();
    }

    private ExportViewModel open(FxRobot robot, Path folder) {
        Account account = fixture.services.accounts().get(new AccountId("account-1"));
        LocalDate today = LocalDate.ofInstant(fixture.time.now(), io.alluse.market.calendar.ExchangeCalendar.NEW_YORK);
        ExportViewModel model = new ExportViewModel(fixture.services.exports(), Optional.of(account), folder, today, executor,
                ExportFile::writeAtomically);
        robot.interact(() -> ExportView.open(owner, model, reported::add));
        new FxSteps(robot).until("the dialog", () -> robot.lookup("#export-dialog").tryQuery().isPresent());
        return model;
    }

    @Test
    void exportsTheAccountsTransactionsExactlyAsAnalyticsDoes(FxRobot robot) throws Exception {
        fixture.runEngineUntil(UiTestServices.START.plus(Duration.ofDays(8)));
        Path out = Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
        FxSteps ui = new FxSteps(robot);
        open(robot, out);

        // prefilled: transactions of this account into the given folder; last year (of the paper clock) for gains
        Path suggested = out.resolve("alluse-transactions-account-1-2031-03-11.csv");
        assertThat(ui.field(ExportViewModel.FILE).getText()).isEqualTo(suggested.toString());
        assertThat(ui.field(ExportViewModel.YEAR).getText()).isEqualTo("2030");
        assertThat(ui.field(ExportViewModel.YEAR).isDisabled()).as("the year is for gains only").isTrue();

        robot.clickOn("#export-run");
        ui.until("the result", () -> !robot.lookup("#export-result").queryAs(Label.class).getText().isEmpty());
        String expected = fixture.services.exports().transactionsCsv(Optional.of(new AccountId("account-1")));
        assertThat(Files.readString(suggested)).isEqualTo(expected);
        long rows = expected.lines().count() - 1;
        assertThat(rows).as("a week of trading books transactions").isGreaterThan(2);
        assertThat(robot.lookup("#export-result").queryAs(Label.class).getText())
                .contains("Wrote " + rows + " transaction(s)").contains(suggested.toString());
        assertThat(reported).containsExactly("Exported " + rows + " line(s) to " + suggested);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).as("no temporary file left beside it").containsExactly(suggested);
        }
        ui.screenshot(robot.lookup("#export-dialog").query().getScene(), "export-dialog-done");

        // realized gains of all accounts: the name follows the choices, totals are shown
        robot.clickOn("#export-kind-gains");
        robot.clickOn("#export-scope-all");
        ui.type(ExportViewModel.YEAR, "2031");
        Path gains = out.resolve("alluse-gains-2031-all-accounts.csv");
        assertThat(ui.field(ExportViewModel.FILE).getText()).isEqualTo(gains.toString());
        robot.clickOn("#export-run");
        ui.until("the gains result", () -> robot.lookup("#export-result").queryAs(Label.class).getText().contains("Short-term"));
        var report = fixture.services.exports().gains(2031, Optional.empty());
        assertThat(Files.readString(gains)).isEqualTo(report.csv());
        assertThat(robot.lookup("#export-result").queryAs(Label.class).getText())
                .contains("Wrote " + report.lines() + " realized gain line(s)")
                .contains("Short-term " + report.shortTerm().format() + ", long-term " + report.longTerm().format());
        ui.screenshot(robot.lookup("#export-dialog").query().getScene(), "export-dialog-gains");
    }

    @Test
    void aBadYearIsNamedAndBlocksExport(FxRobot robot) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
        FxSteps ui = new FxSteps(robot);
        open(robot, out);
        Button export = robot.lookup("#export-run").queryButton();
        robot.clickOn("#export-kind-gains");
        ui.type(ExportViewModel.YEAR, "20x5");
        assertThat(ui.message(ExportViewModel.YEAR).getText()).isEqualTo("Tax year: '20x5' is not a year; give four digits, e.g. 2030.");
        assertThat(export.isDisabled()).isTrue();
        ui.type(ExportViewModel.YEAR, "1969");
        assertThat(ui.message(ExportViewModel.YEAR).getText()).startsWith("Tax year: 1969 is outside 1970..2199");
        assertThat(export.isDisabled()).isTrue();
        ui.screenshot(robot.lookup("#export-dialog").query().getScene(), "export-dialog-bad-year");
        ui.type(ExportViewModel.YEAR, "2030");
        assertThat(ui.message(ExportViewModel.YEAR).getText()).isEmpty();
        assertThat(export.isDisabled()).isFalse();
        // back to transactions: the year no longer matters
        ui.type(ExportViewModel.YEAR, "abc");
        robot.clickOn("#export-kind-transactions");
        assertThat(export.isDisabled()).isFalse();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnwritableFolderShowsAnErrorAndWritesNothing(FxRobot robot) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
        FxSteps ui = new FxSteps(robot);
        open(robot, out);
        Button export = robot.lookup("#export-run").queryButton();

        // a folder the user may not write to, noticed as the path is typed
        Path locked = Files.createDirectories(dir.resolve("locked-" + System.nanoTime()));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(locked)) {
            // as root permissions do not bind: a read-only kernel folder stands in
            locked = Path.of("/proc/sys");
        }
        assumeThat(Files.isWritable(locked)).as("a folder this user cannot write to").isFalse();
        List<Path> before;
        try (Stream<Path> files = Files.list(locked)) {
            before = files.toList();
        }
        ui.type(ExportViewModel.FILE, locked.resolve("tx.csv").toString());
        assertThat(ui.message(ExportViewModel.FILE).getText()).startsWith("Output file: cannot write to " + locked.resolve("tx.csv"))
                .contains("choose a folder you can write to");
        assertThat(export.isDisabled()).isTrue();
        ui.screenshot(robot.lookup("#export-dialog").query().getScene(), "export-dialog-unwritable");
        try (Stream<Path> files = Files.list(locked)) {
            assertThat(files.toList()).isEqualTo(before);
        }

        // a folder that does not exist
        ui.type(ExportViewModel.FILE, out.resolve("missing").resolve("tx.csv").toString());
        assertThat(ui.message(ExportViewModel.FILE).getText()).contains("does not exist");
        assertThat(export.isDisabled()).isTrue();

        // a write that fails only when it is made (here the file system refuses the temporary file's long name):
        // the error sits at the file field and no file, whole or partial, is left
        ui.type(ExportViewModel.FILE, out.resolve("t".repeat(245) + ".csv").toString());
        assertThat(ui.message(ExportViewModel.FILE).getText()).isEmpty();
        robot.clickOn("#export-run");
        ui.until("the write error", () -> !ui.message(ExportViewModel.FILE).getText().isEmpty());
        assertThat(ui.message(ExportViewModel.FILE).getText()).startsWith("Output file: could not write " + out).endsWith("Nothing was written.")
                .as("the temporary name is ours, not the user's business").doesNotContain(".part");
        assertThat(robot.lookup("#export-failure").queryAs(Label.class).getText()).contains("nothing was written");
        assertThat(robot.lookup("#export-result").queryAs(Label.class).getText()).isEmpty();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
        ui.screenshot(robot.lookup("#export-dialog").query().getScene(), "export-dialog-write-failed");
    }
}
