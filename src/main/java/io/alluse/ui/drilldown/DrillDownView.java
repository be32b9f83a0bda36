package io.alluse.ui.drilldown;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The centre of the main window: a heading for the selection and its portfolio, account or sleeve view. */
public final class DrillDownView extends BorderPane {

    private final StackPane body = new StackPane();
    private LineageActions lineageActions = LineageActions.NONE;

    public DrillDownView(DrillDownViewModel model) {
        setId("drill-down");
        getStylesheets().add(Widgets.CSS);
        Label title = new Label();
        title.setId("drill-title");
        title.getStyleClass().add("title-3");
        title.textProperty().bind(model.titleProperty());
        Label subtitle = new Label();
        subtitle.getStyleClass().add("drill-subtitle");
        subtitle.textProperty().bind(model.subtitleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        Label error = new Label();
        error.setId("drill-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox titles = new HBox(12, title, subtitle, gap, busy);
        titles.setAlignment(Pos.BASELINE_LEFT);
        VBox header = new VBox(4, titles, error);
        header.getStyleClass().add("drill-header");
        header.setPadding(new Insets(12, 16, 8, 16));
        setTop(header);
        setCenter(body);
        model.detailProperty().addListener((obs, old, now) -> show(now));
        show(model.detailProperty().get());
    }

    private void show(DrillDownDetail detail) {
        Node content = switch (detail) {
            case null -> {
                Label waiting = Widgets.muted("Loading\u2026");
                StackPane.setAlignment(waiting, Pos.TOP_LEFT);
                StackPane.setMargin(waiting, new Insets(16));
                yield waiting;
            }
            case PortfolioDetail p -> scroll(new PortfolioView(p));
            case AccountDetail a -> new AccountView(a, lineageActions);
            case SleeveDetail s -> new SleeveView(s);
        };
        // A reload of the same node (engine events) must not throw the user back to the first tab.
        if (!body.getChildren().isEmpty() && body.getChildren().getFirst() instanceof javafx.scene.control.TabPane before
                && content instanceof javafx.scene.control.TabPane after && before.getClass() == after.getClass()
                && before.getTabs().size() == after.getTabs().size()) {
            after.getSelectionModel().select(before.getSelectionModel().getSelectedIndex());
        }
        body.getChildren().setAll(content);
    }

    /** What the lineage links and buttons of the account view do (nothing until the main window sets it). */
    public void setLineageActions(LineageActions actions) {
        this.lineageActions = actions;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }
}
