package io.alluse.ui.config;

import atlantafx.base.theme.Styles;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.engine.AccountService;
import io.alluse.ui.common.Dialogs;
import io.alluse.ui.common.Formats;
import io.alluse.ui.common.UiExecutor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The configuration dialog: the wizard's allocation, sleeve and window parts on tabs at the left,
 * position sizing before and after on the right, Cancel and Apply below.
 */
public final class ConfigureAccountView extends BorderPane {

    private final ConfigureAccountViewModel model;
    private final TabPane tabs = new TabPane();
    private final GridPane sizingGrid = new GridPane();
    private final AllocationPane allocation;

    public ConfigureAccountView(ConfigureAccountViewModel model) {
        this.model = model;
        setId("configure-account");
        allocation = new AllocationPane(model.form(), model.messages());
        SleeveParametersPane sleeves = new SleeveParametersPane(model.form(), model.messages());
        ExecutionWindowPane window = new ExecutionWindowPane(model.form(), model.messages());
        tabs.setId("config-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("config-tab-allocation", "Allocation", allocation, f -> f.equals("allocation") || f.equals("cashBuffer") || f.endsWith(".target")),
                tab("config-tab-sleeves", "Sleeves", sleeves, f -> !f.endsWith(".target") && f.matches("(gen|rev|com)(\\..*)?")),
                tab("config-tab-window", "Execution window", window, f -> f.startsWith("window")));

        setTop(header());
        HBox.setHgrow(tabs, Priority.ALWAYS);
        HBox body = new HBox(20, tabs, sizingPanel());
        body.setPadding(new Insets(0, 20, 0, 20));
        setCenter(body);
        setBottom(buttons());
        disableProperty().bind(model.loadedProperty().not().and(model.problemProperty().isEmpty()));
        model.sizingProperty().addListener((obs, old, now) -> showSizing(now));

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                model.cancel();
            }
        });
        model.loadedProperty().addListener((obs, old, now) -> {
            if (now) {
                Platform.runLater(() -> allocation.initialFocus().requestFocus());
            }
        });
    }

    /**
     * Opens the dialog for {@code id} over {@code owner}; {@code onApplied} runs with the changed
     * account after Apply succeeded. Cancel, Esc or closing the window change nothing.
     */
    public static Stage open(Window owner, AccountService accounts, UiExecutor executor, AccountId id, Consumer<Account> onApplied) {
        ConfigureAccountViewModel model = new ConfigureAccountViewModel(accounts, executor, id);
        ConfigureAccountView view = new ConfigureAccountView(model);
        Stage stage = Dialogs.modal(owner, "Configure " + id, view, 1180, 780);
        stage.setOnCloseRequest(e -> {
            if (!model.cancel()) {
                e.consume();
            }
        });
        model.finishedProperty().addListener((obs, old, done) -> {
            if (done) {
                stage.close();
                Account applied = model.appliedProperty().get();
                if (applied != null) {
                    onApplied.accept(applied);
                }
            }
        });
        model.load();
        stage.show();
        return stage;
    }

    private Tab tab(String id, String text, Region content, Predicate<String> fields) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("wizard-content");
        content.setPadding(new Insets(14, 12, 12, 4));
        Tab tab = new Tab(text, scroll);
        tab.setId(id);
        Runnable badge = () -> tab.setGraphic(model.messages().any(fields) ? SleeveParametersPane.errorIcon() : null);
        model.messages().versionProperty().addListener(o -> badge.run());
        badge.run();
        return tab;
    }

    private VBox header() {
        Label title = new Label("Configure");
        title.setId("config-title");
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label();
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        model.accountProperty().addListener((obs, old, a) -> {
            title.setText("Configure " + a.name());
            subtitle.setText(a.id() + "  \u00b7  capital " + Formats.moneyExact(a.totalCapital()) + "  \u00b7  " + a.broker().kind().label()
                    + "  \u00b7  changes apply to future trades; open positions are kept");
        });
        VBox box = new VBox(4, title, subtitle);
        box.setPadding(new Insets(18, 20, 10, 20));
        return box;
    }

    private VBox sizingPanel() {
        Label title = new Label("Position sizing at today's prices");
        title.getStyleClass().add(Styles.TITLE_4);
        Label note = new Label("Before: the account as it is. After: with your changes. Changed figures are highlighted.");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        sizingGrid.setId("sizing-table");
        sizingGrid.getStyleClass().add("sizing-table");
        sizingGrid.setHgap(10);
        sizingGrid.setVgap(1);
        sizingGrid.getColumnConstraints().add(new ColumnConstraints(84));
        for (int c = 0; c < 4; c++) {
            // contracts, amount; contracts, amount: numbers line up on the right
            ColumnConstraints cc = new ColumnConstraints(c % 2 == 0 ? 68 : 100);
            cc.setHalignment(HPos.RIGHT);
            sizingGrid.getColumnConstraints().add(cc);
        }
        ScrollPane scroll = new ScrollPane(sizingGrid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("wizard-content");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox panel = new VBox(6, title, note, scroll);
        panel.getStyleClass().add("sizing-panel");
        panel.setPadding(new Insets(14, 14, 14, 16));
        panel.setMinWidth(520);
        panel.setPrefWidth(520);
        return panel;
    }

    private void showSizing(SizingComparison sizing) {
        sizingGrid.getChildren().clear();
        if (sizing == null) {
            return;
        }
        int r = 0;
        Label before = head("Before");
        Label after = head("After");
        GridPane.setHalignment(before, HPos.CENTER);
        GridPane.setHalignment(after, HPos.CENTER);
        sizingGrid.add(before, 1, r, 2, 1);
        sizingGrid.add(after, 3, r++, 2, 1);
        sizingGrid.addRow(r++, new Label(), head("Contracts"), head("Amount"), head("Contracts"), head("Amount"));
        for (SizingComparison.Section section : sizing.sections()) {
            Label title = new Label(section.title());
            title.getStyleClass().addAll(Styles.TEXT_BOLD, "sizing-sleeve");
            GridPane.setMargin(title, new Insets(8, 0, 2, 0));
            sizingGrid.add(title, 0, r++, 5, 1);
            for (SizingComparison.Line line : section.lines()) {
                String id = "sizing-" + section.kind().key() + "-" + line.label().replace(' ', '-').toLowerCase(java.util.Locale.ROOT);
                Label l = new Label(line.label());
                l.getStyleClass().add(line.changed() ? "sizing-changed-label" : "sizing-label");
                sizingGrid.add(l, 0, r);
                cells(line.before(), id + "-before", false, 1, r);
                cells(line.after(), id + "-after", line.changed(), 3, r);
                r++;
            }
        }
        if (!sizing.afterKnown()) {
            Label fix = new Label("Fix the highlighted fields to see the sizing after your changes.");
            fix.setWrapText(true);
            fix.getStyleClass().add("field-message");
            GridPane.setMargin(fix, new Insets(10, 0, 0, 0));
            sizingGrid.add(fix, 0, r, 5, 1);
        }
    }

    private void cells(SizingComparison.Cell cell, String id, boolean changed, int column, int row) {
        Label contracts = new Label(cell.contracts());
        contracts.setId(id + "-contracts");
        Label amount = new Label(cell.amount());
        amount.setId(id);
        for (Label l : new Label[] {contracts, amount}) {
            l.getStyleClass().add("number");
            if (changed && !l.getText().isEmpty()) {
                l.getStyleClass().add("sizing-changed");
            }
        }
        sizingGrid.add(contracts, column, row);
        sizingGrid.add(amount, column + 1, row);
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("preview-head");
        return l;
    }

    private VBox buttons() {
        Label problem = new Label();
        problem.setId("config-problem");
        problem.getStyleClass().add("field-message");
        problem.setGraphic(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Label applying = new Label("Applying\u2026", progress);
        applying.visibleProperty().bind(model.applyingProperty());
        Label unchanged = new Label("No changes yet");
        unchanged.setId("config-unchanged");
        unchanged.getStyleClass().add(Styles.TEXT_MUTED);
        unchanged.visibleProperty().bind(model.loadedProperty().and(model.validProperty()).and(model.changedProperty().not()));
        unchanged.managedProperty().bind(unchanged.visibleProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("config-cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.applyingProperty());
        cancel.setOnAction(e -> model.cancel());
        Button apply = new Button("_Apply", new FontIcon(Material2OutlinedAL.CHECK));
        apply.setId("config-apply");
        apply.setMnemonicParsing(true);
        apply.setDefaultButton(true);
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(model.canApplyProperty().not());
        apply.setOnAction(e -> model.apply());
        apply.setTooltip(io.alluse.ui.common.Form.tooltip("Apply the changes to future trades (recorded in the account's audit log) and close."));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(10, applying, unchanged, spacer, cancel, apply);
        row.setAlignment(Pos.CENTER_RIGHT);
        VBox bar = new VBox(8, problem, row);
        bar.getStyleClass().add("wizard-buttons");
        bar.setPadding(new Insets(12, 20, 16, 20));
        BorderPane.setMargin(bar, new Insets(12, 0, 0, 0));
        return bar;
    }
}
