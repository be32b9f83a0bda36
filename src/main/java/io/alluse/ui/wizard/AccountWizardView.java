package io.alluse.ui.wizard;

import atlantafx.base.theme.Styles;
import io.alluse.domain.Account;
import io.alluse.engine.AccountService;
import io.alluse.ui.common.Dialogs;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.config.AllocationPane;
import io.alluse.ui.config.ExecutionWindowPane;
import io.alluse.ui.config.SleeveParametersPane;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The wizard's frame: the list of pages on the left, the current page, and Cancel / Back / Next /
 * Create below. Each page is a small view of its own over the one {@link AccountWizardViewModel}.
 */
public final class AccountWizardView extends BorderPane {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    /** A page and what gets the keyboard focus when it is shown. */
    private record Page(Node node, Supplier<Node> focus) {
    }

    private final AccountWizardViewModel model;
    private final Map<WizardStep, Page> pages = new EnumMap<>(WizardStep.class);
    private final Map<WizardStep, Label> stepLabels = new EnumMap<>(WizardStep.class);
    private final Label title = new Label();
    private final Label description = new Label();
    private final ScrollPane content = new ScrollPane();

    public AccountWizardView(AccountWizardViewModel model) {
        this.model = model;
        setId("account-wizard");
        getStyleClass().add("wizard");

        BasicsStepView basics = new BasicsStepView(model);
        BrokerStepView broker = new BrokerStepView(model);
        AllocationPane allocation = new AllocationPane(model.config(), model.messages());
        SleeveParametersPane sleeves = new SleeveParametersPane(model.config(), model.messages());
        ExecutionWindowPane window = new ExecutionWindowPane(model.config(), model.messages());
        ReviewStepView review = new ReviewStepView(model);
        pages.put(WizardStep.BASICS, new Page(basics, basics::initialFocus));
        pages.put(WizardStep.BROKERAGE, new Page(broker, broker::initialFocus));
        pages.put(WizardStep.ALLOCATION, new Page(allocation, allocation::initialFocus));
        pages.put(WizardStep.SLEEVES, new Page(sleeves, sleeves::initialFocus));
        pages.put(WizardStep.WINDOW, new Page(window, window::initialFocus));
        pages.put(WizardStep.REVIEW, new Page(review, review::initialFocus));

        setLeft(stepList());
        setCenter(center());
        setBottom(buttons());
        disableProperty().bind(model.loadedProperty().not().and(model.problemProperty().isEmpty()));

        model.stepProperty().addListener((obs, old, now) -> show(now));
        model.messages().versionProperty().addListener(o -> markSteps());
        show(model.stepProperty().get());

        // Esc cancels from any field (a text field would otherwise keep it for itself)
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                model.cancel();
            }
        });
    }

    /**
     * Opens the wizard as a window over {@code owner}. {@code onCreated} runs on the FX thread with
     * the new account after it was created; cancelling (Cancel, Esc, closing the window) creates nothing.
     */
    public static Stage open(Window owner, AccountService accounts, UiExecutor executor, Consumer<Account> onCreated) {
        AccountWizardViewModel model = new AccountWizardViewModel(accounts, executor);
        AccountWizardView view = new AccountWizardView(model);
        Stage stage = Dialogs.modal(owner, "New account", view, 980, 700);
        stage.setOnCloseRequest(e -> {
            if (!model.cancel()) {
                e.consume();
            }
        });
        model.finishedProperty().addListener((obs, old, done) -> {
            if (done) {
                stage.close();
                Account created = model.createdProperty().get();
                if (created != null) {
                    onCreated.accept(created);
                }
            }
        });
        model.load();
        stage.show();
        return stage;
    }

    private VBox stepList() {
        Label heading = new Label("New account");
        heading.getStyleClass().addAll(Styles.TITLE_4, "wizard-heading");
        VBox list = new VBox(4, heading);
        list.getStyleClass().add("wizard-steps");
        list.setPadding(new Insets(20, 12, 20, 16));
        list.setPrefWidth(256);
        list.setMinWidth(256);
        for (WizardStep step : WizardStep.values()) {
            Label l = new Label((step.ordinal() + 1) + "  " + step.title());
            l.setId("step-" + step.name().toLowerCase(java.util.Locale.ROOT));
            l.getStyleClass().add("wizard-step");
            l.setMaxWidth(Double.MAX_VALUE);
            stepLabels.put(step, l);
            list.getChildren().add(l);
        }
        return list;
    }

    private VBox center() {
        title.setId("wizard-title");
        title.getStyleClass().add(Styles.TITLE_3);
        description.getStyleClass().add(Styles.TEXT_MUTED);
        description.setWrapText(true);
        content.setFitToWidth(true);
        content.getStyleClass().add("wizard-content");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(6, title, description, content);
        box.setPadding(new Insets(20, 24, 8, 24));
        VBox.setMargin(content, new Insets(12, 0, 0, 0));
        return box;
    }

    private VBox buttons() {
        Label problem = new Label();
        problem.setId("wizard-problem");
        problem.getStyleClass().add("field-message");
        problem.setGraphic(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Label creating = new Label("Creating the account\u2026", progress);
        creating.setId("wizard-creating");
        creating.visibleProperty().bind(model.creatingProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("wizard-cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.creatingProperty());
        cancel.setOnAction(e -> model.cancel());
        Button back = new Button("_Back", new FontIcon(Material2OutlinedAL.ARROW_BACK));
        back.setId("wizard-back");
        back.setMnemonicParsing(true);
        back.disableProperty().bind(model.canBackProperty().not());
        back.setOnAction(e -> model.back());
        Button next = new Button("_Next", new FontIcon(Material2OutlinedAL.ARROW_FORWARD));
        next.setId("wizard-next");
        next.setMnemonicParsing(true);
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(model.canNextProperty().not());
        next.setOnAction(e -> model.next());
        Button create = new Button("_Create account", new FontIcon(Material2OutlinedMZ.PLAYLIST_ADD_CHECK));
        create.setId("wizard-create");
        create.setMnemonicParsing(true);
        create.getStyleClass().add(Styles.SUCCESS);
        create.disableProperty().bind(model.canCreateProperty().not());
        create.setOnAction(e -> model.create());
        // Next on every page but the last, Create on the last; whichever shows answers Enter
        boolean[] last = {false};
        Runnable swap = () -> {
            last[0] = model.stepProperty().get().isLast();
            next.setVisible(!last[0]);
            next.setManaged(!last[0]);
            create.setVisible(last[0]);
            create.setManaged(last[0]);
            next.setDefaultButton(!last[0]);
            create.setDefaultButton(last[0]);
        };
        model.stepProperty().addListener(o -> swap.run());
        swap.run();

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(10, creating, spacer, cancel, back, next, create);
        row.setAlignment(Pos.CENTER_RIGHT);
        VBox bar = new VBox(8, problem, row);
        bar.getStyleClass().add("wizard-buttons");
        bar.setPadding(new Insets(12, 24, 16, 24));
        return bar;
    }

    private void show(WizardStep step) {
        title.setText(step.title());
        description.setText(step.description());
        Page page = pages.get(step);
        VBox padded = new VBox(page.node());
        padded.setPadding(new Insets(4, 12, 12, 2));
        content.setContent(padded);
        content.setVvalue(0);
        markSteps();
        Platform.runLater(() -> {
            Node focus = page.focus().get();
            if (focus != null) {
                focus.requestFocus();
            } else {
                focusCreate();
            }
        });
    }

    /** On the review page the Create button takes the focus, so Enter creates. */
    private void focusCreate() {
        Node create = lookup("#wizard-create");
        if (create != null && !create.isDisabled()) {
            create.requestFocus();
        }
    }

    private void markSteps() {
        WizardStep current = model.stepProperty().get();
        for (WizardStep step : WizardStep.values()) {
            Label l = stepLabels.get(step);
            boolean hasErrors = step != WizardStep.REVIEW && model.messages().any(step.fields());
            l.pseudoClassStateChanged(CURRENT, step == current);
            l.pseudoClassStateChanged(DONE, step.ordinal() < current.ordinal());
            FontIcon icon = hasErrors ? new FontIcon(Material2OutlinedAL.ERROR_OUTLINE)
                    : step.ordinal() < current.ordinal() ? new FontIcon(Material2OutlinedAL.CHECK_CIRCLE)
                    : new FontIcon(Material2OutlinedMZ.RADIO_BUTTON_UNCHECKED);
            icon.getStyleClass().add(hasErrors ? "step-icon-error" : step.ordinal() < current.ordinal() ? "step-icon-done" : "step-icon-todo");
            l.setGraphic(icon);
        }
    }
}
