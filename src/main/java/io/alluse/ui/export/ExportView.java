package io.alluse.ui.export;

import atlantafx.base.theme.Styles;
import io.alluse.analytics.export.ExportFile;
import io.alluse.domain.Account;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.ui.WorkstationServices;
import io.alluse.ui.common.Dialogs;
import io.alluse.ui.common.Form;
import io.alluse.ui.common.UiExecutor;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The export dialog: transactions or a tax year's realized gains, of one account or all, to a CSV file. */
public final class ExportView extends VBox {

    private ExportView(ExportViewModel model, Runnable close, Consumer<String> done) {
        setId("export-dialog");
        setPadding(new Insets(18));
        setSpacing(12);
        Label title = new Label("Export to a spreadsheet file (CSV)");
        title.getStyleClass().add("title-4");
        Label intro = new Label("Writes the ledger as it is now. Realized gains match lots first in, first out over each account's "
                + "whole history; expired short options count at expiry, assigned puts lower the shares' basis.");
        intro.setWrapText(true);
        intro.getStyleClass().add("form-hint");

        ToggleGroup kinds = new ToggleGroup();
        RadioButton transactions = radio("_Transactions CSV", "export-kind-transactions", kinds);
        RadioButton gains = radio("Realized _gains for tax year", "export-kind-gains", kinds);
        kinds.selectToggle(model.kindProperty().get() == ExportViewModel.Kind.GAINS ? gains : transactions);
        kinds.selectedToggleProperty().addListener((obs, old, now) -> model.kindProperty().set(
                now == gains ? ExportViewModel.Kind.GAINS : ExportViewModel.Kind.TRANSACTIONS));

        ToggleGroup scopes = new ToggleGroup();
        RadioButton thisAccount = radio(model.account().map(a -> "This account (" + a.name() + ")").orElse("This account (none selected)"),
                "export-scope-account", scopes);
        thisAccount.setMnemonicParsing(false);
        thisAccount.setDisable(model.account().isEmpty());
        RadioButton all = radio("_All accounts", "export-scope-all", scopes);
        scopes.selectToggle(model.thisAccountProperty().get() ? thisAccount : all);
        scopes.selectedToggleProperty().addListener((obs, old, now) -> model.thisAccountProperty().set(now == thisAccount));

        Form form = new Form(model.messages());
        form.row("Export", new VBox(6, transactions, gains), null);
        TextField year = form.text("Tax _year", ExportViewModel.YEAR, model.yearProperty(), 6, "four digits; lots closed in that year",
                "The tax year whose realized gains are exported");
        year.disableProperty().bind(model.kindProperty().isNotEqualTo(ExportViewModel.Kind.GAINS));
        form.row("Of", new HBox(16, thisAccount, all), null);

        TextField file = new TextField();
        file.setId(Form.fieldId(ExportViewModel.FILE));
        file.setPrefColumnCount(38);
        file.textProperty().bindBidirectional(model.fileProperty());
        Form.markInvalid(file, model.messages().message(ExportViewModel.FILE));
        Button browse = new Button("_Browse\u2026");
        browse.setId("export-browse");
        browse.setOnAction(e -> browse(model, browse.getScene().getWindow()));
        HBox fileRow = new HBox(8, file, browse);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        form.row("Output _file", fileRow, null);
        form.message(ExportViewModel.FILE);

        Label failure = new Label();
        failure.setId("export-failure");
        failure.getStyleClass().add(Styles.DANGER);
        failure.setWrapText(true);
        failure.textProperty().bind(model.failureProperty());
        failure.managedProperty().bind(failure.textProperty().isNotEmpty());
        failure.visibleProperty().bind(failure.managedProperty());

        Label result = new Label();
        result.setId("export-result");
        result.getStyleClass().add(Styles.SUCCESS);
        result.setWrapText(true);
        result.textProperty().bind(Bindings.createStringBinding(() -> describe(model.resultProperty().get()), model.resultProperty()));
        result.managedProperty().bind(result.textProperty().isNotEmpty());
        result.visibleProperty().bind(result.managedProperty());
        Label warnings = new Label();
        warnings.setId("export-warnings");
        warnings.getStyleClass().add(Styles.WARNING);
        warnings.setWrapText(true);
        warnings.textProperty().bind(Bindings.createStringBinding(() -> Optional.ofNullable(model.resultProperty().get())
                .filter(r -> !r.warnings().isEmpty())
                .map(r -> r.warnings().size() + " warning(s): lots the ledger could not match\n\u2022 " + String.join("\n\u2022 ", r.warnings()))
                .orElse(""), model.resultProperty()));
        warnings.managedProperty().bind(warnings.textProperty().isNotEmpty());
        warnings.visibleProperty().bind(warnings.managedProperty());

        ProgressBar busy = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        busy.setId("export-progress");
        busy.setPrefWidth(140);
        busy.visibleProperty().bind(model.workingProperty());
        Label busyText = new Label("Exporting\u2026");
        busyText.getStyleClass().add("form-hint");
        busyText.visibleProperty().bind(model.workingProperty());
        Button cancel = new Button("Close");
        cancel.setId("export-close");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button export = new Button("_Export");
        export.setId("export-run");
        export.setDefaultButton(true);
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(model.validProperty().not().or(model.workingProperty()));
        export.setOnAction(e -> model.export());
        model.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                done.accept("Exported " + now.lines() + " line(s) to " + now.file());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, busy, busyText, spacer, cancel, export);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        getChildren().addAll(title, intro, form, failure, result, warnings, grow, buttons);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
            }
        });
    }

    private static RadioButton radio(String text, String id, ToggleGroup group) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setToggleGroup(group);
        return r;
    }

    static String describe(ExportViewModel.Result r) {
        if (r == null) {
            return "";
        }
        String what = r.kind() == ExportViewModel.Kind.TRANSACTIONS ? r.lines() + " transaction(s)" : r.lines() + " realized gain line(s)";
        String totals = r.shortTerm().isPresent()
                ? "\nShort-term " + r.shortTerm().get().format() + ", long-term " + r.longTerm().orElseThrow().format() + "."
                : "";
        return "Wrote " + what + " to\n" + r.file() + totals;
    }

    private static void browse(ExportViewModel model, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        try {
            Path current = Path.of(model.fileProperty().get().strip()).toAbsolutePath();
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            if (current.getFileName() != null) {
                chooser.setInitialFileName(current.getFileName().toString());
            }
        } catch (RuntimeException e) {
            // a half-typed path: the chooser starts in its own default place
        }
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            model.fileProperty().set(chosen.getAbsolutePath());
        }
    }

    /**
     * Opens the dialog for {@code account} (empty: all accounts); {@code done} gets a sentence for the
     * status bar after each export.
     */
    public static Stage open(Window owner, WorkstationServices services, Optional<Account> account, UiExecutor executor, Consumer<String> done) {
        LocalDate today = LocalDate.ofInstant(services.paperClock().now(), ExchangeCalendar.NEW_YORK);
        ExportViewModel model = new ExportViewModel(services.exports(), account, ExportViewModel.documentsFolder(), today, executor,
                ExportFile::writeAtomically);
        return open(owner, model, done);
    }

    /** Opens the dialog over a prepared view-model (tests choose the folder and the writer). */
    public static Stage open(Window owner, ExportViewModel model, Consumer<String> done) {
        Stage[] stage = new Stage[1];
        ExportView view = new ExportView(model, () -> stage[0].close(), done);
        stage[0] = Dialogs.modal(owner, "Export" + model.account().map(a -> " \u2013 " + a.name()).orElse(""), view, 760, 560);
        stage[0].show();
        return stage[0];
    }
}
